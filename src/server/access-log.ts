import type { ServerResponse } from "node:http";
import type { AccessLogFn } from "./options.ts";
import type { RequestContext } from "./respond.ts";

const MAX_FIELD = 120;

const clip = (value: string) =>
  value.length > MAX_FIELD ? `${value.slice(0, MAX_FIELD)}…` : value;

/**
 * One JSON line per request: time, method, path, status, id, byte counts, duration, and for a
 * batch the record counts. Built from RequestContext only, which never holds note text.
 */
export function formatAccessLine(ctx: RequestContext, status: number, completed: boolean): string {
  const ms = Number(process.hrtime.bigint() - ctx.startedAt) / 1e6;
  return JSON.stringify({
    time: new Date().toISOString(),
    method: clip(ctx.method),
    path: clip(ctx.path),
    status,
    ...(ctx.id !== undefined ? { id: clip(ctx.id) } : {}),
    bytesIn: ctx.bytesIn,
    bytesOut: ctx.bytesOut,
    ms: Math.round(ms * 10) / 10,
    ...(ctx.records !== undefined ? { records: ctx.records, recordErrors: ctx.recordErrors } : {}),
    ...(ctx.errorKind !== undefined ? { error: ctx.errorKind } : {}),
    ...(completed ? {} : { aborted: true }),
  });
}

/** Logs the request once its response is done, or its connection is gone. */
export function logWhenDone(res: ServerResponse, ctx: RequestContext, log: AccessLogFn): void {
  res.once("close", () => {
    log(formatAccessLine(ctx, res.statusCode, res.writableFinished));
  });
}
