/**
 * CSV records (RFC 4180, via csv-parse): a header row naming an id column and a text column;
 * quoted fields with embedded newlines and doubled quotes, a BOM and CRLF are all accepted.
 * Sample: `id,text\r\nn1,"Shave biopsy, left ""forearm""\r\nPath pending."\r\n`
 * Fields stay bytes until the text is decoded strictly, so invalid UTF-8 spoils one record only.
 * A row with more or fewer fields than the header, or a quote left open at the end of the file,
 * becomes one `bad_csv_row` record; its id is the row's id cell when there is one, else `row:N`
 * (N counts data rows from 1).
 */
import { pipeline, Transform } from "node:stream";
import { type CsvError, type Options, parse } from "csv-parse";
import { badRecord, InputError, type InputRecord } from "./records.ts";

export interface CsvReadOptions {
  idColumn: string;
  textColumn: string;
  maxBytes: number;
  /** Overrides maxRowBytes(maxBytes) (for tests). */
  maxRowBytes?: number;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** Bytes one row may hold before we stop: beyond this it is almost surely an unclosed quote. */
export function maxRowBytes(maxBytes: number): number {
  return Math.max(maxBytes * 16, 64 * 1024 * 1024);
}

function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  return header.findIndex((cell) => cell.trim().toLowerCase() === name.trim().toLowerCase());
}

class CsvRecords {
  private header: string[] | undefined;
  private idAt = -1;
  private textAt = -1;
  private rowNo = 0;
  private lastSkipLine = -1;
  pending: InputRecord[] = [];
  recordEnd = 0;
  /** Set when a row outgrew maxRowBytes: the rest of the input is dropped. */
  stoppedAt = 0;

  constructor(private readonly options: CsvReadOptions) {}

  onRecord(fields: Buffer[], bytes: number): InputRecord[] {
    this.recordEnd = bytes;
    this.lastSkipLine = -1;
    if (!this.header) return this.readHeader(fields);
    if (fields.length === 1 && lenientUtf8.decode(fields[0]).trim() === "") return this.flush();
    this.rowNo++;
    this.pending.push(this.stoppedAt ? this.cutRow(this.idOf(fields)) : this.toRecord(fields));
    return this.flush();
  }

  onSkip(error: CsvError | undefined): void {
    const line = typeof error?.lines === "number" ? error.lines : -2;
    if (line === this.lastSkipLine) return;
    this.lastSkipLine = line;
    this.rowNo++;
    const id = `row:${this.rowNo}`;
    const message = error?.message ?? "unreadable CSV row";
    this.pending.push(this.stoppedAt ? this.cutRow(id) : this.badRow(id, message));
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
    for (const [at, name] of [
      [this.idAt, this.options.idColumn],
      [this.textAt, this.options.textColumn],
    ] as const) {
      if (at < 0)
        throw new InputError(`CSV header has no "${name}" column (it has: ${header.join(", ")})`);
    }
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

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Drops a leading BOM (csv-parse's own `bom` option would switch it to string fields) and stops
 * the input when one row grows past `maxRow` bytes (what follows is read and dropped).
 */
function inputGuard(state: CsvRecords, maxRow: number): Transform {
  let fed = 0;
  let head: Buffer | undefined = Buffer.alloc(0);
  const pass = (chunk: Buffer, done: (error?: Error | null, data?: Buffer) => void) => {
    if (state.stoppedAt) return done();
    fed += chunk.length;
    if (fed - state.recordEnd <= maxRow) return done(null, chunk);
    state.stoppedAt = maxRow;
    done();
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!head) return pass(chunk, done);
      head = Buffer.concat([head, chunk]);
      if (head.length < BOM.length && BOM.subarray(0, head.length).equals(head)) return done();
      const rest = head.subarray(0, 3).equals(BOM) ? head.subarray(3) : head;
      head = undefined;
      pass(rest, done);
    },
    flush(done) {
      done(null, head && !BOM.subarray(0, head.length).equals(head) ? head : undefined);
    },
  });
}

/** Reads CSV records from a byte stream, one at a time. */
export async function* readCsv(
  source: NodeJS.ReadableStream,
  options: CsvReadOptions,
): AsyncGenerator<InputRecord> {
  const state = new CsvRecords(options);
  // Fields are Buffers with encoding: null; on_record returns the records to yield.
  const parserOptions: Options<InputRecord[], Buffer[]> = {
    encoding: null,
    record_delimiter: ["\r\n", "\n"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (fields, context) => state.onRecord(fields, context.bytes),
    on_skip: (error) => {
      state.onSkip(error);
      return undefined;
    },
  };
  const parser = parse(parserOptions as unknown as Options);
  const maxRow = options.maxRowBytes ?? maxRowBytes(options.maxBytes);
  const stream = pipeline(source, inputGuard(state, maxRow), parser, () => {});
  for await (const records of stream as AsyncIterable<InputRecord[]>) yield* records;
  yield* state.flush();
}
