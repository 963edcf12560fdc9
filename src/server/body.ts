import type { IncomingMessage } from "node:http";
import { HttpError, type RequestContext } from "./respond.ts";

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    "body_too_large",
    `request body exceeds the limit of ${maxBytes} bytes`,
  );
}

/** Reads the whole request body, refusing it past `maxBytes` (413) or `timeoutMs` (408). */
export function readBody(
  req: IncomingMessage,
  ctx: RequestContext,
  limits: BodyLimits,
): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limits.maxBytes) {
    ctx.bytesIn = declared;
    return Promise.reject(tooLarge(limits.maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (error?: HttpError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, ctx.bytesIn));
    };
    const onData = (chunk: Buffer) => {
      ctx.bytesIn += chunk.length;
      if (ctx.bytesIn > limits.maxBytes) settle(tooLarge(limits.maxBytes));
      else chunks.push(chunk);
    };
    const onEnd = () => settle();
    const onClose = () =>
      settle(new HttpError(400, "aborted", "the connection closed before the body was complete"));
    const timer = setTimeout(
      () =>
        settle(
          new HttpError(408, "timeout", `request body not received within ${limits.timeoutMs} ms`),
        ),
      limits.timeoutMs,
    );
    req.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onClose);
  });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a UTF-8 body (a leading byte-order mark is dropped); 400 when the bytes are not UTF-8. */
export function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new HttpError(400, "invalid_encoding", "request body is not valid UTF-8");
  }
}

/** JSON.parse with a message that names the problem but does not echo the body back. */
export function parseJson(text: string, what = "request body"): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, "");
    const detail = text.trim() === "" ? "it is empty" : reason;
    throw new HttpError(400, "invalid_json", `${what} is not valid JSON: ${detail}`);
  }
}
