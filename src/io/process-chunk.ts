/**
 * Codes one chunk of records and formats the output text: the work a pool worker does (and the
 * main thread, with --jobs 1). Never throws: a failing note becomes an `internal` error line.
 */
import { suggest } from "../index.ts";
import { formatLines } from "./format.ts";
import {
  type BatchCounts,
  type ChunkOutput,
  type InputRecord,
  isBadRecord,
  type OutputLine,
  type ProcessSettings,
  zeroCounts,
} from "./records.ts";
import { checkText } from "./text-checks.ts";

function duplicateWarning(id: string) {
  return { kind: "duplicate_id", message: `id "${id}" was also used by an earlier record` };
}

/** The output line of one record. */
export function processRecord(record: InputRecord, settings: ProcessSettings): OutputLine {
  if (isBadRecord(record)) return record;
  const { id, text } = record;
  const problem = checkText(text, settings.maxBytes);
  if (problem) return { id, error: problem };
  try {
    const result = { id, ...suggest(text, { id }) }; // id first: resume reads it from there
    result.id = id;
    if (record.duplicate) result.warnings = [...result.warnings, duplicateWarning(id)];
    return result;
  } catch (error) {
    return {
      id,
      error: { kind: "internal", message: `suggest failed: ${(error as Error).message}` },
    };
  }
}

export function countLine(counts: BatchCounts, line: OutputLine): void {
  counts.records++;
  if ("error" in line) counts.errors++;
  else {
    if (line.codes.length > 0) counts.coded++;
    if (line.warnings.length > 0) counts.withWarnings++;
  }
}

/** Formats already-built lines (also used for chunks a crashed worker could not finish). */
export function outputOf(lines: OutputLine[], settings: ProcessSettings): ChunkOutput {
  const counts = zeroCounts();
  for (const line of lines) countLine(counts, line);
  return { text: formatLines(lines, settings.format), counts };
}

export function processChunk(records: InputRecord[], settings: ProcessSettings): ChunkOutput {
  return outputOf(
    records.map((record) => processRecord(record, settings)),
    settings,
  );
}
