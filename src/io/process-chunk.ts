/**
 * Codes one chunk of records and formats the output text: the work a pool worker does (and the
 * main thread, with --jobs 1). Never throws: a failing note becomes an `internal` error line.
 */
import { suggest } from "../index.ts";
import { outputOf } from "./format.ts";
import {
  type ChunkOutput,
  type InputRecord,
  isBadRecord,
  type OutputLine,
  type ProcessSettings,
} from "./records.ts";
import { checkText } from "./text-checks.ts";

function duplicateWarning(id: string) {
  return { kind: "duplicate_id", message: `id "${id}" was also used by an earlier record` };
}

/** The output line of one record. */
export function processRecord(record: InputRecord, settings: ProcessSettings): OutputLine {
  if (isBadRecord(record)) return { id: record.id, error: record.error };
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

export function processChunk(records: InputRecord[], settings: ProcessSettings): ChunkOutput {
  return outputOf(
    records.map((record) => processRecord(record, settings)),
    settings,
    records.map((record) => (isBadRecord(record) ? undefined : record.text)), // FHIR embeds them
  );
}
