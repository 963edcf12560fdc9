/**
 * Pattern triggers are tried only where one of their heads (literal prefixes read from the
 * pattern's source, see src/context/pattern-heads.ts) starts. The matches must be exactly those
 * of each pattern's own scan, including a pattern matching again inside another pattern's match,
 * overlapping matches of the same pattern, and a pattern whose matches may start anywhere.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CompiledContext, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { findTriggers, type TriggerMatch } from "../../src/context/modifiers.ts";
import { foldCode, patternHeads } from "../../src/context/pattern-heads.ts";
import { type ContextToken, tokenize } from "../../src/context/tokens.ts";
import type { ContextLexicon } from "../../src/schemas/context.ts";
import { tokenAt } from "../../src/text/tokens.ts";

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

/**
 * The reference: each pattern's own global scan over the sentence, pattern by pattern, keeping
 * the longest token-aligned match per first token (the first pattern's on a tie); then the
 * leftmost-longest walk of `findTriggers` (patterns only: the test lexicons have no literals).
 */
function separateScans(ctx: CompiledContext, sentence: string, tokens: ContextToken[]): string[] {
  const byFirst = new Map<number, TriggerMatch>();
  for (const { trigger, sticky } of ctx.patterns) {
    for (const m of sentence.matchAll(new RegExp(sticky.source, "gi"))) {
      const first = tokenAt(tokens, m.index);
      const end = tokenAt(tokens, m.index + m[0].length);
      const aligned =
        end > first &&
        tokens[first]!.start === m.index &&
        tokens[end - 1]!.end === m.index + m[0].length;
      const previous = byFirst.get(first);
      if (aligned && (!previous || previous.end < end)) byFirst.set(first, { trigger, first, end });
    }
  }
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = byFirst.get(i);
    if (match) out.push(`${match.trigger.id}@${match.first}-${match.end}`);
    i = match ? match.end : i + 1;
  }
  return out;
}

function bothWays(ctx: CompiledContext, sentence: string) {
  const tokens = tokenize(sentence);
  const heads = findTriggers(sentence, tokens, ctx).map(
    (m) => `${m.trigger.id}@${m.first}-${m.end}`,
  );
  return { heads, separate: separateScans(ctx, sentence, tokens) };
}

describe("pattern heads", () => {
  it.each([
    ["\\bhistory of\\b", ["\\bhistor"]],
    ["\\b(?:was |)(?:cut|shaved)\\b", ["\\bwas cu", "\\bwas sh", "\\bcut", "\\bshaved"]],
    ["\\b\\d{1,2}/\\d{4}\\b", ["\\b0/0000", "\\b00/000"]],
    ["\\b\\d+ (?:wk|yr)s? ago", ["\\b0 wk a", "\\b0 wks ", "\\b0 yr a", "\\b0 yrs ", "\\b00"]],
    ["^(?:at|on) (?:his|her) visit", ["^at his", "^at her", "^on his", "^on her"]],
    ["(?:^|\\bin )march", ["^march", "\\bin mar"]],
    ["\\b[Nn][Oo]\\.", ["\\bno."]],
    ["(?:\\bx|y)z|\\b-", ["\\bxz", "yz", "-"]],
    ["\\B(?:ab|c)", ["ab", "c"]],
    ["(?<=\\s)[-\\u2013](?=\\s)", ["-", "\u2013"]],
    ["ab*c", ["ab", "ac"]],
    ["a(?:bc)?d", ["ad", "abcd"]],
    ["(?:[;,] ?|\\band )x", [";x", "; x", ",x", ", x", "\\band x"]],
  ])("%s", (source, heads) => {
    const shown = patternHeads(source)!.map(
      (h) => `${h.sentenceStart ? "^" : ""}${h.wordStart ? "\\b" : ""}${h.text}`,
    );
    expect(new Set(shown)).toEqual(new Set(heads));
  });

  it.each(["a|", "(?:x|)\\s", "[a-z]+ing", ".at", "[^,]x", "\\w+ed"])(
    "no heads when a match may start with anything: %s",
    (source) => {
      expect(patternHeads(source)).toBeNull();
    },
  );

  it("every shipped pattern has heads", () => {
    const ctx = compileContext(shipped);
    expect(ctx.patterns.length).toBeGreaterThan(0);
    expect(ctx.patternHeads.everywhere).toEqual([]);
  });

  // Every match of every shipped pattern in the dev set's sentences starts with one of its heads.
  const devTsv = new URL("../../../shared/eval/context/negex-context-dev.tsv", import.meta.url);
  it.skipIf(!existsSync(devTsv))("the heads start every match of the dev set's sentences", () => {
    const sentences = readFileSync(devTsv, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split("\t")[2] ?? "");
    let matches = 0;
    for (const rule of shipped.rules) {
      if (!("pattern" in rule)) continue;
      const heads = patternHeads(rule.pattern)!.map((h) => h.text);
      const regex = new RegExp(rule.pattern, "gi");
      for (const sentence of sentences)
        for (const m of sentence.matchAll(regex)) {
          matches++;
          const folded = (at: number, n: number) =>
            String.fromCharCode(
              ...Array.from({ length: n }, (_, i) => foldCode(sentence.charCodeAt(at + i))),
            );
          expect(heads.some((h) => folded(m.index, h.length) === h)).toBe(true);
        }
    }
    expect(matches).toBeGreaterThan(40);
  });
});

describe("pattern triggers tried only at their heads", () => {
  const synthetic = compileContext(
    withPatterns([
      "\\b\\d{1,2}/\\d{1,2}\\b", // a prefix of the next one, at the same start
      "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b",
      "\\b\\d+ \\d+\\b", // overlaps itself: "1 2 3" matches "1 2", then not "2 3"
      "\\b(?:in|of) (?:19|20)\\d\\d\\b",
      "\\b[a-z]+ed (?:today|again)\\b", // no heads: tried everywhere
      "^(?:seen|noted)\\b", // the sentence's start only
      "(?<=\\s)-(?=\\s)",
      "\\b\\d+ (?:days?|wks?) ago\\b",
    ]),
  );
  it.each([
    "Biopsy 3/4/2021 and excision 5/6 of 2019.",
    "counts 1 2 3 4 5 then 7 8",
    "seen in 2019, in 2020 and of 1999",
    "Seen - healed today, frozen again; noted",
    "nothing to find here",
    "3/4/21 3/4",
    "2.5 12/2020 caf\u00e9in 2019",
    "3 days ago, 12 wks ago and 2.5 days ago; 100 day ago",
  ])("same matches as each pattern's own scan: %s", (sentence) => {
    const { heads, separate } = bothWays(synthetic, sentence);
    expect(heads).toEqual(separate);
  });

  it("keeps the longest match per first token and skips a pattern inside its own match", () => {
    expect(bothWays(synthetic, "counts 1 2 3 4 5").heads).toEqual([
      "test.pattern-2@1-3",
      "test.pattern-2@3-5",
    ]);
    expect(bothWays(synthetic, "on 3/4/2021").heads).toEqual(["test.pattern-1@1-6"]);
    expect(bothWays(synthetic, "it was shaved today").heads).toEqual(["test.pattern-4@2-4"]);
  });

  const real = compileContext(shipped);
  it.each([
    "Excised 2019, biopsied 3 weeks ago; path 10/2 showed BCC.",
    "She had a shave biopsy in March 2018 - healed well; at the age of 12 a mole was removed.",
    "Mohs scar on the nose, no. 3 on the list, 2 years prior and 4 weeks after surgery.",
    "The punch biopsy site on the arm is healing well.",
    "At the last visit, LN2 was given; the patient declined.",
  ])("the shipped patterns give the same matches as their own scans: %s", (sentence) => {
    const tokens = tokenize(sentence);
    const found = findTriggers(sentence, tokens, real).filter((m) => m.trigger.tokens.length === 0);
    expect(found.length).toBeGreaterThan(0);
    const patternsOnly = { ...real, triggers: new Map() };
    expect(bothWays(patternsOnly, sentence).heads).toEqual(
      bothWays(patternsOnly, sentence).separate,
    );
  });
});
