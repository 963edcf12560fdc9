import type { Token } from "../types.ts";

/**
 * Tokens over the lower-cased, length-preserving normalised text: numbers with an optional
 * decimal part ("1.2", ".5"), runs of letters, or any other single visible character.
 * Sample: "6mm punch bx, R cheek" -> 6 | mm | punch | bx | , | r | cheek
 */
const TOKEN_RE = /\d+(?:\.\d+)?|\.\d+|[a-z]+|[^\sa-z\d]/g;

export function tokenize(_text: string, lower: string): Token[] {
  // A hand-written scan of TOKEN_RE (same tokens; no match object per token).
  const tokens: Token[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    const start = i;
    if (isDigit(c)) {
      i = digitsEnd(lower, i + 1);
      if (lower.charCodeAt(i) === 46 && isDigit(lower.charCodeAt(i + 1)))
        i = digitsEnd(lower, i + 2);
    } else if (c === 46 && isDigit(lower.charCodeAt(i + 1))) {
      i = digitsEnd(lower, i + 2);
    } else if (c >= 97 && c <= 122) {
      i++;
      while (i < n && isLowerLetter(lower.charCodeAt(i))) i++;
    } else {
      i++;
      if (isRegexSpace(c)) continue;
    }
    tokens.push({ start, end: i, norm: lower.slice(start, i) });
  }
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

function digitsEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** Exactly the code units JavaScript's `\s` matches. */
function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Tokenises a lexicon literal the same way as note text, so both meet in the trie. */
export function tokenizeLiteral(literal: string): string[] {
  return literal.toLowerCase().match(TOKEN_RE) ?? [];
}

/** The last word of a phrase, lower-cased ("right cheek" -> "cheek", "dorsal hands" -> "hands"). */
export function lastWord(text: string): string {
  return (
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean)
      .at(-1) ?? ""
  );
}

/** Index of the first token whose start is >= offset (binary search; any token with a start). */
export function tokenAt(tokens: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
