/**
 * Decides whether an edit is "inert": provably unable to change the pipeline's decisions, so
 * the new result is the old one with its spans moved. Two shapes qualify:
 *
 * - letters typed or deleted inside an ordinary word ("the patient tolerated" ->
 *   "the patieent tolerated"): the word keeps its first letter, stays at least two letters,
 *   lower case after the first letter, and neither the old nor the new word is lexical
 *   (see vocabulary.ts); the token sequence, sentence and section boundaries are unchanged;
 * - spaces added to or removed from a run of spaces between words ("left  arm" stays two tokens).
 *
 * In both, the edit touches no mention span, no span a warning quotes, no lexicon regex match, and no line-initial header
 * phrase (the text before the first ":" of its line), and it does not reorder or tie any two
 * mention-to-mention distances (grouping picks the nearest site or diagnosis by offset).
 * Anything else is re-coded in full. Soundness is checked by test/incremental: random edits over
 * every fixture note must give exactly what `suggest` gives on the edited text.
 */
import { editDelta, type Range, type TextEdit } from "./edit.ts";
import type { InertVocabulary } from "./vocabulary.ts";

/** How far around the edit lexicon patterns are tried (patterns are short phrases). */
const PATTERN_WINDOW = 200;
/** How far around an edited word the other words of a multi-word lexicon entry are looked for. */
const PHRASE_WINDOW = 160;

/** Why an edit is not inert; undefined when it is. */
export type NotInert = "shape" | "lexical" | "header" | "mention" | "pattern" | "distance";

export function isInertEdit(
  before: string,
  edit: TextEdit,
  after: string,
  mentions: readonly Range[],
  vocabulary: InertVocabulary,
  quoted: readonly Range[] = [],
): boolean {
  return whyNotInert(before, edit, after, mentions, vocabulary, quoted) === undefined;
}

export function whyNotInert(
  before: string,
  edit: TextEdit,
  after: string,
  mentions: readonly Range[],
  vocabulary: InertVocabulary,
  quoted: readonly Range[] = [],
): NotInert | undefined {
  const removed = before.slice(edit.start, edit.end);
  const letters = onlyLowerLetters(removed) && onlyLowerLetters(edit.insert);
  const region = letters
    ? wordRegion(before, edit, after)
    : onlySpaces(removed) && onlySpaces(edit.insert)
      ? spaceRegion(before, edit)
      : undefined;
  if (!region) return "shape";
  if (letters && lexicalWord(before, edit, after, region, vocabulary)) return "lexical";
  if (inHeaderPhrase(before, region)) return "header";
  if (touchesAny(mentions, region) || touchesAny(quoted, region)) return "mention";
  const delta = editDelta(edit);
  const newRegion = { start: region.start, end: region.end + delta };
  if (
    patternTouches(before, region, vocabulary.patterns) ||
    patternTouches(after, newRegion, vocabulary.patterns)
  ) {
    return "pattern";
  }
  return distancesKeepOrder(mentions, edit, Math.abs(delta)) ? undefined : "distance";
}

function onlyLowerLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function onlySpaces(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The word around a letters-only edit, when its shape qualifies; its range in the OLD text. */
function wordRegion(before: string, edit: TextEdit, after: string): Range | undefined {
  let start = edit.start;
  while (start > 0 && isAsciiLetter(before.charCodeAt(start - 1))) start--;
  let end = edit.end;
  while (end < before.length && isAsciiLetter(before.charCodeAt(end))) end++;
  if (start >= edit.start) return undefined; // the first letter must stay
  if (!plainWord(before.slice(start, end)) || !plainWord(after.slice(start, end + editDelta(edit))))
    return undefined;
  const prev = before.charCodeAt(start - 1);
  const next = before.charCodeAt(end);
  if (prev >= 128 || next >= 128) return undefined;
  if (next === 46 || next === 63 || next === 33) return undefined; // "." "?" "!" decide sentence ends
  return { start, end };
}

function lexicalWord(
  before: string,
  edit: TextEdit,
  after: string,
  word: Range,
  v: InertVocabulary,
): boolean {
  const newWord = after.slice(word.start, word.end + editDelta(edit)).toLowerCase();
  const oldWord = before.slice(word.start, word.end).toLowerCase();
  return (
    hasSuffix(newWord, v.suffixes) ||
    hasSuffix(oldWord, v.suffixes) ||
    canMatch(newWord, v) ||
    oldWordMatters(before, word, oldWord, v)
  );
}

/** Does the word end with one of the lexicon's word endings (as src/coding/listed.ts reads them)? */
function hasSuffix(word: string, suffixes: readonly string[]): boolean {
  return suffixes.some((s) => word.endsWith(s));
}

/** Two or more letters, lower case after the first. */
function plainWord(word: string): boolean {
  if (word.length < 2) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** A new word can take part in a lexicon match when the lexicon knows it (or its canonical form). */
function canMatch(word: string, v: InertVocabulary): boolean {
  return v.words.has(word) || v.canon(word) !== word;
}

/**
 * Can the old word be part of a match right now? Yes when it is a lexicon entry on its own or
 * has a canonical form; when it only occurs inside multi-word entries, yes when every other word
 * of one of them occurs (as written or canonicalised) within PHRASE_WINDOW characters.
 */
function oldWordMatters(text: string, word: Range, lower: string, v: InertVocabulary): boolean {
  if (v.singles.has(lower) || v.canon(lower) !== lower) return true;
  const phrases = v.phrases.get(lower);
  if (!phrases) return v.words.has(lower);
  const around = text
    .slice(Math.max(0, word.start - PHRASE_WINDOW), word.end + PHRASE_WINDOW)
    .toLowerCase();
  const present = new Set<string>();
  for (const token of around.match(/[a-z]+/g) ?? []) {
    present.add(token);
    present.add(v.canon(token));
  }
  return phrases.some((phrase) => phrase.every((w) => present.has(w)));
}

/** The run of spaces around a spaces-only edit, when it stays a run between words. */
function spaceRegion(before: string, edit: TextEdit): Range | undefined {
  let start = edit.start;
  while (start > 0 && before.charCodeAt(start - 1) === 32) start--;
  let end = edit.end;
  while (end < before.length && before.charCodeAt(end) === 32) end++;
  const oldRun = end - start;
  if (oldRun < 1 || oldRun + editDelta(edit) < 1) return undefined;
  if (start === 0 || isLineBreak(before.charCodeAt(start - 1))) return undefined;
  if (!isAsciiLetter(before.charCodeAt(end))) return undefined;
  return { start, end };
}

/**
 * Is the region inside a possible section header: the phrase before the first ":" of its line
 * ("Procedure performed:"), or a line without lower-case letters ("REVIEW OF SYSTEMS")?
 */
function inHeaderPhrase(text: string, region: Range): boolean {
  let lineStart = region.start;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  let lineEnd = region.end;
  while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  const colon = line.indexOf(":");
  if (colon >= region.end - lineStart) return true;
  return !/[a-z]/.test(line);
}

/** Line terminators of a multiline JavaScript regex (where "^" matches). */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Mentions are sorted by start; a mention touching the region (even end-to-start) counts. */
function touchesAny(mentions: readonly Range[], region: Range): boolean {
  for (const m of mentions) {
    if (m.start > region.end) return false;
    if (m.end >= region.start) return true;
  }
  return false;
}

function patternTouches(text: string, region: Range, patterns: readonly RegExp[]): boolean {
  if (patterns.length === 0) return false;
  const from = Math.max(0, region.start - PATTERN_WINDOW);
  const window = text.slice(from, Math.min(text.length, region.end + PATTERN_WINDOW));
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m !== null; m = re.exec(window)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (start <= region.end && end >= region.start) return true;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return false;
}

/**
 * Offsets after the edit move by `shift`, so the distance between a mention before the edit and
 * one after it changes by `shift`. Grouping compares such distances ("nearest site"); the order of
 * two distances from the same mention can only change when they differ by at most `shift`.
 */
function distancesKeepOrder(mentions: readonly Range[], edit: TextEdit, shift: number): boolean {
  if (shift === 0) return true;
  const starts = mentions.map((m) => m.start);
  let split = 0;
  while (split < starts.length && starts[split]! < edit.start) split++;
  if (split === 0 || split === starts.length) return true;
  for (let i = 0; i < starts.length; i++) {
    if (!sidesApart(starts, i, split, shift)) return false;
  }
  return true;
}

/**
 * For mention i: every distance to a mention on its own side of the edit differs by more than
 * `shift` from every distance to a mention on the other side. Both lists are walked in
 * ascending order (two pointers).
 */
function sidesApart(starts: number[], i: number, split: number, shift: number): boolean {
  const s = starts[i]!;
  const left = i < split;
  const same: number[] = [];
  // Same side, ascending distance: walk outwards from i.
  let lo = i - 1;
  let hi = i + 1;
  const sideLo = left ? 0 : split;
  const sideHi = left ? split : starts.length;
  while (lo >= sideLo || hi < sideHi) {
    const dl = lo >= sideLo ? s - starts[lo]! : Number.POSITIVE_INFINITY;
    const dh = hi < sideHi ? starts[hi]! - s : Number.POSITIVE_INFINITY;
    if (dl <= dh) {
      same.push(dl);
      lo--;
    } else {
      same.push(dh);
      hi++;
    }
  }
  // Other side, ascending distance.
  let j = 0;
  const otherFirst = left ? split : split - 1;
  const otherEnd = left ? starts.length : -1;
  const step = left ? 1 : -1;
  for (let k = otherFirst; k !== otherEnd; k += step) {
    const d = Math.abs(starts[k]! - s);
    while (j < same.length && same[j]! < d - shift) j++;
    if (j < same.length && same[j]! <= d + shift) return false;
  }
  return true;
}
