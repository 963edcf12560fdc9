/**
 * Checks a note's text before it reaches suggest(): empty, too large, binary, lone surrogates.
 * Every check is one linear pass; none allocates more than a few numbers.
 */
import type { RecordError } from "./records.ts";

/** More control characters than this share of the text (and at least two) means binary data. */
const CONTROL_SHARE = 0.01;

interface TextScan {
  /** Offset of the first NUL, or -1. */
  nulAt: number;
  /** C0 control characters other than tab, line feed, vertical tab, form feed, carriage return. */
  controls: number;
  /** Offset of the first unpaired UTF-16 surrogate, or -1. */
  loneSurrogateAt: number;
}

function isControl(code: number): boolean {
  return code < 0x20 && (code < 0x09 || code > 0x0d);
}

/** One pass over the UTF-16 code units. */
export function scanText(text: string): TextScan {
  const scan: TextScan = { nulAt: -1, controls: 0, loneSurrogateAt: -1 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code === 0 && scan.nulAt < 0) scan.nulAt = i;
      if (isControl(code)) scan.controls++;
    } else if (code >= 0xd800 && code <= 0xdfff && scan.loneSurrogateAt < 0) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else scan.loneSurrogateAt = i;
    }
  }
  return scan;
}

function binaryProblem(text: string, scan: TextScan): RecordError | undefined {
  if (scan.nulAt >= 0) {
    return { kind: "binary", message: `text contains a NUL character at offset ${scan.nulAt}` };
  }
  if (scan.controls >= 2 && scan.controls > text.length * CONTROL_SHARE) {
    const message = `text looks binary: ${scan.controls} control characters in ${text.length}`;
    return { kind: "binary", message };
  }
  return undefined;
}

/** The problem that keeps `text` from being coded, or undefined when it can be coded. */
export function checkText(text: string, maxBytes: number): RecordError | undefined {
  if (text.trim() === "") return { kind: "empty_text", message: "text is empty" };
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes) {
    return { kind: "too_large", message: `text is ${bytes} bytes; the limit is ${maxBytes}` };
  }
  const scan = scanText(text);
  const binary = binaryProblem(text, scan);
  if (binary) return binary;
  if (scan.loneSurrogateAt >= 0) {
    const at = scan.loneSurrogateAt;
    const message = `text has a lone UTF-16 surrogate at offset ${at}, which is not valid Unicode`;
    return { kind: "invalid_utf8", message };
  }
  return undefined;
}
