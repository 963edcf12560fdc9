/**
 * Tokens for ConText matching: words ("patient's", "2.5", "r" in "r/o") and single punctuation
 * marks (":", ";", "/", "-"). Offsets are absolute offsets into the text handed in, so a
 * sentence of a note is tokenised in place, without slicing or rewriting the note.
 *
 *   "Biopsy: no."  ->  biopsy | : | no | .
 */

export interface ContextToken {
  start: number;
  end: number;
  /** Lower-cased token text ("’" folded to "'"). */
  norm: string;
  /** Word token (letters/digits) rather than punctuation. */
  word: boolean;
  /** Whitespace (or the start of the range) comes right before the token. */
  spaced: boolean;
  /** The token is the first of its line (start of range or after a newline). */
  lineStart: boolean;
}

const NON_ASCII_LETTER = /\p{L}|\p{N}/u;

function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return NON_ASCII_LETTER.test(String.fromCharCode(code));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028;
}

/** End of the word starting at `i`: letters/digits, inner apostrophes, decimal points. */
function wordEnd(text: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end) {
    const code = text.charCodeAt(j);
    if (isWordChar(code)) j++;
    else if (j + 1 < end && isApostrophe(code) && isWordChar(text.charCodeAt(j + 1))) j += 2;
    else if (code === 46 && j + 1 < end && isDigit(text.charCodeAt(j - 1))) {
      if (!isDigit(text.charCodeAt(j + 1))) break;
      j += 2;
    } else break;
  }
  return j;
}

function normOf(text: string, start: number, end: number): string {
  const lower = text.slice(start, end).toLowerCase();
  return lower.includes("\u2019") ? lower.replaceAll("\u2019", "'") : lower;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Tokenises `text[start, end)`. */
export function tokenize(text: string, start = 0, end = text.length): ContextToken[] {
  const tokens: ContextToken[] = [];
  // An ASCII range (most are: the text stage folds the note) is lower-cased once, and each
  // token's norm is a slice of that: the same as lower-casing the token by itself.
  const range = start === 0 && end === text.length ? text : text.slice(start, end);
  const lower = NON_ASCII.test(range) ? null : range.toLowerCase();
  let spaced = true;
  let lineStart = true;
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      spaced = true;
      if (code === 10 || code === 13) lineStart = true;
      i++;
      continue;
    }
    const word = isWordChar(code);
    const surrogate = code >= 0xd800 && code <= 0xdbff && i + 1 < end;
    const j = word ? wordEnd(text, i, end) : i + (surrogate ? 2 : 1);
    const norm = lower === null ? normOf(text, i, j) : lower.slice(i - start, j - start);
    tokens.push({ start: i, end: j, norm, word, spaced, lineStart });
    spaced = false;
    lineStart = false;
    i = j;
  }
  return tokens;
}

/** Lower-cased token strings of a trigger literal ("r/o" -> ["r", "/", "o"]). */
export function literalTokens(literal: string): string[] {
  return tokenize(literal).map((token) => token.norm);
}
