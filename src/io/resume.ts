/**
 * --resume: reads the ids an earlier run already wrote to OUTPUT so this run can skip them, and
 * cuts off whatever that run left half-written, so appending continues cleanly.
 * JSONL: every complete line counts; a last line without its line feed (or a line that is not a
 * result) is cut off with everything after it. CSV: rows are grouped by id and the last group
 * is always cut off and redone, since it may be missing rows. FHIR (NDJSON of Bundles): as JSONL,
 * the id being the Bundle's `identifier` (system NOTE_ID_SYSTEM; no value = the empty id), read
 * from the line's head (format.ts writes it right after the Bundle's own id) or the parsed line.
 * An output of the other JSON format (JSONL results resumed as FHIR or back) is refused rather
 * than cut to nothing.
 * Ids are counted, not just remembered, so duplicate ids resume correctly.
 */
import { createReadStream } from "node:fs";
import { stat, truncate } from "node:fs/promises";
import { parse } from "csv-parse";
import { NOTE_ID_SYSTEM } from "../fhir/urls.ts";
import { CSV_COLUMNS } from "./format.ts";
import { sniffId } from "./jsonl-reader.ts";
import { splitLines } from "./lines.ts";
import { InputError, type OutputFormat } from "./records.ts";

export interface ResumeState {
  /** How many lines (records) each id already has in the output. */
  done: Map<string, number>;
  /** Records found in the output. */
  records: number;
  /** Bytes kept; the file is truncated to this length. */
  keptBytes: number;
}

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}

function jsonlId(text: string): string | undefined {
  const id = sniffId(text);
  if (id !== undefined) return id;
  const value = parsed(text);
  return typeof value?.id === "string" && value.resourceType === undefined ? value.id : undefined;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** The head format.ts writes: resourceType, the Bundle's id, then the record's identifier. */
const LEADING_BUNDLE_ID = new RegExp(
  `^\\{"resourceType":"Bundle","id":"[^"\\\\]*","identifier":\\{"system":"${escaped(NOTE_ID_SYSTEM)}"(?:,"value":("(?:[^"\\\\]|\\\\.){0,1000}"))?\\}`,
);

function fhirId(text: string): string | undefined {
  const match = LEADING_BUNDLE_ID.exec(text);
  if (match) return match[1] === undefined ? "" : (JSON.parse(match[1]) as string);
  const value = parsed(text);
  const identifier = value?.identifier as { system?: unknown; value?: unknown } | undefined;
  if (value?.resourceType !== "Bundle" || identifier?.system !== NOTE_ID_SYSTEM) return undefined;
  return typeof identifier.value === "string" ? identifier.value : "";
}

/** A first line that is complete JSON of the other format: resuming would destroy that output. */
function otherFormat(text: string, format: OutputFormat): boolean {
  const value = parsed(text);
  if (!value) return false;
  return format === "fhir" ? value.resourceType !== "Bundle" : value.resourceType === "Bundle";
}

async function scanJsonl(path: string, format: OutputFormat, state: ResumeState): Promise<void> {
  const lines = splitLines(createReadStream(path), { maxLineBytes: 1024 * 1024 });
  const lineId = format === "fhir" ? fhirId : jsonlId;
  for await (const line of lines) {
    const text = line.bytes.toString("utf8");
    const id = line.terminated ? lineId(text) : undefined;
    if (id === undefined && state.records === 0 && line.terminated && otherFormat(text, format)) {
      const expected = format === "fhir" ? "FHIR NDJSON" : "JSONL";
      throw new InputError(
        `"${path}" is not a dermcode batch ${expected} output; cannot resume it`,
      );
    }
    if (id === undefined) break;
    state.done.set(id, (state.done.get(id) ?? 0) + 1);
    state.records++;
    state.keptBytes = line.endOffset;
  }
}

function sameHeader(row: string[]): boolean {
  return row.length === CSV_COLUMNS.length && row.every((cell, i) => cell === CSV_COLUMNS[i]);
}

/** A header cut short: the whole file is a prefix of the header line. */
function isHeaderStart(row: string[], bytes: number, size: number): boolean {
  return bytes === size && !sameHeader(row) && CSV_COLUMNS.join(",").startsWith(row.join(","));
}

async function scanCsv(path: string, size: number, state: ResumeState): Promise<void> {
  let header = false;
  let group: { id: string; start: number } | undefined;
  let end = 0;
  const parser = createReadStream(path).pipe(
    parse({ relax_column_count: true, skip_records_with_error: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { bytes: number };
  }>) {
    if (!header) {
      if (isHeaderStart(record, info.bytes, size)) break;
      if (!sameHeader(record))
        throw new InputError(`"${path}" is not a dermcode batch CSV; cannot resume it`);
      header = true;
    } else if (record[0] !== group?.id) {
      if (group) state.done.set(group.id, (state.done.get(group.id) ?? 0) + 1);
      if (group) state.records++;
      group = { id: record[0] ?? "", start: end };
    }
    end = info.bytes;
    if (!group) state.keptBytes = end;
  }
  if (group) state.keptBytes = group.start;
}

/** The resume state of `path`, after cutting off its unfinished tail; undefined when absent. */
export async function prepareResume(
  path: string,
  format: OutputFormat,
): Promise<ResumeState | undefined> {
  const size = await stat(path).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) return undefined;
  const state: ResumeState = { done: new Map(), records: 0, keptBytes: 0 };
  await (format === "csv" ? scanCsv(path, size, state) : scanJsonl(path, format, state));
  if (state.keptBytes < size) await truncate(path, state.keptBytes);
  return state;
}
