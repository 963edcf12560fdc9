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
import { type Options, parse } from "csv-parse";
import { type CsvColumns, CsvRecords } from "./csv-rows.ts";
import type { InputRecord } from "./records.ts";

export interface CsvReadOptions extends CsvColumns {
  maxBytes: number;
  /** Overrides maxRowBytes(maxBytes) (for tests). */
  maxRowBytes?: number;
}

/** Bytes one row may hold before we stop: beyond this it is almost surely an unclosed quote. */
export function maxRowBytes(maxBytes: number): number {
  return Math.max(maxBytes * 16, 64 * 1024 * 1024);
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
