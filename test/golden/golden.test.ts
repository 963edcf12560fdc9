import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFixtures } from "../../src/eval/gold.ts";
import { unitsByCode } from "../../src/eval/metrics.ts";
import { suggest } from "../../src/index.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const cases = readFixtures(FIXTURES);
const GAPS: Record<string, string> = JSON.parse(
  readFileSync(join(FIXTURES, "known-gaps.json"), "utf8"),
).gaps;
const BEYOND = (tags: string[]) => tags.includes("beyond");

/** Every span anywhere in a result satisfies text === note.slice(start, end). */
function spans(value: unknown, out: { start: number; end: number; text: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) spans(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string") {
      out.push(o as { start: number; end: number; text: string });
    }
    for (const v of Object.values(o)) spans(v, out);
  }
  return out;
}

describe("golden notes", () => {
  it("has at least 150 fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it("lists only existing fixtures as known gaps", () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(Object.keys(GAPS).filter((id) => !ids.has(id))).toEqual([]);
  });

  const coded = cases.filter((c) => !(c.id in GAPS));
  const gaps = cases.filter((c) => c.id in GAPS);

  // A known gap must still fail: when a fix makes it pass, remove it from known-gaps.json.
  it.fails.each(gaps.map((c) => [c.id, c] as const))("still gets known gap %s wrong", (_id, c) => {
    const got = Object.fromEntries(unitsByCode(suggest(c.note).codes));
    expect(got).toEqual(Object.fromEntries(unitsByCode(c.expected)));
  });

  it.each(coded.map((c) => [c.id, c] as const))("codes %s as a certified coder would", (_id, c) => {
    const result = suggest(c.note, { id: c.id });
    const got = Object.fromEntries(unitsByCode(result.codes));
    const want = Object.fromEntries(unitsByCode(c.expected));
    if (BEYOND(c.tags)) {
      // Codes outside dermcode's families: it must not invent a wrong skin code; it warns instead.
      for (const code of Object.keys(got)) expect(want).toHaveProperty(code);
      expect(result.warnings.some((w) => w.kind === "procedure_not_covered")).toBe(true);
      return;
    }
    expect(got).toEqual(want);
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    "keeps every span of %s in original-note coordinates",
    (_id, c) => {
      const result = suggest(c.note);
      for (const s of spans(result)) expect(c.note.slice(s.start, s.end)).toBe(s.text);
    },
  );
});
