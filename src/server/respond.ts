import type { IncomingMessage, ServerResponse } from "node:http";
import type { ZodError } from "zod";
import type { ErrorBody } from "../schemas/api.ts";

/** A request the server refuses: status, a stable `kind` and a message naming the problem. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What the access log records about one request. Never holds note text. */
export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly startedAt: bigint;
  id?: string;
  bytesIn: number;
  bytesOut: number;
  records?: number;
  recordErrors?: number;
  errorKind?: string;
}

export function newContext(req: IncomingMessage, path: string): RequestContext {
  return {
    method: req.method ?? "?",
    path,
    startedAt: process.hrtime.bigint(),
    bytesIn: 0,
    bytesOut: 0,
  };
}

export const API_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

export function canRespond(res: ServerResponse): boolean {
  return !res.headersSent && !res.writableEnded && !res.destroyed;
}

export function sendBody(
  res: ServerResponse,
  ctx: RequestContext,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (!canRespond(res)) return;
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, {
    ...API_HEADERS,
    ...headers,
    "content-type": contentType,
    "content-length": String(bytes.length),
  });
  ctx.bytesOut += bytes.length;
  res.end(res.req.method === "HEAD" ? undefined : bytes);
}

export function sendJson(
  res: ServerResponse,
  ctx: RequestContext,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  sendBody(res, ctx, status, "application/json; charset=utf-8", JSON.stringify(value), headers);
}

/**
 * Sends `{"error": {kind, message}}`. Refusals that come before or instead of reading the body
 * (413, 408, 503) close the connection, so an unread upload cannot be taken for the next request.
 */
export function sendError(res: ServerResponse, ctx: RequestContext, error: HttpError): void {
  ctx.errorKind = error.kind;
  const body: ErrorBody = {
    ...(ctx.id !== undefined ? { id: ctx.id } : {}),
    error: { kind: error.kind, message: error.message },
  };
  const close = error.status === 408 || error.status === 413 || error.status === 503;
  sendJson(
    res,
    ctx,
    error.status,
    body,
    close ? { ...error.headers, connection: "close" } : error.headers,
  );
}

/** One line naming every problem zod found, e.g. `text: Invalid input: expected string`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
