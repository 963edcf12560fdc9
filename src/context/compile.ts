/**
 * Compiles lexicon/context.json once into lookup structures: trigger literals keyed by their
 * first token (longest first), linear-time patterns, section defaults. The result is frozen
 * and is what every call of the detector receives; nothing is built per sentence.
 */
import type {
  ContextCategory,
  ContextDirection,
  ContextLexicon,
  ContextRule,
  SectionDefault,
} from "../schemas/context.ts";
import type { SectionCategory } from "../types.ts";
import {
  compileHeads,
  type PatternHead,
  type PatternHeads,
  patternHeads,
} from "./pattern-heads.ts";
import { literalTokens } from "./tokens.ts";

export type TriggerKind = "modifier" | "pseudo" | "terminate" | "override";
export type AssertionAttribute = ContextCategory["attribute"];

export interface CompiledTrigger {
  readonly id: string;
  readonly kind: TriggerKind;
  readonly category: string;
  readonly direction: ContextDirection | "none";
  readonly maxScope: number;
  /** The scope runs on past a ":" (a trigger that introduces a list). */
  readonly crossesColon?: boolean;
  /** Words that end this trigger's scope (its clause's edge), when the rule is clause-bound. */
  readonly stops?: ReadonlySet<string>;
  /** Modifier effect: which attribute it sets, to what, and the reason template. */
  readonly effect?: ContextCategory;
  /** Categories a pseudo/terminate trigger cuts; null = all. */
  readonly appliesTo: ReadonlySet<string> | null;
  /** Lower-cased tokens of the literal (empty for pattern triggers). */
  readonly tokens: readonly string[];
}

export interface CompiledPattern {
  readonly trigger: CompiledTrigger;
  /** Case-insensitive, sticky: tried at one position (set lastIndex before every exec). */
  readonly sticky: RegExp;
}

/** Trigger literals keyed by their first token, longest first. */
export type TriggerIndex = ReadonlyMap<string, readonly CompiledTrigger[]>;

export interface CompiledContext {
  readonly triggers: TriggerIndex;
  /** Override literals ("performed", "done today"), matched separately from the rules. */
  readonly overrides: TriggerIndex;
  /** Words that cancel an override right after them ("to be excised"). */
  readonly overrideBlockers: ReadonlySet<string>;
  readonly patterns: readonly CompiledPattern[];
  /**
   * The literal prefixes every match of each pattern starts with, in one trie (see
   * pattern-heads.ts): a sentence is walked through it once, and a pattern is tried only where
   * one of its heads starts (a scan with the alternation of all patterns cost 5x more).
   */
  readonly patternHeads: PatternHeads;
  readonly sections: ReadonlyMap<SectionCategory, SectionDefault>;
  /** lexicon predicateAfterComma: what a main clause's participle after a comma looks like. */
  readonly predicates: {
    readonly auxiliaries: ReadonlySet<string>;
    readonly irregularParticiples: ReadonlySet<string>;
  };
  /** lexicon subjectPhrase: a history phrase of the subject ends at the sentence's verb. */
  readonly subjectPhrase?: SubjectPhrase;
  /**
   * lexicon visitDateLabels, as one pattern: a label, a colon, then the month and day (groups 1
   * and 2); undefined when the lexicon has none.
   */
  readonly visitDate?: RegExp;
  readonly version: string;
}

export interface SubjectPhrase {
  readonly id: string;
  readonly persons: ReadonlySet<string>;
  readonly openers: ReadonlySet<string>;
  readonly appliesTo: ReadonlySet<string>;
  readonly verbs: ReadonlySet<string>;
}

function kindOf(direction: ContextDirection): TriggerKind {
  if (direction === "pseudo") return "pseudo";
  if (direction === "terminate") return "terminate";
  return "modifier";
}

function compileRule(
  rule: ContextRule,
  lex: ContextLexicon,
  clauseWords: ReadonlySet<string>,
): CompiledTrigger {
  const effect = lex.categories[rule.category];
  return Object.freeze({
    id: rule.id,
    kind: kindOf(rule.direction),
    category: rule.category,
    direction: rule.direction,
    maxScope: rule.maxScope ?? effect?.maxScope ?? lex.defaults.maxScope,
    ...(rule.crossesColon ? { crossesColon: true } : {}),
    ...(rule.clause ? { stops: clauseWords } : {}),
    ...(effect ? { effect } : {}),
    appliesTo: rule.appliesTo ? new Set(rule.appliesTo) : null,
    tokens: "literal" in rule ? Object.freeze(literalTokens(rule.literal)) : [],
  });
}

function compileOverride(id: string, literal: string): CompiledTrigger {
  return Object.freeze({
    id,
    kind: "override",
    category: "OVERRIDE",
    direction: "none",
    maxScope: 0,
    appliesTo: null,
    tokens: Object.freeze(literalTokens(literal)),
  });
}

function indexByFirstToken(triggers: CompiledTrigger[]): Map<string, CompiledTrigger[]> {
  const index = new Map<string, CompiledTrigger[]>();
  for (const trigger of triggers) {
    const first = trigger.tokens[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push(trigger);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

/** Builds the immutable matcher for a parsed context lexicon. */
export function compileContext(lex: ContextLexicon): CompiledContext {
  const literalTriggers: CompiledTrigger[] = [];
  const patterns: CompiledPattern[] = [];
  const heads: (PatternHead[] | null)[] = [];
  const clauseWords = new Set(lex.clauseWords);
  for (const rule of lex.rules) {
    const trigger = compileRule(rule, lex, clauseWords);
    // The note text is ASCII-folded, so the Unicode flag (checked when the lexicon is loaded)
    // buys nothing here and costs a third of the context stage's time.
    if ("pattern" in rule) {
      patterns.push({ trigger, sticky: new RegExp(rule.pattern, "iy") });
      heads.push(patternHeads(rule.pattern));
    } else literalTriggers.push(trigger);
  }
  const overrides = lex.overrides.map((rule) => compileOverride(rule.id, rule.literal));
  const sections = new Map(Object.entries(lex.sections) as [SectionCategory, SectionDefault][]);
  return Object.freeze({
    triggers: indexByFirstToken(literalTriggers),
    overrides: indexByFirstToken(overrides),
    overrideBlockers: new Set(lex.overrideBlockers.map((w) => w.toLowerCase())),
    patterns: Object.freeze(patterns),
    patternHeads: compileHeads(heads),
    sections,
    predicates: {
      auxiliaries: new Set(lex.predicateAfterComma.auxiliaries),
      irregularParticiples: new Set(lex.predicateAfterComma.irregularParticiples),
    },
    ...(lex.subjectPhrase
      ? {
          subjectPhrase: {
            id: lex.subjectPhrase.id,
            persons: new Set(lex.subjectPhrase.persons),
            openers: new Set(lex.subjectPhrase.openers),
            appliesTo: new Set(lex.subjectPhrase.appliesTo),
            verbs: new Set(lex.subjectPhrase.verbs),
          },
        }
      : {}),
    ...(lex.visitDateLabels.length > 0 ? { visitDate: visitDatePattern(lex.visitDateLabels) } : {}),
    version: lex.version,
  });
}

/** "date of service: 3/2": a label (longest first), optional spaces, a colon, m/d. */
function visitDatePattern(labels: readonly string[]): RegExp {
  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  return new RegExp(`\\b(?:${alternatives.join("|")})\\s*:\\s*(\\d{1,2})\\/(\\d{1,2})\\b`, "gi");
}
