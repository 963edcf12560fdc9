/**
 * The coder audits of fixtures/audits/mtsamples-audit.jsonl: real MTSamples notes coded by hand
 * (see that folder's README). Skipped where ../shared/corpus/mtsamples.jsonl is not present.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const CORPUS = new URL("../../../shared/corpus/mtsamples.jsonl", import.meta.url);
const AUDIT = new URL("../../fixtures/audits/mtsamples-audit.jsonl", import.meta.url);

interface Line {
  code: string;
  units: number;
}
interface AuditCase {
  id: string;
  round: number;
  expected: Line[];
  alt?: Line[][];
  why: string;
}

/** Units summed per code. */
function units(lines: readonly Line[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) out.set(l.code, (out.get(l.code) ?? 0) + l.units);
  return out;
}

/** A code of the answer, where "?" stands for any digit. */
function fits(pattern: string, code: string): boolean {
  return pattern.length === code.length && [...pattern].every((c, i) => c === "?" || c === code[i]);
}

/** The suggested codes and units are exactly the answer's (literal codes matched first). */
function matchesAnswer(got: Map<string, number>, answer: readonly Line[]): boolean {
  const want = [...units(answer)].sort(
    ([a], [b]) => Number(a.includes("?")) - Number(b.includes("?")),
  );
  if (want.length !== got.size) return false;
  const used = new Set<string>();
  return want.every(([pattern, n]) => {
    const hit = [...got].find(([code, u]) => !used.has(code) && u === n && fits(pattern, code));
    if (hit) used.add(hit[0]);
    return hit !== undefined;
  });
}

describe("the audit scorer", () => {
  it.each([
    [[["11402", 1]], [{ code: "11402", units: 1 }], true],
    [[["11402", 2]], [{ code: "11402", units: 1 }], false],
    [[["11403", 1]], [{ code: "1140?", units: 1 }], true],
    [[["11403", 1]], [{ code: "1160?", units: 1 }], false],
    [[], [], true],
    [[["10120", 1]], [], false],
    [
      [
        ["11730", 1],
        ["11732", 1],
      ],
      [
        { code: "11732", units: 1 },
        { code: "1173?", units: 1 },
      ],
      true,
    ],
  ] as [[string, number][], Line[], boolean][])("%j against %j: %s", (got, answer, expected) => {
    expect(matchesAnswer(new Map(got), answer)).toBe(expected);
  });
});

/** Every audited note scored once, on first use: a skipped suite's body still runs when tests are collected. */
let scored: { c: AuditCase; got: Map<string, number>; right: boolean }[] | undefined;
function results() {
  if (scored) return scored;
  const texts = new Map<string, string>();
  for (const line of readFileSync(CORPUS, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; text: string };
    texts.set(r.id, r.text);
  }
  const cases = readFileSync(AUDIT, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AuditCase);
  scored = cases.map((c) => {
    const text = texts.get(c.id);
    if (text === undefined) throw new Error(`${c.id} is not in the corpus`);
    const got = units(suggest(text).codes);
    const right = [c.expected, ...(c.alt ?? [])].some((answer) => matchesAnswer(got, answer));
    return { c, got, right };
  });
  return scored;
}

describe.skipIf(!existsSync(CORPUS))("coder audits of real MTSamples notes", () => {
  it("codes at least 158 of the 166 notes exactly (codes and units)", () => {
    const wrong = results()
      .filter((r) => !r.right)
      .map((r) => r.c.id);
    expect(results()).toHaveLength(166);
    expect(wrong.length, `wrong: ${wrong.join(", ")}`).toBeLessThanOrEqual(8);
  });

  it("codes nothing where a coder codes nothing (no false positive)", () => {
    const falsePositives = results()
      .filter((r) => r.c.expected.length === 0 && !r.right && r.got.size > 0)
      .map((r) => r.c.id);
    expect(falsePositives, falsePositives.join(", ")).toEqual([]);
  });
});
