/**
 * The row logic of the CSV reader: the header names the id and text columns; each data row
 * becomes a record or, when its field count differs from the header's, a `bad_csv_row`.
 * Ids: the row's id cell, else `row:N` (N counts data rows from 1).
 */
import type { CsvError } from "csv-parse";
import { badRecord, InputError, type InputRecord } from "./records.ts";

export interface CsvColumns {
  idColumn: string;
  textColumn: string;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** The index of column `name` (exact, else trimmed and case-insensitive); InputError if none. */
function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const loose = header.findIndex((cell) => cell.trim().toLowerCase() === name.trim().toLowerCase());
  if (loose >= 0) return loose;
  throw new InputError(`CSV header has no "${name}" column (it has: ${header.join(", ")})`);
}

/** Turns csv-parse rows (and skipped rows) into records, in order. */
export class CsvRecords {
  private header: string[] | undefined;
  private idAt = -1;
  private textAt = -1;
  private rowNo = 0;
  private lastSkipLine = -1;
  pending: InputRecord[] = [];
  recordEnd = 0;
  /** Set when a row outgrew maxRowBytes: the rest of the input is dropped. */
  stoppedAt = 0;

  constructor(private readonly options: CsvColumns) {}

  onRecord(fields: Buffer[], bytes: number): InputRecord[] {
    this.recordEnd = bytes;
    this.lastSkipLine = -1;
    if (!this.header) return this.readHeader(fields);
    if (fields.length === 1 && lenientUtf8.decode(fields[0]).trim() === "") return this.flush();
    this.rowNo++;
    const record = this.stoppedAt ? this.cutRow(this.idOf(fields)) : this.toRecord(fields);
    this.pending.push({ ...record, at: bytes });
    return this.flush();
  }

  onSkip(error: CsvError | undefined): void {
    const line = typeof error?.lines === "number" ? error.lines : -2;
    if (line === this.lastSkipLine) return;
    this.lastSkipLine = line;
    this.rowNo++;
    const id = `row:${this.rowNo}`;
    const message = error?.message ?? "unreadable CSV row";
    const record = this.stoppedAt ? this.cutRow(id) : this.badRow(id, message);
    this.pending.push({ ...record, at: this.recordEnd });
  }

  private cutRow(id: string): InputRecord {
    const limit = `row is longer than ${this.stoppedAt} bytes`;
    return this.badRow(id, `${limit} (a quote left open?); the rest of the input was skipped`);
  }

  badRow(id: string, message: string): InputRecord {
    return badRecord(id, "bad_csv_row", message);
  }

  flush(): InputRecord[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  private readHeader(fields: Buffer[]): InputRecord[] {
    const header = fields.map((field) => lenientUtf8.decode(field));
    this.idAt = findColumn(header, this.options.idColumn);
    this.textAt = findColumn(header, this.options.textColumn);
    this.header = header;
    return [];
  }

  private idOf(fields: Buffer[]): string {
    const idCell = fields[this.idAt];
    return idCell && idCell.length > 0 ? lenientUtf8.decode(idCell) : `row:${this.rowNo}`;
  }

  private toRecord(fields: Buffer[]): InputRecord {
    const id = this.idOf(fields);
    const expected = this.header!.length;
    if (fields.length !== expected) {
      return this.badRow(id, `row has ${fields.length} fields; the header has ${expected}`);
    }
    try {
      return { id, text: strictUtf8.decode(fields[this.textAt]!) };
    } catch {
      return badRecord(id, "invalid_utf8", "the text field is not valid UTF-8");
    }
  }
}
