/**
 * Tiny inline context lexicons for unit tables, so that curator edits of lexicon/context.json
 * never break the scope tests. A rule is written [literal, category, direction, extra?].
 */
import { type CompiledContext, compileContext } from "../../src/context/index.ts";
import { type ContextDirection, ContextLexiconSchema } from "../../src/schemas/context.ts";

export type MiniRule = [
  string,
  string,
  ContextDirection,
  { maxScope?: number; appliesTo?: string[] }?,
];

export const MINI_CATEGORIES = {
  NEGATED_EXISTENCE: { attribute: "negation", value: "negated", reason: "negated by {trigger}" },
  POSSIBLE_EXISTENCE: { attribute: "negation", value: "possible", reason: "possible: {trigger}" },
  HISTORICAL: {
    attribute: "temporality",
    value: "historical",
    reason: "historical: {trigger}",
    insideTarget: true,
  },
  PLANNED: {
    attribute: "temporality",
    value: "hypothetical",
    reason: "planned: {trigger}",
    throughLists: true,
  },
  FAMILY: { attribute: "experiencer", value: "other", reason: "other person: {trigger}" },
  FAMILY_HISTORY: {
    attribute: "experiencer",
    value: "other",
    reason: "family history: {trigger}",
    implies: { temporality: "historical" },
  },
} as const;

export const MINI_SECTIONS = {
  history: { temporality: "historical", reason: "history section" },
  family_history: {
    temporality: "historical",
    experiencer: "other",
    reason: "family history section",
  },
  plan: { temporality: "hypothetical", reason: "plan section", overridable: true },
  procedure: { temporality: "recent", reason: "procedure section" },
} as const;

/** Parses (so the schema is exercised too) and compiles a lexicon made of `rules`. */
export function miniContext(rules: MiniRule[], maxScope = 8): CompiledContext {
  const lexicon = ContextLexiconSchema.parse({
    version: "0.0.1",
    defaults: { maxScope },
    categories: MINI_CATEGORIES,
    rules: rules.map(([literal, category, direction, extra], i) => ({
      id: `t${i}.${literal.replace(/[^a-z0-9]+/g, "-")}`,
      literal,
      category,
      direction,
      ...extra,
    })),
    sections: MINI_SECTIONS,
    overrides: [
      { id: "override.performed", literal: "performed" },
      { id: "override.done-today", literal: "done today" },
    ],
  });
  return compileContext(lexicon);
}
