/**
 * Pattern triggers are found through one alternation of every pattern (a scan per sentence
 * instead of one per pattern). The matches must be exactly those of each pattern's own scan,
 * including a pattern matching again inside another pattern's match and overlapping matches
 * of the same pattern; a pattern with a capturing group keeps the per-pattern scan.
 */
import { describe, expect, it } from "vitest";
import { type CompiledContext, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { findTriggers } from "../../src/context/modifiers.ts";
import { tokenize } from "../../src/context/tokens.ts";
import type { ContextLexicon } from "../../src/schemas/context.ts";

const shipped = readContextLexicon();

function withPatterns(patterns: string[]): ContextLexicon {
  return {
    ...shipped,
    rules: patterns.map((pattern, i) => ({
      id: `test.pattern-${i}`,
      pattern,
      category: "HISTORICAL" as const,
      direction: "forward" as const,
    })),
  };
}

/** Trigger ids and token ranges found in `sentence`, with and without the alternation. */
function bothWays(ctx: CompiledContext, sentence: string) {
  const tokens = tokenize(sentence);
  const show = (c: CompiledContext) =>
    findTriggers(sentence, tokens, c).map((m) => `${m.trigger.id}@${m.first}-${m.end}`);
  return { alternation: show(ctx), separate: show({ ...ctx, anyPattern: null }) };
}

describe("pattern triggers through one alternation", () => {
  it("the shipped lexicon's patterns compile into one alternation", () => {
    expect(compileContext(shipped).anyPattern).not.toBeNull();
  });

  it("a pattern with a capturing group keeps the per-pattern scan", () => {
    expect(compileContext(withPatterns(["\\bfoo (bar)\\b", "\\bbaz\\b"])).anyPattern).toBeNull();
    expect(compileContext(withPatterns(["\\bfoo (?:bar)\\b"])).anyPattern).not.toBeNull();
  });

  const synthetic = compileContext(
    withPatterns([
      "\\b\\d{1,2}/\\d{1,2}\\b", // a prefix of the next one, at the same start
      "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b",
      "\\b\\d+ \\d+\\b", // overlaps itself: "1 2 3" matches "1 2", then not "2 3"
      "\\b(?:in|of) (?:19|20)\\d\\d\\b",
    ]),
  );
  it.each([
    "Biopsy 3/4/2021 and excision 5/6 of 2019.",
    "counts 1 2 3 4 5 then 7 8",
    "seen in 2019, in 2020 and of 1999",
    "nothing to find here",
    "3/4/21 3/4",
  ])("same matches as each pattern's own scan: %s", (sentence) => {
    const { alternation, separate } = bothWays(synthetic, sentence);
    expect(alternation).toEqual(separate);
  });

  it("keeps the longest match per first token and skips a pattern inside its own match", () => {
    expect(bothWays(synthetic, "counts 1 2 3 4 5").alternation).toEqual([
      "test.pattern-2@1-3",
      "test.pattern-2@3-5",
    ]);
    expect(bothWays(synthetic, "on 3/4/2021").alternation).toEqual(["test.pattern-1@1-6"]);
  });

  const real = compileContext(shipped);
  it.each([
    "Excised 2019, biopsied 3 weeks ago; path 10/2 showed BCC.",
    "She had a shave biopsy in March 2018 - healed well; at the age of 12 a mole was removed.",
    "Mohs scar on the nose, no. 3 on the list, 2 years prior and 4 weeks after surgery.",
    "The punch biopsy site on the arm is healing well.",
  ])("the shipped patterns give the same matches either way: %s", (sentence) => {
    const { alternation, separate } = bothWays(real, sentence);
    expect(alternation.length).toBeGreaterThan(0);
    expect(alternation).toEqual(separate);
  });
});
