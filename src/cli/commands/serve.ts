/**
 * dermcode serve [--port N] [--host H] [--max-body BYTES] [--max-batch-body BYTES]
 *                [--timeout MS] [--max-concurrent N] [--quiet]
 * Starts the HTTP service and the paste-a-note page; runs until SIGINT or SIGTERM.
 */
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from "../../server/index.ts";
import { parseCommandArgs, UsageError } from "../usage.ts";

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
};

/** "1048576", "512k", "1mb" -> bytes. */
export function parseBytes(flag: string, value: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const scale = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && scale ? Number(match[1]) * scale : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(
      `--${flag} must be a byte count such as 1048576, 512k or 2mb; got "${value}"`,
    );
  }
  return bytes;
}

function parseInteger(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}; got "${value}"`);
  }
  return n;
}

const OPTIONS = {
  port: { type: "string", short: "p" },
  host: { type: "string" },
  "max-body": { type: "string" },
  "max-batch-body": { type: "string" },
  timeout: { type: "string" },
  "max-concurrent": { type: "string" },
  quiet: { type: "boolean", short: "q" },
} as const;

function serverOptions(argv: string[]) {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const v = values;
  return {
    port: v.port === undefined ? DEFAULT_PORT : parseInteger("port", v.port, 0, 65_535),
    host: v.host ?? DEFAULT_HOST,
    maxBodyBytes: v["max-body"] === undefined ? undefined : parseBytes("max-body", v["max-body"]),
    maxBatchBodyBytes:
      v["max-batch-body"] === undefined
        ? undefined
        : parseBytes("max-batch-body", v["max-batch-body"]),
    requestTimeoutMs:
      v.timeout === undefined ? undefined : parseInteger("timeout", v.timeout, 1, 3_600_000),
    maxConcurrent:
      v["max-concurrent"] === undefined
        ? undefined
        : parseInteger("max-concurrent", v["max-concurrent"], 1, 100_000),
    accessLog: v.quiet ? (false as const) : undefined,
  };
}

/** Resolves with the exit status once the server has stopped (SIGINT/SIGTERM -> 0). */
export async function run(argv: string[]): Promise<number> {
  const options = serverOptions(argv);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(options);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const where = `${options.host}:${options.port}`;
    const reason = code === "EADDRINUSE" ? `${where} is already in use` : message;
    process.stderr.write(`dermcode serve: cannot listen on ${where}: ${reason}\n`);
    return 1;
  }
  process.stderr.write(`dermcode: listening on ${running.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop).off("SIGTERM", stop);
      process.stderr.write("dermcode: stopping\n");
      resolve();
    };
    process.on("SIGINT", stop).on("SIGTERM", stop);
  });
  // A second signal, or 10 s of draining, cuts the requests still running (e.g. a long batch).
  const force = () => running.server.closeAllConnections();
  process.once("SIGINT", force).once("SIGTERM", force);
  const timer = setTimeout(force, 10_000).unref();
  await running.close();
  clearTimeout(timer);
  process.off("SIGINT", force).off("SIGTERM", force);
  return 0;
}
