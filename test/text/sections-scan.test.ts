/**
 * The hand-written scans of the section finder read exactly what the regular expressions that
 * define them match, on random labels made of the characters that matter.
 */
import { describe, expect, it } from "vitest";
import { headerKey, lastSentenceEnd } from "../../src/text/sections.ts";

const regexKey = (raw: string) =>
  raw
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s\d.#)(]+$/g, "")
    .trim();

function regexSentenceEnd(raw: string): number {
  let cut = 0;
  for (const end of raw.matchAll(/[.?!][ ]+(?=[A-Za-z])/g)) cut = end.index + end[0].length;
  return cut;
}

/** Deterministic random strings over `alphabet`. */
function samples(alphabet: string, count: number): string[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 14 }, () => alphabet[next() % alphabet.length]).join(""),
  );
}

describe("section scans", () => {
  it("headerKey reads the key the regular expressions make", () => {
    for (const raw of samples("aB  1.#()!?:\t\u00a0\u2028É-/", 20_000))
      expect(headerKey(raw), JSON.stringify(raw)).toBe(regexKey(raw));
  });

  it("lastSentenceEnd finds the end of the last sentence-end match", () => {
    for (const raw of samples("aZ   .?!,1", 20_000))
      expect(lastSentenceEnd(raw), JSON.stringify(raw)).toBe(regexSentenceEnd(raw));
  });
});
