/**
 * Splits a byte stream into lines without decoding it, so that each line can be decoded on its
 * own (a bad byte spoils one record, not the stream) and memory stays bounded: a line longer
 * than `maxLineBytes` is not kept, only its first `headBytes` (enough to find its id).
 */

export interface RawLine {
  /** 1-based physical line number. */
  lineNo: number;
  /** Line bytes without the line feed, a trailing carriage return, or a leading BOM. */
  bytes: Buffer;
  /** True when the line was longer than maxLineBytes; `bytes` then holds only its head. */
  oversize: boolean;
  /** Byte offset just past this line's line feed (or the end of the input). */
  endOffset: number;
  /** False for a last line that has no line feed (an output cut short, for instance). */
  terminated: boolean;
}

export interface SplitOptions {
  maxLineBytes: number;
  headBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

class LineBuffer {
  parts: Buffer[] = [];
  size = 0;
  oversize = false;

  constructor(
    readonly max: number,
    readonly head: number,
  ) {}

  add(piece: Buffer): void {
    if (this.oversize) return;
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size > this.max) {
      this.oversize = true;
      this.parts = [Buffer.concat(this.parts, Math.min(this.size, this.head))];
    }
  }

  take(): { bytes: Buffer; oversize: boolean } {
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    const line = { bytes, oversize: this.oversize };
    this.parts = [];
    this.size = 0;
    this.oversize = false;
    return line;
  }
}

function trimLine(bytes: Buffer, lineNo: number): Buffer {
  let out = bytes;
  if (lineNo === 1 && out.subarray(0, 3).equals(BOM)) out = out.subarray(3);
  if (out.length > 0 && out[out.length - 1] === CR) out = out.subarray(0, -1);
  return out;
}

/** Yields every line of `source`, including a last line without a line feed. */
export async function* splitLines(
  source: AsyncIterable<Buffer | string>,
  options: SplitOptions,
): AsyncGenerator<RawLine> {
  const line = new LineBuffer(options.maxLineBytes, options.headBytes ?? 4096);
  let lineNo = 0;
  let offset = 0;
  for await (const piece of source) {
    const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
    let start = 0;
    for (let lf = chunk.indexOf(LF); lf >= 0; lf = chunk.indexOf(LF, start)) {
      line.add(chunk.subarray(start, lf));
      const { bytes, oversize } = line.take();
      lineNo++;
      yield {
        lineNo,
        bytes: trimLine(bytes, lineNo),
        oversize,
        endOffset: offset + lf + 1,
        terminated: true,
      };
      start = lf + 1;
    }
    if (start < chunk.length) line.add(chunk.subarray(start));
    offset += chunk.length;
  }
  if (line.size > 0 || line.oversize) {
    const { bytes, oversize } = line.take();
    lineNo++;
    yield {
      lineNo,
      bytes: trimLine(bytes, lineNo),
      oversize,
      endOffset: offset,
      terminated: false,
    };
  }
}
