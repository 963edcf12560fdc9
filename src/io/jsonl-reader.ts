/**
 * JSONL records: one `{"id": ..., "text": ...}` object a line. Blank lines are not records.
 * Sample: `{"id": "n1", "text": "Shave biopsy of the left forearm."}`
 * A line that cannot be read becomes one error record; its id is the note's id when it can be
 * found, else `line:N` (N is the 1-based line number).
 */

import { type RawLine, splitLines } from "./lines.ts";
import { badRecord, type InputRecord } from "./records.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");
/** Finds a leading string id in a line too long (or too broken) to parse whole. */
const LEADING_ID = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){0,1000}")/;

function idFrom(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

export function sniffId(text: string): string | undefined {
  const match = LEADING_ID.exec(text);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]!) as string;
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `invalid JSON: ${(error as Error).message}`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return "the line is JSON but not an object";
  }
  return value as Record<string, unknown>;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** Turns one non-blank JSONL line into a record. */
export function parseJsonlLine(line: RawLine, maxBytes: number): InputRecord {
  const fallbackId = `line:${line.lineNo}`;
  if (line.oversize) {
    const id = sniffId(lenientUtf8.decode(line.bytes)) ?? fallbackId;
    return badRecord(
      id,
      "too_large",
      `the line is longer than the limit for a ${maxBytes}-byte note`,
    );
  }
  let text: string;
  try {
    text = strictUtf8.decode(line.bytes);
  } catch {
    const lenient = lenientUtf8.decode(line.bytes);
    const parsed = parseObject(lenient);
    const id = (typeof parsed === "object" ? idFrom(parsed.id) : sniffId(lenient)) ?? fallbackId;
    return badRecord(id, "invalid_utf8", "the line is not valid UTF-8");
  }
  const parsed = parseObject(text);
  if (typeof parsed === "string")
    return badRecord(sniffId(text) ?? fallbackId, "invalid_json", parsed);
  const id = idFrom(parsed.id) ?? fallbackId;
  if (typeof parsed.text !== "string") {
    const what = "text" in parsed ? `"text" is ${describe(parsed.text)}` : 'no "text" field';
    return badRecord(id, "missing_text", `${what}; expected a string`);
  }
  return { id, text: parsed.text };
}

/** Longest line kept in memory: JSON escaping can make a note's line several times its size. */
export function maxLineBytes(maxBytes: number): number {
  return maxBytes * 4 + 64 * 1024;
}

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

/** Reads JSONL records from a byte stream, one at a time. */
export async function* readJsonl(
  source: AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<InputRecord> {
  for await (const line of splitLines(source, { maxLineBytes: maxLineBytes(maxBytes) })) {
    if (!line.oversize && isBlank(line.bytes)) continue;
    yield { ...parseJsonlLine(line, maxBytes), at: line.endOffset };
  }
}
