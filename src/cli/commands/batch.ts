/**
 * `dermcode batch INPUT [-o OUTPUT]`: codes many notes (see docs in HELP below and the contract
 * in contracts.md). Thin: parses arguments, calls runBatch, prints progress and the summary.
 *
 * Exit status: 0 when the run completed, even if some records were bad (each bad record has its
 * error line in the output and is counted in the summary); 2 for a usage error or an input that
 * cannot be read at all (missing file, unknown extension, CSV without the id/text columns);
 * 1 for anything unexpected.
 */
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { formatProgress, formatSummary, throttledLine } from "../../io/progress.ts";
import { DEFAULT_MAX_BYTES, InputError, type OutputFormat } from "../../io/records.ts";
import { type BatchOptions, runBatch } from "../../io/run-batch.ts";
import { parseCommandArgs, UsageError } from "../usage.ts";

const HELP = `Usage: dermcode batch INPUT [-o OUTPUT] [options]

INPUT is a .jsonl file ({"id", "text"} a line), a .csv file (header with id and text columns),
a folder of .txt files (id = file name), or - for JSONL on standard input.
Writes one line per record, in input order: JSONL to standard output, or to OUTPUT (CSV when
it ends in .csv, FHIR when it ends in .ndjson). A bad record gets an
{"id", "error": {"kind", "message"}} line in its place (FHIR: a Bundle with an OperationOutcome).

Options:
  -o, --output FILE      write here instead of standard output
  -j, --jobs N           worker threads (default: the number of cores; 1 = no workers)
      --resume           OUTPUT exists: skip the ids it already has, append the rest
      --id-column NAME   CSV column holding the id (default: id)
      --text-column NAME CSV column holding the note (default: text)
      --max-bytes N      largest note, in bytes (default 1048576; suffixes KB, MB)
      --format F         jsonl, csv or fhir (NDJSON, one FHIR R4 Bundle a line; see
                         docs/fhir.md) (default: from OUTPUT's extension, else jsonl)

Exit status: 0 when the run completed (bad records included, see the summary), 2 for a usage
error or unreadable input, 1 otherwise.
`;

const OPTIONS = {
  output: { type: "string", short: "o" },
  jobs: { type: "string", short: "j" },
  resume: { type: "boolean" },
  "id-column": { type: "string" },
  "text-column": { type: "string" },
  "max-bytes": { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function positiveInt(value: string, name: string): number {
  const match = /^(\d+)\s*(kb|mb|gb)?$/i.exec(value.trim());
  const scale = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[match?.[2]?.toLowerCase() ?? ""] ?? 1;
  const number = match ? Number(match[1]) * scale : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`${name} must be a positive whole number, got "${value}"`);
  }
  return number;
}

function formatOf(format: string | undefined, output: string | undefined): OutputFormat {
  if (format === undefined) {
    const name = output?.toLowerCase() ?? "";
    return name.endsWith(".csv") ? "csv" : name.endsWith(".ndjson") ? "fhir" : "jsonl";
  }
  if (format === "jsonl" || format === "csv" || format === "fhir") return format;
  throw new UsageError(`--format must be jsonl, csv or fhir, got "${format}"`);
}

function optionsFrom(argv: string[]): BatchOptions | undefined {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) return undefined;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length ? "expected one INPUT" : "missing INPUT (try --help)");
  }
  const input = positionals[0]!;
  const output = values.output;
  if (output !== undefined && input !== "-" && resolve(output) === resolve(input)) {
    throw new UsageError("OUTPUT must not be the INPUT file");
  }
  if (values.resume && output === undefined) throw new UsageError("--resume needs -o OUTPUT");
  const jobs =
    values.jobs === undefined ? availableParallelism() : positiveInt(values.jobs, "--jobs");
  return {
    input,
    output,
    stdout: process.stdout,
    format: formatOf(values.format, output),
    jobs: Math.min(jobs, 256),
    resume: values.resume ?? false,
    maxBytes: values["max-bytes"]
      ? positiveInt(values["max-bytes"], "--max-bytes")
      : DEFAULT_MAX_BYTES,
    idColumn: values["id-column"],
    textColumn: values["text-column"],
  };
}

async function checkOutputFolder(output: string | undefined): Promise<void> {
  if (output === undefined) return;
  await access(dirname(resolve(output)), constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot write OUTPUT "${output}": ${error.code ?? error.message}`);
  });
}

/** One line for a system error (EPIPE, ENOSPC, ...) instead of a stack trace. */
function systemErrorLine(error: NodeJS.ErrnoException): string {
  if (error.code === "EPIPE") return "the output was closed before the run finished";
  return `stopped by a system error: ${error.message}`;
}

export async function run(argv: string[]): Promise<number> {
  const options = optionsFrom(argv);
  if (!options) {
    process.stdout.write(HELP);
    return 0;
  }
  await checkOutputFolder(options.output);
  const line = process.stderr.isTTY ? throttledLine(process.stderr) : undefined;
  if (line) options.onProgress = (progress) => line.draw(formatProgress(progress));
  try {
    const summary = await runBatch(options);
    line?.clear();
    process.stderr.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (error) {
    line?.clear();
    if (error instanceof InputError) throw new UsageError(error.message);
    if (!(error as NodeJS.ErrnoException).syscall) throw error;
    process.stderr.write(`dermcode batch: ${systemErrorLine(error as NodeJS.ErrnoException)}\n`);
    return 1;
  }
}
