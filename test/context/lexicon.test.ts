/**
 * Lexicon lint for lexicon/context.json: the schema parses, ids are unique, no trigger phrase is
 * listed twice, and no rule merely repeats a shorter rule of the same category (which would hide
 * the rule that really decided, without changing behaviour). The JSON Schema must be current.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type CompiledTrigger, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { findTriggers } from "../../src/context/modifiers.ts";
import { literalTokens, tokenize } from "../../src/context/tokens.ts";
import {
  type ContextLexicon,
  ContextLexiconSchema,
  type ContextRule,
} from "../../src/schemas/context.ts";

const lexicon = readContextLexicon();
const literalRules = lexicon.rules.filter(
  (rule): rule is Extract<ContextRule, { literal: string }> => "literal" in rule,
);

/** The rule that `rule`'s own text triggers when `rule` itself is left out, if it is the only one. */
function soleMatchWithout(rule: Extract<ContextRule, { literal: string }>) {
  const rest: ContextLexicon = { ...lexicon, rules: lexicon.rules.filter((r) => r !== rule) };
  const ctx = compileContext(rest);
  const matches = findTriggers(rule.literal, tokenize(rule.literal), ctx);
  return matches.length === 1 ? matches[0]!.trigger : undefined;
}

const compiledById = new Map(
  [...compileContext(lexicon).triggers.values()].flat().map((trigger) => [trigger.id, trigger]),
);

function sameEffect(a: CompiledTrigger, b: CompiledTrigger): boolean {
  const scopes = (t: CompiledTrigger) => [...(t.appliesTo ?? ["*"])].sort().join(",");
  return a.direction === b.direction && a.maxScope === b.maxScope && scopes(a) === scopes(b);
}

describe("lexicon/context.json", () => {
  it("parses with ContextLexiconSchema and points at its JSON Schema", () => {
    expect(lexicon.rules.length).toBeGreaterThan(100);
    expect(lexicon.$schema).toBe("./schema/context.json");
  });

  it("gives every rule and override a unique id", () => {
    const ids = [...lexicon.rules, ...lexicon.overrides].map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("lists no trigger phrase twice, in the same or in another category", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const rule of literalRules) {
      const key = literalTokens(rule.literal).join(" ");
      if (seen.has(key)) clashes.push(`${rule.id} (${rule.category}) repeats ${seen.get(key)}`);
      seen.set(key, `${rule.id} (${rule.category})`);
    }
    expect(clashes).toEqual([]);
  });

  it("has no rule shadowed by a longer rule of the same category that adds nothing", () => {
    const redundant: string[] = [];
    for (const rule of literalRules) {
      const inner = soleMatchWithout(rule);
      const self = compiledById.get(rule.id)!;
      if (inner && inner.category === self.category && sameEffect(inner, self)) {
        redundant.push(`"${rule.literal}" (${rule.id}) only repeats ${inner.id}`);
      }
    }
    expect(redundant).toEqual([]);
  });

  it("limits a section's overrides only to override rules that exist, and only when overridable", () => {
    const ids = new Set(lexicon.overrides.map((o) => o.id));
    for (const [section, value] of Object.entries(lexicon.sections)) {
      if (!value?.overriddenBy) continue;
      expect(value.overridable, section).toBe(true);
      for (const id of value.overriddenBy) expect(ids.has(id), `${section}: ${id}`).toBe(true);
    }
  });

  it("uses every declared category", () => {
    const used = new Set(lexicon.rules.map((rule) => rule.category));
    expect(Object.keys(lexicon.categories).filter((name) => !used.has(name))).toEqual([]);
  });

  it("keeps lexicon/schema/context.json in step with the zod schema", () => {
    const file = new URL("../../lexicon/schema/context.json", import.meta.url);
    const expected = z.toJSONSchema(ContextLexiconSchema, { io: "input", unrepresentable: "any" });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(expected);
  });
});
