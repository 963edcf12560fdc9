/**
 * Finds ConText trigger phrases in one sentence: leftmost-longest over the token sequence,
 * literals through the first-token index, patterns through their precompiled regexes. A longer
 * match hides the shorter ones inside it, which is how pseudo-triggers work:
 *
 *   "no change in the rash"  ->  [no change](pseudo) in the rash     ("no" does not fire)
 *   "no rash or scaling"     ->  [no](negated) rash or scaling
 *
 * A pseudo pattern as long as a literal at the same token wins the tie (its lookahead looked
 * further): "[mom](pseudo) requests treatment" keeps "requests" a trigger of its own.
 */

import { tokenAt } from "../text/tokens.ts";
import type { CompiledContext, CompiledTrigger, TriggerIndex } from "./compile.ts";
import { foldCode, type HeadStarts, isWordCode } from "./pattern-heads.ts";
import type { ContextToken } from "./tokens.ts";

export interface TriggerMatch {
  trigger: CompiledTrigger;
  /** Token range [first, end) of the trigger phrase. */
  first: number;
  end: number;
}

function literalAt(tokens: ContextToken[], i: number, index: TriggerIndex): CompiledTrigger | null {
  const candidates = index.get(tokens[i]!.norm);
  if (!candidates) return null;
  for (const trigger of candidates) {
    const length = trigger.tokens.length;
    if (i + length > tokens.length) continue;
    let k = 1;
    while (k < length && tokens[i + k]!.norm === trigger.tokens[k]) k++;
    if (k === length) return trigger;
  }
  return null;
}

/** Per pattern, where its next match may start (see `patternMatches`); reused across calls. */
let resume = new Int32Array(64);
/** The patterns to try at one position, and per pattern the last position it was listed at. */
let candidates = new Int32Array(64);
let listedAt = new Int32Array(64);

/** Lists in `candidates` (from `count` on) the patterns of a trie node whose scan reached `at`. */
function listPatterns(patterns: Int32Array, from: number, to: number, at: number, count: number) {
  for (let p = from; p < to; p++) {
    const k = patterns[p]!;
    if (resume[k]! <= at && listedAt[k] !== at) {
      listedAt[k] = at;
      candidates[count++] = k;
    }
  }
  return count;
}

/**
 * Lists in `candidates` (from `count` on) the patterns with a head of `starts` at `text[start]`
 * (`at` relative to the sentence's start; `first` the folded character there), up to `to`,
 * whose scan has reached `at`; returns the new count.
 */
function listHeads(
  starts: HeadStarts,
  text: string,
  start: number,
  to: number,
  at: number,
  first: number,
  count: number,
): number {
  const { ascii, wide, patternsFrom, patterns } = starts;
  let node = first < 128 ? ascii[first]! : (wide.get(first) ?? 0);
  for (let j = start + 1; node !== 0; j++) {
    const end = patternsFrom[node + 1]!;
    if (patternsFrom[node]! < end)
      count = listPatterns(patterns, patternsFrom[node]!, end, at, count);
    if (j >= to) break;
    const code = foldCode(text.charCodeAt(j));
    node = code < 128 ? ascii[node * 128 + code]! : (wide.get(node * 0x10000 + code) ?? 0);
  }
  return count;
}

/**
 * Pattern matches that begin and end on token boundaries, longest per first token; null when
 * there are none.
 *
 * The matches are those of each pattern's own left-to-right scan (String.prototype.matchAll): a
 * pattern is tried (sticky) at every position where one of its heads starts, in order, and a
 * scan resumes at the end of its match, or one past an empty one. At one position the patterns
 * are tried in lexicon order, so of two equally long matches the first pattern's is kept.
 */
function patternMatches(
  text: string,
  tokens: ContextToken[],
  ctx: CompiledContext,
): Map<number, TriggerMatch> | null {
  const { patterns } = ctx;
  const { atSentenceStart, atWordStart, anywhere, everywhere } = ctx.patternHeads;
  if (patterns.length === 0 || tokens.length === 0) return null;
  const from = tokens[0]!.start;
  const to = tokens[tokens.length - 1]!.end;
  if (resume.length < patterns.length) {
    resume = new Int32Array(patterns.length);
    candidates = new Int32Array(patterns.length);
    listedAt = new Int32Array(patterns.length);
  }
  resume.fill(0, 0, patterns.length);
  listedAt.fill(-1, 0, patterns.length);
  let sentence: string | null = null;
  let byFirst: Map<number, TriggerMatch> | null = null;
  // The regexes see the sentence alone: no word before its start.
  let word = false;
  for (let at = 0; at < to - from; at++) {
    const wordBefore = word;
    const code = text.charCodeAt(from + at);
    word = isWordCode(code);
    const first = foldCode(code);
    let count = listHeads(anywhere, text, from + at, to, at, first, 0);
    if (at === 0) count = listHeads(atSentenceStart, text, from, to, at, first, count);
    if (word && !wordBefore) count = listHeads(atWordStart, text, from + at, to, at, first, count);
    for (let e = 0; e < everywhere.length; e++) {
      const k = everywhere[e]!;
      if (resume[k]! <= at && listedAt[k] !== at) {
        listedAt[k] = at;
        candidates[count++] = k;
      }
    }
    if (count === 0) continue;
    // In lexicon order (an insertion sort: a few at most).
    for (let c = 1; c < count; c++) {
      const k = candidates[c]!;
      let d = c - 1;
      for (; d >= 0 && candidates[d]! > k; d--) candidates[d + 1] = candidates[d]!;
      candidates[d + 1] = k;
    }
    // The regexes see the sentence alone: "^" is its start, a lookbehind stops there.
    sentence ??= text.slice(from, to);
    for (let c = 0; c < count; c++) {
      const k = candidates[c]!;
      const { trigger, sticky } = patterns[k]!;
      sticky.lastIndex = at;
      const hit = sticky.exec(sentence);
      if (!hit) continue;
      const length = hit[0].length;
      resume[k] = at + Math.max(1, length);
      const start = from + at;
      const stop = start + length;
      const firstToken = tokenAt(tokens, start);
      const end = tokenAt(tokens, stop);
      const aligned =
        end > firstToken && tokens[firstToken]!.start === start && tokens[end - 1]!.end === stop;
      if (!aligned) continue;
      byFirst ??= new Map();
      const previous = byFirst.get(firstToken);
      if (!previous || previous.end < end)
        byFirst.set(firstToken, { trigger, first: firstToken, end });
    }
  }
  return byFirst;
}

/** All trigger matches of the sentence, in order, non-overlapping. */
export function findTriggers(
  text: string,
  tokens: ContextToken[],
  ctx: CompiledContext,
): TriggerMatch[] {
  const patterns = patternMatches(text, tokens, ctx);
  const matches: TriggerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const literal = literalAt(tokens, i, ctx.triggers);
    const pattern = patterns?.get(i);
    const literalEnd = literal ? i + literal.tokens.length : i;
    let match: TriggerMatch | null = literal
      ? { trigger: literal, first: i, end: literalEnd }
      : null;
    // A pseudo pattern as long as the literal read more of the sentence (a lookahead: "mom" in
    // "mom requests treatment"): it is the more specific reading.
    const pseudoTie = pattern?.end === literalEnd && pattern.trigger.kind === "pseudo";
    if (pattern && (pattern.end > literalEnd || pseudoTie)) match = pattern;
    if (match) {
      matches.push(match);
      i = match.end;
    } else i++;
  }
  return matches;
}

/**
 * "frozen-section margin control", "sutured-in drain": a participle joined by a hyphen to the
 * next word is part of a compound word, not a verb telling what was done.
 */
function hyphenCompound(tokens: ContextToken[], end: number): boolean {
  const dash = tokens[end];
  return (
    dash?.norm === "-" && !dash.spaced && tokens[end + 1]?.word === true && !tokens[end + 1]!.spaced
  );
}

/** Override phrases ("performed", "done today") of the sentence, leftmost-longest. */
export function findOverrides(
  tokens: ContextToken[],
  index: TriggerIndex,
  blockers: ReadonlySet<string>,
): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const trigger = literalAt(tokens, i, index);
    if (trigger) {
      // "to be excised", "can be removed": a modal before the verb reports nothing done.
      const end = i + trigger.tokens.length;
      if ((i === 0 || !blockers.has(tokens[i - 1]!.norm)) && !hyphenCompound(tokens, end))
        matches.push({ trigger, first: i, end });
      i += trigger.tokens.length;
    } else i++;
  }
  return matches;
}
