/**
 * Shared types of the batch I/O layer: what readers yield, what workers return.
 *
 * A reader yields one `InputRecord` per input record, in input order: either a note to code or
 * an error that takes the record's place in the output (so a bad record never shifts the ids of
 * the others).
 */
import type { ErrorBody, SuggestResult } from "../schemas/api.ts";

/** Short snake_case kinds of the `{"id", "error": {"kind", "message"}}` lines batch writes. */
export type RecordErrorKind =
  | "invalid_json"
  | "missing_text"
  | "empty_text"
  | "too_large"
  | "binary"
  | "invalid_utf8"
  | "bad_csv_row"
  | "internal";

export interface RecordError {
  kind: RecordErrorKind;
  message: string;
}

/** A note to code. `duplicate` is set by the batch run when an earlier record used the same id. */
export interface NoteRecord {
  id: string;
  text: string;
  duplicate?: boolean;
  /** Input position just past this record (bytes of a file, files of a folder), for the ETA. */
  at?: number;
}

/** A record that could not be read; it is written in place as an error line. */
export interface BadRecord {
  id: string;
  error: RecordError;
  at?: number;
}

export type InputRecord = NoteRecord | BadRecord;

/** One output line: a result with its id, or an error body. */
export type OutputLine = SuggestResult | (ErrorBody & { id: string });

/** jsonl: results and error bodies; csv: one row per code line; fhir: NDJSON of FHIR Bundles. */
export type OutputFormat = "jsonl" | "csv" | "fhir";

/** Counts the closing summary reports. */
export interface BatchCounts {
  records: number;
  coded: number;
  withWarnings: number;
  errors: number;
}

/** A formatted slice of the output, ready to write, with its counts. */
export interface ChunkOutput {
  text: string;
  counts: BatchCounts;
}

/** Per-run settings every worker receives. */
export interface ProcessSettings {
  format: OutputFormat;
  /** Largest accepted note, in UTF-8 bytes. */
  maxBytes: number;
}

/** Default note size limit: 1 MB of UTF-8 text. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Input that cannot be read at all (missing file, unknown type, bad CSV header): exit 2. */
export class InputError extends Error {
  override name = "InputError";
}

export function isBadRecord(record: InputRecord): record is BadRecord {
  return "error" in record;
}

export function badRecord(id: string, kind: RecordErrorKind, message: string): BadRecord {
  return { id, error: { kind, message } };
}

export function zeroCounts(): BatchCounts {
  return { records: 0, coded: 0, withWarnings: 0, errors: 0 };
}

export function addCounts(total: BatchCounts, more: BatchCounts): void {
  total.records += more.records;
  total.coded += more.coded;
  total.withWarnings += more.withWarnings;
  total.errors += more.errors;
}
