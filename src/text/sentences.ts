import type { Section, Sentence, Token } from "../types.ts";
import { isRegexSpace, tokenAt } from "./tokens.ts";

/**
 * Sentences inside each section body. A sentence ends at ". ", "? ", "! " before an upper-case
 * letter, digit or bracket, or a lower-case word that opens a new clause (lexicon sections
 * `clauseOpeners`: "... R hand. mom ok w/ plan") -- not after an abbreviation or a single
 * letter --, at a blank line, and at a line break unless the next line continues in lower case.
 * Sample: "Site: left arm\nSize: 5 mm. Tolerated well." -> 3 sentences.
 */
const PROCEDURE_SECTIONS = new Set(["procedure", "procedure_title"]);
/** Longest sentence, in tokens, any later stage sees. */
const MAX_TOKENS = 250;

export function splitSentences(
  text: string,
  sections: Section[],
  tokens: Token[],
  abbreviations: ReadonlySet<string>,
  clauseOpeners: ReadonlySet<string> = NO_WORDS,
): Sentence[] {
  const sentences: Sentence[] = [];
  const stops = new StopScanner(text); // shared: each character is searched once per stop kind
  const stopWords: StopWords = { abbr: abbreviations, openers: clauseOpeners };
  // Sentence ranges come in text order: their tokens are found by walking on from the last one.
  let cursor = 0;
  const tokenFrom = (offset: number) => {
    cursor = cursor > 0 && tokens[cursor - 1]!.start >= offset ? tokenAt(tokens, offset) : cursor;
    while (cursor < tokens.length && tokens[cursor]!.start < offset) cursor++;
    return cursor;
  };
  sections.forEach((section, sectionIndex) => {
    // A procedure header is part of its section's first sentence: "Excision: elliptical, 2 mm margins".
    const titled =
      section.title.end > section.title.start && PROCEDURE_SECTIONS.has(section.category);
    const from = titled ? section.title.start : section.body.start;
    for (const range of sentenceRanges(text, from, section.body.end, stopWords, stops)) {
      const firstToken = tokenFrom(range.start);
      const lastToken = tokenFrom(range.end);
      // A run-on "sentence" (a pasted table, a note with no punctuation) is cut into pieces of at
      // most MAX_TOKENS tokens so that no stage works on an unbounded sentence.
      for (let from = firstToken; from < lastToken; from += MAX_TOKENS) {
        const to = Math.min(lastToken, from + MAX_TOKENS);
        sentences.push({
          index: sentences.length,
          start: from === firstToken ? range.start : tokens[from]!.start,
          end: to === lastToken ? range.end : tokens[to - 1]!.end,
          section: section.category,
          sectionIndex,
          firstToken: from,
          lastToken: to,
        });
      }
    }
  });
  return sentences;
}

interface StopWords {
  abbr: ReadonlySet<string>;
  openers: ReadonlySet<string>;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** The lower-case word at j is a clause opener ("mom", "pt"), followed by a space. */
function opensClause(text: string, j: number, to: number, openers: ReadonlySet<string>): boolean {
  if (openers.size === 0) return false;
  let k = j;
  while (k < to && k - j <= 12 && isLowerAscii(text.charCodeAt(k))) k++;
  return k > j && (k >= to || text[k] === " ") && openers.has(text.slice(j, k));
}

function sentenceRanges(
  text: string,
  from: number,
  to: number,
  words: StopWords,
  stops: StopScanner,
) {
  const ranges: { start: number; end: number }[] = [];
  let start = from;
  stops.seek(from);
  for (let i = stops.next(to); i >= 0; i = stops.next(to)) {
    const c = text.charCodeAt(i);
    let cut = -1;
    if (c === 10) {
      if (isLineBreakBoundary(text, i, to)) cut = i;
    } else if (isStopBoundary(text, i, to, words)) cut = i + 1;
    if (cut < 0) continue;
    pushTrimmed(text, start, cut, ranges);
    start = cut;
  }
  pushTrimmed(text, start, to, ranges);
  return ranges;
}

/**
 * Positions of the characters that may end a sentence ("\n", ".", "?", "!", ";", ":"), in order, found
 * with indexOf. Moving forward (`seek` to a later offset, `next`) reuses what was found, so a
 * note's sections together cost one search of the text per stop character.
 */
class StopScanner {
  private static readonly STOPS = ["\n", ".", "?", "!", ";", ":"];
  /** Next position of each stop character at or after `at` (-1: none left). */
  private readonly ahead: number[];
  private at = 0;

  constructor(private readonly text: string) {
    this.ahead = StopScanner.STOPS.map((ch) => text.indexOf(ch));
  }

  /** Continues from `offset` (moving back searches again). */
  seek(offset: number): void {
    if (offset < this.at)
      for (let k = 0; k < this.ahead.length; k++)
        this.ahead[k] = this.text.indexOf(StopScanner.STOPS[k]!, offset);
    this.at = offset;
  }

  /** The next stop position before `limit`, or -1 (then the position stays where it was). */
  next(limit: number): number {
    let best = -1;
    for (let k = 0; k < this.ahead.length; k++) {
      let p = this.ahead[k]!;
      if (p >= 0 && p < this.at) {
        p = this.text.indexOf(StopScanner.STOPS[k]!, this.at);
        this.ahead[k] = p;
      }
      if (p >= 0 && (best < 0 || p < best)) best = p;
    }
    if (best < 0 || best >= limit) return -1;
    this.at = best + 1;
    return best;
  }
}

function isLineBreakBoundary(text: string, i: number, to: number): boolean {
  let j = i + 1;
  while (j < to && (text[j] === " " || text[j] === "\r")) j++;
  if (j >= to || text[j] === "\n") return true;
  return !isLowerAscii(text.charCodeAt(j));
}

function isStopBoundary(text: string, i: number, to: number, words: StopWords): boolean {
  if (text[i] === ";") return enumeratorAfter(text, i + 1, to);
  if (text[i] === ":") return inlineListAfter(text, i + 1, to);
  const next = text[i + 1];
  if (next !== undefined && next !== " " && next !== "\n" && next !== "\r") return false;
  let j = i + 1;
  while (j < to && (text[j] === " " || text[j] === "\r")) j++;
  if (j < to && !opensSentence(text.charCodeAt(j)) && !opensClause(text, j, to, words.openers))
    return false;
  const abbr = words.abbr;
  if (text[i] !== ".") return true;
  if (isListMarker(text, i) || inlineMarkerAt(text, i) !== undefined) return false;
  let k = i - 1;
  while (k >= 0 && (isAsciiLetter(text.charCodeAt(k)) || text.charCodeAt(k) === 46)) k--;
  // A single letter ("J. Smith", "R. arm") is no sentence end; lower-cased, "." is no letter.
  if (k === i - 2 && isAsciiLetter(text.charCodeAt(i - 1))) return false;
  return !abbr.has(text.slice(k + 1, i).toLowerCase());
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isAsciiLetter(c: number): boolean {
  return isLowerAscii(c | 32);
}

/** What may follow a sentence stop: an upper-case letter, digit, "(", line feed, "#", "*" or "-". */
function opensSentence(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    isAsciiDigit(c) ||
    c === 40 ||
    c === 10 ||
    c === 35 ||
    c === 42 ||
    c === 45
  );
}

/**
 * "(1) R upper back 8 mm, excised ...; (2) L chest 6 mm, excised ...": a semicolon before an
 * inline enumerator ("(2)", "2)", "#2") ends one list item's sentence.
 */
function enumeratorAfter(text: string, j: number, to: number): boolean {
  while (j < to && text[j] === " ") j++;
  return j < to && INLINE_ENUMERATOR.test(text.slice(j, Math.min(to, j + 5)));
}
const INLINE_ENUMERATOR = /^(?:\(\d{1,2}\)|\d{1,2}\)|#\d{1,2}\b)/;

/**
 * "Debridement of wounds: 1. Left heel ulcer 3 x 4 cm. 2. Right heel ulcer ...": a list numbered
 * "1.", "2.", ... inside one line. A colon before its first item ends the heading's sentence, and
 * each item's number opens its item's sentence instead of being a sentence of its own, as when
 * the items are written on lines of their own.
 */
function inlineListAfter(text: string, j: number, to: number): boolean {
  while (j < to && text[j] === " ") j++;
  let k = j;
  while (k < to && k - j < 2 && isAsciiDigit(text.charCodeAt(k))) k++;
  return k > j && text[k] === "." && inlineMarkerAt(text, k) === 1;
}

/**
 * The number of the inline list item whose marker ends with the period at i ("... cm. 2. Right
 * heel ulcer"), or undefined: one or two digits after a sentence stop or a colon, before a capital
 * letter or bracket, in a line that also holds the marker of the item before (or, for item 1, of
 * item 2 after it), so that "Lesions: 3. Site: arm" stays a count.
 */
function inlineMarkerAt(text: string, i: number): number | undefined {
  let k = i - 1;
  while (k >= 0 && isAsciiDigit(text.charCodeAt(k))) k--;
  const digits = i - 1 - k;
  if (digits < 1 || digits > 2 || k < 1 || text[k] !== " ") return undefined;
  while (k >= 0 && text[k] === " ") k--;
  if (k < 0 || !INLINE_MARKER_BEFORE.has(text[k]!)) return undefined;
  if (!INLINE_ITEM_START.test(text.slice(i + 1, i + 4))) return undefined;
  const n = Number.parseInt(text.slice(i - digits, i), 10);
  const lineStart = text.lastIndexOf("\n", k) + 1;
  const lineEnd = text.indexOf("\n", i);
  if (n === 1) {
    const rest = text.slice(i + 1, lineEnd < 0 ? text.length : lineEnd);
    return SECOND_ITEM.test(rest) ? 1 : undefined;
  }
  const before = text.slice(lineStart, k + 1);
  return before.includes(` ${n - 1}. `) ? n : undefined;
}
const INLINE_MARKER_BEFORE: ReadonlySet<string> = new Set([".", ":", ";", "!", "?"]);
const INLINE_ITEM_START = /^ +[A-Z(]/;
const SECOND_ITEM = /[.;!?] +2\. +[A-Z(]/;

function pushTrimmed(
  text: string,
  start: number,
  end: number,
  out: { start: number; end: number }[],
) {
  let s = start;
  let e = end;
  while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
  while (e > s && isRegexSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

/**
 * "2.  Excisional biopsy ...": a number opening its line is a list marker, not a sentence end.
 * The text before i on its line must read: spaces, an optional "#", spaces, one or two digits.
 */
function isListMarker(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && isAsciiDigit(text.charCodeAt(k))) k--;
  const digits = i - 1 - k;
  if (digits < 1 || digits > 2) return false;
  while (k >= 0 && isInlineSpace(text.charCodeAt(k))) k--;
  if (k >= 0 && text.charCodeAt(k) === 35) {
    k--;
    while (k >= 0 && isInlineSpace(text.charCodeAt(k))) k--;
  }
  return k < 0 || text.charCodeAt(k) === 10;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** White space other than the line feed that ends a line ("\\s" minus "\\n"). */
function isInlineSpace(c: number): boolean {
  return c !== 10 && isRegexSpace(c);
}
