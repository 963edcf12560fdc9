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
import { findOverrides, findTriggers, type TriggerMatch } from "./modifiers.ts";
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

/** How far into the note its header may run. */
const HEADER_CHARS = 400;
const MONTH_DAY = /\b(\d{1,2})\/(\d{1,2})\b/g;

const monthDay = (m: string, d: string) => `${Number(m)}/${Number(d)}`;

/**
 * The visit's own dates, as "m/d", from a dated field at the head of the note ("DATE OF SERVICE:
 * 3/2", "Date: 3/2/2026"): a procedure dated to one of them was done at this visit.
 */
function visitDates(text: string, ctx: CompiledContext): ReadonlySet<string> | undefined {
  if (!ctx.visitDate) return undefined;
  const dates = new Set<string>();
  for (const m of text.slice(0, HEADER_CHARS).matchAll(ctx.visitDate))
    dates.add(monthDay(m[1]!, m[2]!));
  return dates.size > 0 ? dates : undefined;
}

/** A date trigger that dates a procedure earlier ("on 3/2") says nothing when 3/2 is the visit's. */
function datesTheVisit(
  text: string,
  tokens: ContextToken[],
  match: TriggerMatch,
  dates: ReadonlySet<string>,
): boolean {
  if (match.trigger.effect?.value !== "historical") return false;
  const phrase = text.slice(tokens[match.first]!.start, tokens[match.end - 1]!.end);
  for (const m of phrase.matchAll(MONTH_DAY)) if (dates.has(monthDay(m[1]!, m[2]!))) return true;
  return false;
}

/** Analyses the sentence `text` (a whole sentence) of `section`. */
function analyseSentence(
  text: string,
  section: SectionCategory,
  ctx: CompiledContext,
  dates?: ReadonlySet<string>,
): AnalysedSentence {
  const tokens = tokenize(text);
  let matches = findTriggers(text, tokens, ctx);
  if (dates) matches = matches.filter((match) => !datesTheVisit(text, tokens, match, dates));
  const facts: SentenceFacts = {
    text,
    tokens,
    scopes: computeScopes(tokens, matches, ctx.subjectPhrase),
    overrides: ctx.sections.get(section)?.overridable
      ? findOverrides(tokens, ctx.overrides, ctx.overrideBlockers)
      : [],
    section,
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
 * Analysed sentences by section and text, for compiled contexts that asked for it
 * (`cacheSentences`): the analysis depends on nothing else, and an editor re-codes the same
 * sentences on every keystroke. Batch coding does not ask: notes rarely repeat whole sentences,
 * and the cache would only cost memory. Entries are read-only; their offsets are relative to the
 * sentence start. The least recently used entries are dropped beyond the size.
 */
const sentenceCaches = new WeakMap<
  CompiledContext,
  { size: number; entries: Map<string, AnalysedSentence> }
>();

/** Keeps up to `size` analysed sentences of `ctx` for reuse (an editing session calls this). */
export function cacheSentences(ctx: CompiledContext, size = 512): void {
  if (!sentenceCaches.has(ctx)) sentenceCaches.set(ctx, { size, entries: new Map() });
}

function analysedSentence(
  text: string,
  sentence: ContextSentence,
  ctx: CompiledContext,
  dates?: ReadonlySet<string>,
): AnalysedSentence {
  const own = text.slice(sentence.start, sentence.end);
  const cache = sentenceCaches.get(ctx);
  if (!cache) return analyseSentence(own, sentence.section, ctx, dates);
  const key = `${sentence.section}\u0000${dates ? [...dates].join(",") : ""}\u0000${own}`;
  let entry = cache.entries.get(key);
  if (entry) cache.entries.delete(key);
  else entry = analyseSentence(own, sentence.section, ctx, dates);
  cache.entries.set(key, entry);
  if (cache.entries.size > cache.size) cache.entries.delete(cache.entries.keys().next().value!);
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
  const dates = targets.length > 0 ? visitDates(text, ctx) : undefined;
  for (const target of targets) {
    const sentence = sentences[target.sentence];
    if (!sentence) throw new RangeError(`target ${target.id}: no sentence ${target.sentence}`);
    let entry = analysed.get(target.sentence);
    if (!entry) {
      entry = analysedSentence(text, sentence, ctx, dates);
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
  const { tokens, facts } = analyseSentence(sentence, "other", ctx);
  return assertTarget(facts, targetTokens(tokens, span.start, span.end, found !== null), ctx);
}
