import type { Token } from "../types.ts";
import type { WordTable } from "./words.ts";

/**
 * Tokens over the lower-cased, length-preserving normalised text: numbers with an optional
 * decimal part ("1.2", ".5"), runs of letters, or any other single visible character.
 * Sample: "6mm punch bx, R cheek" -> 6 | mm | punch | bx | , | r | cheek
 */
const TOKEN_RE = /\d+(?:\.\d+)?|\.\d+|[a-z]+|[^\sa-z\d]/g;

export function tokenize(_text: string, lower: string): Token[] {
  return scan(lower, undefined).tokens;
}

/** Tokens with the canonical spelling of each and that spelling's token id (-1: in no trie). */
export interface WordTokens {
  tokens: Token[];
  canon: string[];
  ids: Int32Array;
}

/**
 * `tokenize`, and each token's canonical spelling and id, read from `words`: a known token's
 * string is the table's, not a new slice of the note.
 */
export function tokenizeWords(lower: string, words: WordTable): WordTokens {
  return scan(lower, words);
}

/** Ids of the note being tokenised, grown as needed and copied out at the end. */
let idScratch = new Int32Array(4096);

function scan(lower: string, words: WordTable | undefined): WordTokens {
  // A hand-written scan of TOKEN_RE (same tokens; no match object per token).
  const tokens: Token[] = [];
  const canon: string[] = [];
  let ids = idScratch;
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
    if (!words) {
      tokens.push({ start, end: i, norm: lower.slice(start, i) });
      continue;
    }
    const k = tokens.length;
    if (k === ids.length) {
      const grown = new Int32Array(ids.length * 2);
      grown.set(ids);
      idScratch = ids = grown;
    }
    const e = words.find(lower, start, i);
    if (e >= 0) {
      tokens.push({ start, end: i, norm: words.norm[e]! });
      canon.push(words.canon[e]!);
      ids[k] = words.id[e]!;
    } else {
      const norm = lower.slice(start, i);
      const spelling = words.canonOf(norm);
      tokens.push({ start, end: i, norm });
      canon.push(spelling);
      ids[k] = words.ids.idOf(spelling);
    }
  }
  return { tokens, canon, ids: ids.slice(0, tokens.length) };
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
export function isRegexSpace(c: number): boolean {
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
