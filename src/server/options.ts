import type { SuggestOptions, SuggestResult } from "../schemas/api.ts";

/** The library call the server wraps; injectable so tests can serve a fixed result. */
export type SuggestFn = (text: string, options?: SuggestOptions) => SuggestResult;

/** Receives one access-log line (no trailing newline). Never sees note text. */
export type AccessLogFn = (line: string) => void;

export interface ServerOptions {
  /** Largest accepted body for POST /v1/suggest, in bytes (413 past it). Default 1 MB. */
  maxBodyBytes?: number;
  /** Largest accepted body for POST /v1/batch, in bytes (413 past it). Default 50 MB. */
  maxBatchBodyBytes?: number;
  /** Time allowed to receive a whole request body, in ms (408 past it). Default 30 s. */
  requestTimeoutMs?: number;
  /** API requests (POST /v1/*) served at once; more get 503. Default 256. */
  maxConcurrent?: number;
  /** Check every result against SuggestResultSchema before sending it (500 if invalid). Default true. */
  validateResults?: boolean;
  /** Defaults to the library's `suggest`. */
  suggest?: SuggestFn;
  /** Defaults to one line on standard error per request; `false` turns logging off. */
  accessLog?: AccessLogFn | false;
}

export interface ResolvedServerOptions {
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
  requestTimeoutMs: number;
  maxConcurrent: number;
  validateResults: boolean;
  suggest: SuggestFn;
  accessLog: AccessLogFn;
}

export const DEFAULT_SERVER_OPTIONS = {
  maxBodyBytes: 1024 * 1024,
  maxBatchBodyBytes: 50 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  maxConcurrent: 256,
  validateResults: true,
} as const;

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`server option ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

const stderrLog: AccessLogFn = (line) => {
  process.stderr.write(`${line}\n`);
};

export function resolveServerOptions(
  options: ServerOptions,
  defaultSuggest: SuggestFn,
): ResolvedServerOptions {
  const d = DEFAULT_SERVER_OPTIONS;
  return {
    maxBodyBytes: positiveInteger("maxBodyBytes", options.maxBodyBytes, d.maxBodyBytes),
    maxBatchBodyBytes: positiveInteger(
      "maxBatchBodyBytes",
      options.maxBatchBodyBytes,
      d.maxBatchBodyBytes,
    ),
    requestTimeoutMs: positiveInteger(
      "requestTimeoutMs",
      options.requestTimeoutMs,
      d.requestTimeoutMs,
    ),
    maxConcurrent: positiveInteger("maxConcurrent", options.maxConcurrent, d.maxConcurrent),
    validateResults: options.validateResults ?? d.validateResults,
    suggest: options.suggest ?? defaultSuggest,
    accessLog: options.accessLog === false ? () => {} : (options.accessLog ?? stderrLog),
  };
}
