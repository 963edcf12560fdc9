/**
 * Real transcribed notes of ../shared/corpus/mtsamples.jsonl whose coding a reviewer checked
 * (skipped where that corpus is not present). Each case names the sample and what it guards.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const CORPUS = new URL("../../../shared/corpus/mtsamples.jsonl", import.meta.url);
const HAVE_CORPUS = existsSync(CORPUS);

function sample(n: string): string {
  for (const line of readFileSync(CORPUS, "utf8").split("\n")) {
    if (line.includes(`"sample": "${n}"`)) return JSON.parse(line).text as string;
  }
  throw new Error(`sample ${n} not in the corpus`);
}

const codesOf = (text: string) =>
  suggest(text)
    .codes.map((l) => (l.units > 1 ? `${l.code}x${l.units}` : l.code))
    .join(" ");

describe.skipIf(!HAVE_CORPUS)("reviewed MTSamples notes", () => {
  it("1650: the simple closure listed in the title and described in the narrative is one repair", () => {
    expect(codesOf(sample("1650"))).toBe("11044 12004");
  });
});
