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

/** Pattern matches that begin and end on token boundaries, longest per first token. */
function patternMatches(
  text: string,
  tokens: ContextToken[],
  ctx: CompiledContext,
): Map<number, TriggerMatch> {
  const byFirst = new Map<number, TriggerMatch>();
  if (ctx.patterns.length === 0 || tokens.length === 0) return byFirst;
  const from = tokens[0]!.start;
  const sentence = text.slice(from, tokens[tokens.length - 1]!.end);
  const keep = (trigger: CompiledTrigger, index: number, length: number) => {
    const start = from + index;
    const stop = start + length;
    const first = tokenAt(tokens, start);
    const end = tokenAt(tokens, stop);
    const aligned = end > first && tokens[first]!.start === start && tokens[end - 1]!.end === stop;
    const previous = byFirst.get(first);
    if (aligned && (!previous || previous.end < end)) byFirst.set(first, { trigger, first, end });
  };
  const any = ctx.anyPattern;
  if (!any) {
    for (const { trigger, regex } of ctx.patterns)
      for (const m of sentence.matchAll(regex)) keep(trigger, m.index, m[0].length);
    return byFirst;
  }
  // The same matches as each pattern's own left-to-right scan: the alternation finds every
  // position where some pattern matches; there each pattern whose previous match has ended is
  // tried in place (a scan resumes at the end of its match, or one past an empty one).
  const resume = new Int32Array(ctx.patterns.length);
  any.lastIndex = 0;
  for (let m = any.exec(sentence); m !== null; m = any.exec(sentence)) {
    const at = m.index;
    for (let k = 0; k < ctx.patterns.length; k++) {
      if (resume[k]! > at) continue;
      const { trigger, sticky } = ctx.patterns[k]!;
      sticky.lastIndex = at;
      const hit = sticky.exec(sentence);
      if (!hit) continue;
      resume[k] = at + Math.max(1, hit[0].length);
      keep(trigger, at, hit[0].length);
    }
    any.lastIndex = at + 1;
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
    const pattern = patterns.get(i);
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
