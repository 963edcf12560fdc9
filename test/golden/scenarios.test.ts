/**
 * The coder scenarios (fixtures/scenarios): a floor on how many of them dermcode codes right, so
 * that a change which breaks several of them at once fails here (see fixtures/scenarios/README.md).
 */
import { describe, expect, it } from "vitest";
import { scoreCase, summarise } from "../../src/eval/coding.ts";
import { readGold } from "../../src/eval/gold.ts";
import { suggest } from "../../src/index.ts";

const FILE = new URL("../../fixtures/scenarios/coder-scenarios.jsonl", import.meta.url).pathname;
const SECOND = new URL("../../fixtures/scenarios/coder-scenarios-2.jsonl", import.meta.url)
  .pathname;
const vignettes = (n: number) =>
  new URL(`../../fixtures/scenarios/coder-vignettes-${n}.jsonl`, import.meta.url).pathname;
const VIGNETTES = [3, 4, 5].map(vignettes);
/** The sixth round (V-U exercises, V-T clinic visits): scored 0.899 / 0.922 code F1 when written. */
const SIXTH = [6, 7].map(vignettes);
const EIGHTH = vignettes(8);
const NINTH = vignettes(9);

describe("coder scenarios", () => {
  it("keeps code F1 at 0.95 or more and exact matches at 0.90 or more", () => {
    const report = summarise(readGold(FILE).map((c) => scoreCase(c, suggest(c.note))));
    expect(report.code.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.exactMatch).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps the second round at code F1 0.93 or more and exact matches at 0.86 or more", () => {
    const report = summarise(readGold(SECOND).map((c) => scoreCase(c, suggest(c.note))));
    expect(report.code.f1).toBeGreaterThanOrEqual(0.93);
    expect(report.exactMatch).toBeGreaterThanOrEqual(0.86);
  });

  it("keeps the 140 vignettes at code F1 0.97 or more and exact matches at 0.95 or more", () => {
    const cases = VIGNETTES.flatMap((file) => readGold(file));
    expect(cases).toHaveLength(140);
    const report = summarise(cases.map((c) => scoreCase(c, suggest(c.note))));
    expect(report.code.f1).toBeGreaterThanOrEqual(0.97);
    expect(report.exactMatch).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps the sixth round's 80 vignettes at code F1 0.93 or more and exact matches at 0.82 or more", () => {
    const cases = SIXTH.flatMap((file) => readGold(file));
    expect(cases).toHaveLength(80);
    const report = summarise(cases.map((c) => scoreCase(c, suggest(c.note))));
    expect(report.code.f1).toBeGreaterThanOrEqual(0.93);
    expect(report.exactMatch).toBeGreaterThanOrEqual(0.82);
  });

  it("keeps the eighth round's 80 vignettes at code F1 0.97 or more and exact matches at 0.92 or more", () => {
    const cases = readGold(EIGHTH);
    expect(cases).toHaveLength(80);
    const report = summarise(cases.map((c) => scoreCase(c, suggest(c.note))));
    expect(report.code.f1).toBeGreaterThanOrEqual(0.97);
    expect(report.exactMatch).toBeGreaterThanOrEqual(0.92);
  });

  it("keeps the ninth round's 80 vignettes at code F1 0.91 or more and exact matches at 0.82 or more", () => {
    const cases = readGold(NINTH);
    expect(cases).toHaveLength(80);
    const report = summarise(cases.map((c) => scoreCase(c, suggest(c.note))));
    expect(report.code.f1).toBeGreaterThanOrEqual(0.91);
    expect(report.exactMatch).toBeGreaterThanOrEqual(0.82);
  });
});
