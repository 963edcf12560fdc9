/** Shared helpers of the batch I/O tests: temp files, in-process runs, CLI runs. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { DEFAULT_MAX_BYTES, type OutputFormat } from "../../src/io/records.ts";
import { type BatchOptions, type BatchSummary, runBatch } from "../../src/io/run-batch.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A temp folder removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "dermcode-io-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function parseJsonl(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface RunOutput {
  summary: BatchSummary;
  text: string;
}

/** Runs a batch in-process; output goes to `output` if given, else is captured. */
export async function batch(
  input: string,
  options: Partial<BatchOptions> & { format?: OutputFormat } = {},
): Promise<RunOutput> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  const summary = await runBatch({
    input,
    stdout,
    format: "jsonl",
    jobs: 1,
    maxBytes: DEFAULT_MAX_BYTES,
    ...options,
  });
  const text = options.output
    ? readFileSync(options.output, "utf8")
    : Buffer.concat(chunks).toString();
  return { summary, text };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/dermcode.js ...args` the way a user would. */
export function cli(args: string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/dermcode.js"), ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill(), 45_000); // never leave a hung CLI behind
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? "");
  });
}
