import type { Token } from "../types.ts";

/**
 * Tokens over the lower-cased, length-preserving normalised text: numbers with an optional
 * decimal part ("1.2", ".5"), runs of letters, or any other single visible character.
 * Sample: "6mm punch bx, R cheek" -> 6 | mm | punch | bx | , | r | cheek
 */
const TOKEN_RE = /\d+(?:\.\d+)?|\.\d+|[a-z]+|[^\sa-z\d]/g;

export function tokenize(_text: string, lower: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(lower); m !== null; m = TOKEN_RE.exec(lower)) {
    const start = m.index;
    const end = start + m[0].length;
    tokens.push({ start, end, norm: m[0] });
  }
  return tokens;
}

/** Tokenises a lexicon literal the same way as note text, so both meet in the trie. */
export function tokenizeLiteral(literal: string): string[] {
  return literal.toLowerCase().match(TOKEN_RE) ?? [];
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
