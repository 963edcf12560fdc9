/**
 * Output formats. JSONL: one SuggestResult or error body a line. CSV (csv-stringify): one row
 * per code line, with columns CSV_COLUMNS; a note without codes still gets one row (empty
 * code), and an error record gets one row with error_kind and error_message.
 * Sample CSV row: `n1,11102,1,,0.91,Tangential biopsy,single lesion on the forearm,,,`
 * Text cells that a spreadsheet would run as a formula (starting with =, +, @, a tab or a carriage
 * return, or "-" when not a number) get a leading apostrophe: ids and warnings quote note text.
 */
import { stringify } from "csv-stringify/sync";
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

/** Formats output lines as text to append to the output (each line ends with "\n"). */
export function formatLines(lines: OutputLine[], format: OutputFormat): string {
  if (lines.length === 0) return "";
  if (format === "jsonl") return `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;
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

/** Formats already-built lines (also used for chunks a crashed worker could not finish). */
export function outputOf(lines: OutputLine[], settings: ProcessSettings): ChunkOutput {
  const counts = zeroCounts();
  for (const line of lines) countLine(counts, line);
  return { text: formatLines(lines, settings.format), counts };
}
