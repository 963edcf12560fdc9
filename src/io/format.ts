/**
 * Output formats. JSONL: one SuggestResult or error body a line. FHIR (NDJSON): one FHIR R4
 * Bundle a line, toFhirBundle of the result and its note, or for an error line a Bundle with one
 * OperationOutcome (toFhirErrorBundle); both name the record in Bundle.identifier (docs/fhir.md).
 * CSV (csv-stringify): one row
 * per code line, with columns CSV_COLUMNS; a note without codes still gets one row (empty
 * code), and an error record gets one row with error_kind and error_message.
 * Sample CSV row: `n1,11102,1,,0.91,Tangential biopsy,single lesion on the forearm,,,`
 * Text cells that a spreadsheet would run as a formula (starting with =, +, @, a tab or a carriage
 * return, or "-" when not a number) get a leading apostrophe: ids and warnings quote note text.
 */
import { stringify } from "csv-stringify/sync";
import { toFhirBundle } from "../fhir/bundle.ts";
import { noteIdentifier, toFhirErrorBundle } from "../fhir/outcome.ts";
import type { Bundle } from "../fhir/types.ts";
import type { CodeLine, SuggestResult, Warning } from "../schemas/api.ts";
import {
  type BatchCounts,
  type ChunkOutput,
  type OutputFormat,
  type OutputLine,
  type ProcessSettings,
  zeroCounts,
} from "./records.ts";

export const CSV_COLUMNS = [
  "id",
  "code",
  "units",
  "modifiers",
  "confidence",
  "description",
  "rationale",
  "warnings",
  "error_kind",
  "error_message",
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

function emptyRow(id: string): CsvRow {
  const row = {} as CsvRow;
  for (const column of CSV_COLUMNS) row[column] = "";
  row.id = id;
  return row;
}

/** "kind: message" of the note-wide warnings and those of the line's procedure. */
function warningsFor(warnings: Warning[], line?: CodeLine): string {
  const relevant = warnings.filter(
    (warning) => !line || warning.procedure === undefined || warning.procedure === line.procedure,
  );
  return relevant.map((warning) => `${warning.kind}: ${warning.message}`).join("; ");
}

function resultRows(result: SuggestResult): CsvRow[] {
  const id = result.id ?? "";
  if (result.codes.length === 0)
    return [{ ...emptyRow(id), warnings: warningsFor(result.warnings) }];
  return result.codes.map((line) => ({
    ...emptyRow(id),
    code: line.code,
    units: line.units,
    modifiers: line.modifiers.join(" "),
    confidence: line.confidence,
    description: line.description,
    rationale: line.rationale,
    warnings: warningsFor(result.warnings, line),
  }));
}

const FORMULA_START = /^[=+@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A text cell a spreadsheet would evaluate is prefixed with an apostrophe (CSV injection). */
export function neutralise(cell: string | number): string | number {
  if (typeof cell !== "string") return cell;
  const risky = FORMULA_START.test(cell) || (cell.startsWith("-") && !NUMBER.test(cell));
  return risky ? `'${cell}` : cell;
}

function neutralised(row: CsvRow): CsvRow {
  const out = {} as CsvRow;
  for (const column of CSV_COLUMNS) out[column] = neutralise(row[column]);
  return out;
}

/** The CSV rows of one output line. */
export function csvRows(line: OutputLine): CsvRow[] {
  if ("error" in line) {
    const { kind, message } = line.error;
    return [neutralised({ ...emptyRow(line.id), error_kind: kind, error_message: message })];
  }
  return resultRows(line).map(neutralised);
}

export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]]);
}

/**
 * The FHIR Bundle of one output line. A result needs the text of its note (the bundle embeds it
 * and its evidence spans index it); throws (FhirOutputError) when the note is missing or wrong.
 * Key order is fixed (resourceType, id, identifier, ...) so --resume finds the id in a line's head.
 */
export function fhirBundleOf(line: OutputLine, note: string | undefined): Bundle {
  if ("error" in line) return toFhirErrorBundle(line.id, line.error);
  const { resourceType, id, identifier: _, ...rest } = toFhirBundle(line, note as string);
  return { resourceType, id, identifier: noteIdentifier(line.id ?? ""), ...rest };
}

/** One FHIR line and the output line it stands for: an internal error when no bundle can be made. */
function fhirLine(line: OutputLine, note: string | undefined): [OutputLine, string] {
  try {
    return [line, JSON.stringify(fhirBundleOf(line, note))];
  } catch (error) {
    const message = `the FHIR bundle could not be made: ${(error as Error).message}`;
    const failed = { id: line.id ?? "", error: { kind: "internal", message } };
    return [failed, JSON.stringify(fhirBundleOf(failed, undefined))];
  }
}

/**
 * Formats output lines as text to append to the output (each line ends with "\n"). `notes[i]`
 * is the text of line i's note, needed for FHIR (a result whose note is missing becomes an
 * internal error bundle).
 */
export function formatLines(
  lines: OutputLine[],
  format: OutputFormat,
  notes: readonly (string | undefined)[] = [],
): string {
  if (lines.length === 0) return "";
  if (format === "jsonl") return `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
  if (format === "fhir") return outputOf(lines, { format, maxBytes: 0 }, notes).text;
  return stringify(lines.flatMap(csvRows), { columns: [...CSV_COLUMNS] });
}

export function countLine(counts: BatchCounts, line: OutputLine): void {
  counts.records++;
  if ("error" in line) counts.errors++;
  else {
    if (line.codes.length > 0) counts.coded++;
    if (line.warnings.length > 0) counts.withWarnings++;
  }
}

/**
 * Formats already-built lines (also used for chunks a crashed worker could not finish), with
 * their notes' texts for FHIR (see formatLines). A FHIR line that fails is counted as an error.
 */
export function outputOf(
  lines: OutputLine[],
  settings: ProcessSettings,
  notes: readonly (string | undefined)[] = [],
): ChunkOutput {
  const counts = zeroCounts();
  if (settings.format === "fhir") {
    let text = "";
    lines.forEach((line, i) => {
      const [written, json] = fhirLine(line, notes[i]);
      countLine(counts, written);
      text += `${json}\n`;
    });
    return { text, counts };
  }
  for (const line of lines) countLine(counts, line);
  return { text: formatLines(lines, settings.format), counts };
}
