import { ZodError } from "zod";
import {
  type SuggestRequest,
  SuggestRequestSchema,
  type SuggestResult,
  SuggestResultSchema,
} from "../schemas/api.ts";
import type { ResolvedServerOptions } from "./options.ts";
import { describeZodError, HttpError } from "./respond.ts";

/** Validates one request object against SuggestRequestSchema (400 naming the problem). */
export function parseSuggestRequest(value: unknown, where = ""): SuggestRequest {
  const parsed = SuggestRequestSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, "invalid_request", `${where}${describeZodError(parsed.error)}`);
}

/** The request's `id` when it has a usable one, even if the rest of the request is wrong. */
export function idOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("id" in value)) return undefined;
  const id = (value as { id: unknown }).id;
  return typeof id === "string" ? id : undefined;
}

function pipelineError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ZodError) {
    return new HttpError(400, "invalid_options", describeZodError(error));
  }
  // The library's InputError (bad options, e.g. a code set it does not carry), matched by name.
  if (error instanceof Error && error.name === "InputError") {
    return new HttpError(400, "invalid_options", error.message);
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new HttpError(500, "internal", `the pipeline failed on this note (${reason})`);
}

/**
 * Calls the library on one validated request and checks the result against the contract, so a
 * client never receives a shape the OpenAPI document does not describe.
 */
export function runSuggest(request: SuggestRequest, opts: ResolvedServerOptions): SuggestResult {
  let result: SuggestResult;
  try {
    result = opts.suggest(request.text, {
      ...request.options,
      ...(request.id !== undefined ? { id: request.id } : {}),
    });
  } catch (error) {
    throw pipelineError(error);
  }
  if (request.id !== undefined && result.id === undefined) result = { id: request.id, ...result };
  if (opts.validateResults) {
    const check = SuggestResultSchema.safeParse(result);
    if (!check.success) {
      const detail = describeZodError(check.error);
      throw new HttpError(
        500,
        "invalid_result",
        `the pipeline returned an invalid result: ${detail}`,
      );
    }
  }
  return result;
}
