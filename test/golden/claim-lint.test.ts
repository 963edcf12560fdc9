import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inCodeSet } from "../../src/coding/code-sets.ts";
import { readFixtures } from "../../src/eval/gold.ts";
import { defaultLexicon, suggest } from "../../src/index.ts";

const lex = defaultLexicon();
const rules = lex.source.edits.rules;
const cases = readFixtures(join(import.meta.dirname, "../../fixtures"));
const outputs = cases.map((c) => [c.id, suggest(c.note).codes] as const);

describe("claim lines of every golden note", () => {
  it.each(outputs)("%s: add-ons only with an allowed primary", (_id, codes) => {
    for (const r of rules) {
      if (r.kind !== "addonRequires" || !codes.some((l) => l.code === r.addon)) continue;
      expect(
        codes.some((l) => inCodeSet(r.primaries, l.code)),
        `${r.addon} needs ${r.primaries}`,
      ).toBe(true);
    }
  });

  it.each(outputs)("%s: no line over an absolute unit limit", (_id, codes) => {
    for (const r of rules) {
      if (r.kind !== "unitLimit" || r.mai !== 2) continue;
      for (const l of codes)
        if (inCodeSet(r.codes, l.code)) expect(l.units).toBeLessThanOrEqual(r.max);
    }
  });

  it.each(outputs)("%s: no code together with the code that excludes it", (_id, codes) => {
    for (const r of rules) {
      if (r.kind !== "exclusive" || !codes.some((l) => inCodeSet(r.keep, l.code))) continue;
      expect(codes.filter((l) => inCodeSet(r.drop, l.code)).map((l) => l.code)).toEqual([]);
    }
  });

  it.each(outputs)("%s: only catalogued, existing codes", (_id, codes) => {
    for (const l of codes) {
      expect(lex.source.codeCatalog.codes[l.code], l.code).toBeDefined();
      expect(lex.deletedCodes.has(l.code)).toBe(false);
    }
  });
});
