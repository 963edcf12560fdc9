import type { IncomingMessage, ServerResponse } from "node:http";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { ErrorBody, SuggestResult } from "../schemas/api.ts";
import { decodeUtf8, parseJson, readBody } from "./body.ts";
import type { ResolvedServerOptions } from "./options.ts";
import { API_HEADERS, HttpError, type RequestContext } from "./respond.ts";
import { idOf, parseSuggestRequest, runSuggest } from "./run.ts";

/** One input record: its parsed JSON value, or the reason it could not be parsed. */
type BatchRecord = { value: unknown } | { error: HttpError };

/** Non-blank lines of a JSONL body, each parsed on its own so one bad line stays one bad line. */
function* jsonlRecords(text: string): Generator<BatchRecord> {
  let start = 0;
  let lineNumber = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    lineNumber += 1;
    start = end + 1;
    if (line.trim() === "") continue;
    try {
      yield { value: parseJson(line, `line ${lineNumber}`) };
    } catch (error) {
      yield { error: error as HttpError };
    }
  }
}

/** A body whose first non-blank character is `[` is one JSON array; anything else is JSONL. */
export function batchRecords(text: string): Iterable<BatchRecord> {
  if (!text.trimStart().startsWith("[")) return jsonlRecords(text);
  const value = parseJson(text, "request body (a JSON array)");
  if (!Array.isArray(value)) {
    throw new HttpError(400, "invalid_request", "a body starting with [ must be a JSON array");
  }
  return value.map((item) => ({ value: item }));
}

function processRecord(
  record: BatchRecord,
  index: number,
  opts: ResolvedServerOptions,
): SuggestResult | ErrorBody {
  const id = "value" in record ? idOf(record.value) : undefined;
  try {
    if ("error" in record) throw record.error;
    return runSuggest(parseSuggestRequest(record.value, `record ${index + 1}: `), opts);
  } catch (error) {
    const { kind, message } =
      error instanceof HttpError ? error : { kind: "internal", message: "unexpected failure" };
    return { ...(id !== undefined ? { id } : {}), error: { kind, message } };
  }
}

/** Resolves when the response can take more data (or the client went away). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

/**
 * POST /v1/batch: JSONL or a JSON array of requests -> streamed JSONL, one line per record in
 * input order; a bad record gets `{"id"?, "error": {kind, message}}` in its place. Yields to the
 * event loop between records so other requests keep being served during a long batch.
 */
export async function handleBatch(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  opts: ResolvedServerOptions,
): Promise<void> {
  const body = await readBody(req, ctx, {
    maxBytes: opts.maxBatchBodyBytes,
    timeoutMs: opts.requestTimeoutMs,
  });
  const records = batchRecords(decodeUtf8(body));
  res.writeHead(200, { ...API_HEADERS, "content-type": "application/x-ndjson; charset=utf-8" });
  ctx.records = 0;
  ctx.recordErrors = 0;
  for (const record of records) {
    if (res.destroyed) break;
    const line = processRecord(record, ctx.records, opts);
    if ("error" in line) ctx.recordErrors += 1;
    ctx.records += 1;
    const text = `${JSON.stringify(line)}\n`;
    ctx.bytesOut += Buffer.byteLength(text);
    if (!res.write(text)) await drained(res);
    await yieldToEventLoop();
  }
  res.end();
}
