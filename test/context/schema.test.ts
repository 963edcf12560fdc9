/**
 * ContextLexiconSchema rejects what would make the detector wrong or slow: unknown categories,
 * structural categories with the wrong direction, duplicate ids and literals, upper-case
 * literals, quantified groups in patterns.
 */
import { describe, expect, it } from "vitest";
import { ContextLexiconSchema } from "../../src/schemas/context.ts";
import { MINI_CATEGORIES } from "./mini-lexicon.ts";

function lexiconWith(rules: object[]) {
  return {
    version: "1.0.0",
    defaults: { maxScope: 8 },
    categories: MINI_CATEGORIES,
    rules,
    sections: {},
    overrides: [],
  };
}

const no = { id: "neg.no", literal: "no", category: "NEGATED_EXISTENCE", direction: "forward" };

const rejected: [string, object[], string][] = [
  ["an unknown category", [{ ...no, category: "MAYBE" }], 'unknown category "MAYBE"'],
  ["a pseudo rule with a modifier direction", [{ ...no, category: "PSEUDO" }], "PSEUDO/TERMINATE"],
  ["a modifier with the pseudo direction", [{ ...no, direction: "pseudo" }], "PSEUDO/TERMINATE"],
  ["a main-verb rule with a modifier direction", [{ ...no, category: "MAIN_VERB" }], "PSEUDO"],
  ["a duplicate id", [no, { ...no, literal: "not" }], 'duplicate rule id "neg.no"'],
  ["a duplicate literal", [no, { ...no, id: "neg.no2" }], 'literal "no" is used twice'],
  ["an upper-case literal", [{ ...no, literal: "No" }], "lower-case"],
  ["a padded literal", [{ ...no, literal: "no  evidence" }], "single spaces"],
  ["a quantified group", [{ ...no, literal: undefined, pattern: "(?:a+)+b" }], "quantify a group"],
  ["a back-reference", [{ ...no, literal: undefined, pattern: "(a)\\1" }], "back-references"],
  ["both a literal and a pattern", [{ ...no, pattern: "no" }], ""],
  [
    "an unknown appliesTo category",
    [{ ...no, category: "TERMINATE", direction: "terminate", appliesTo: ["X"] }],
    "unknown category",
  ],
];

describe("ContextLexiconSchema", () => {
  it("accepts a small valid lexicon", () => {
    expect(ContextLexiconSchema.safeParse(lexiconWith([no])).success).toBe(true);
  });

  it("accepts a main-verb terminator", () => {
    const had = { ...no, literal: "had", category: "MAIN_VERB", direction: "terminate" };
    const rules = [no, { ...had, id: "term.had", appliesTo: ["HISTORICAL"] }];
    expect(ContextLexiconSchema.safeParse(lexiconWith(rules)).success).toBe(true);
  });

  it.each(rejected)("rejects %s", (_title, rules, message) => {
    const parsed = ContextLexiconSchema.safeParse(lexiconWith(rules));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.message).join("\n")).toContain(message);
  });
});
