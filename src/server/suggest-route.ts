import type { IncomingMessage, ServerResponse } from "node:http";
import { decodeUtf8, parseJson, readBody } from "./body.ts";
import type { ResolvedServerOptions } from "./options.ts";
import { type RequestContext, sendJson } from "./respond.ts";
import { idOf, parseSuggestRequest, runSuggest } from "./run.ts";

/** POST /v1/suggest: `{"text", "id"?, "options"?}` -> one SuggestResult. */
export async function handleSuggest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  opts: ResolvedServerOptions,
): Promise<void> {
  const body = await readBody(req, ctx, {
    maxBytes: opts.maxBodyBytes,
    timeoutMs: opts.requestTimeoutMs,
  });
  const value = parseJson(decodeUtf8(body));
  ctx.id = idOf(value);
  const request = parseSuggestRequest(value);
  sendJson(res, ctx, 200, runSuggest(request, opts));
}
