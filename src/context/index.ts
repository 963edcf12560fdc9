/**
 * ConText assertion detection (Harkema et al. 2009, the NegEx lineage): for each target span
 * decide negation (affirmed / negated / possible), temporality (recent / historical /
 * hypothetical) and experiencer (patient / other), and whether it is billable today.
 * Rules come from lexicon/context.json, compiled once with `compileContext`.
 */
import type { Assertion } from "../schemas/api.ts";
import type { SectionCategory } from "../types.ts";
import { assertTarget, type SentenceFacts, type TargetTokens } from "./apply.ts";
import type { CompiledContext } from "./compile.ts";
import { findConcept } from "./concept.ts";
import { findOverrides, findTriggers } from "./modifiers.ts";
import { computeScopes } from "./scope.ts";
import { type ContextToken, tokenize } from "./tokens.ts";

export type { CompiledContext, CompiledTrigger } from "./compile.ts";
export { compileContext } from "./compile.ts";
export { findConcept } from "./concept.ts";

export interface ContextSentence {
  start: number;
  end: number;
  section: SectionCategory;
}

export interface ContextTarget {
  id: number;
  start: number;
  end: number;
  /** Index into the sentences array. */
  sentence: number;
}

interface AnalysedSentence {
  tokens: ContextToken[];
  facts: SentenceFacts;
}

function analyseSentence(
  text: string,
  sentence: ContextSentence,
  ctx: CompiledContext,
): AnalysedSentence {
  const tokens = tokenize(text, sentence.start, sentence.end);
  const matches = findTriggers(text, tokens, ctx);
  const facts: SentenceFacts = {
    text,
    tokens,
    scopes: computeScopes(tokens, matches),
    overrides: ctx.sections.get(sentence.section)?.overridable
      ? findOverrides(tokens, ctx.overrides)
      : [],
    section: sentence.section,
  };
  return { tokens, facts };
}

/** Token range of a character span; a span between tokens maps to the next token. */
function targetTokens(
  tokens: ContextToken[],
  start: number,
  end: number,
  owns = true,
): TargetTokens {
  let first = 0;
  while (first < tokens.length && tokens[first]!.end <= start) first++;
  let last = first;
  while (last < tokens.length && tokens[last]!.start < end) last++;
  return {
    first,
    end: Math.max(last, Math.min(first + 1, tokens.length)),
    ownsInnerTriggers: owns,
  };
}

/**
 * Analysed sentences by section and text, per compiled context: the analysis depends on
 * nothing else, and notes repeat sentences (templates, re-coding while a note is typed).
 * Entries are read-only; offsets in them are relative to the sentence start. Least recently
 * used entries are dropped beyond SENTENCE_CACHE_SIZE.
 */
const sentenceCaches = new WeakMap<CompiledContext, Map<string, AnalysedSentence>>();
const SENTENCE_CACHE_SIZE = 512;

function analysedSentence(
  text: string,
  sentence: ContextSentence,
  ctx: CompiledContext,
): AnalysedSentence {
  let cache = sentenceCaches.get(ctx);
  if (!cache) {
    cache = new Map();
    sentenceCaches.set(ctx, cache);
  }
  const own = text.slice(sentence.start, sentence.end);
  const key = `${sentence.section}\u0000${own}`;
  let entry = cache.get(key);
  if (entry) cache.delete(key);
  else entry = analyseSentence(own, { ...sentence, start: 0, end: own.length }, ctx);
  cache.set(key, entry);
  if (cache.size > SENTENCE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return entry;
}

/**
 * Assertions for every target, keyed by target id.
 * `text` is the note after length-preserving normalisation (same offsets as the original).
 */
export function detectAssertions(
  text: string,
  sentences: ContextSentence[],
  targets: ContextTarget[],
  ctx: CompiledContext,
): Map<number, Assertion> {
  const analysed = new Map<number, AnalysedSentence>();
  const result = new Map<number, Assertion>();
  for (const target of targets) {
    const sentence = sentences[target.sentence];
    if (!sentence) throw new RangeError(`target ${target.id}: no sentence ${target.sentence}`);
    let entry = analysed.get(target.sentence);
    if (!entry) {
      entry = analysedSentence(text, sentence, ctx);
      analysed.set(target.sentence, entry);
    }
    const at = sentence.start;
    const span = targetTokens(entry.tokens, target.start - at, target.end - at);
    result.set(target.id, assertTarget(entry.facts, span, ctx));
  }
  return result;
}

/**
 * Assertion of `concept` in one sentence (NegEx/ConText TSV rows). The concept is found
 * case-insensitively with white space folded, preferring its upper-cased occurrence; when it
 * does not occur, the whole sentence is the target.
 */
export function assertConcept(sentence: string, concept: string, ctx: CompiledContext): Assertion {
  const found = findConcept(sentence, concept);
  const span = found ?? { start: 0, end: sentence.length };
  const whole: ContextSentence = { start: 0, end: sentence.length, section: "other" };
  const { tokens, facts } = analyseSentence(sentence, whole, ctx);
  return assertTarget(facts, targetTokens(tokens, span.start, span.end, found !== null), ctx);
}
