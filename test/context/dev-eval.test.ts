/**
 * Accuracy floor on the NegEx/ConText dev set (../shared/eval/context/negex-context-dev.tsv).
 * Speed is measured by bench/context.ts, not here.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { parseContextTsv, predictRows, scoreContext } from "../../src/eval/context.ts";

const DEV_TSV = new URL("../../../shared/eval/context/negex-context-dev.tsv", import.meta.url);

/** Scored once, on first use: a skipped suite's body still runs when tests are collected. */
let scored: ReturnType<typeof scoreContext> | undefined;
function score() {
  if (!scored) {
    const rows = parseContextTsv(readFileSync(DEV_TSV, "utf8"), true);
    scored = scoreContext(rows, predictRows(rows, compileContext(readContextLexicon())));
  }
  return scored;
}

describe.skipIf(!existsSync(DEV_TSV))("NegEx/ConText dev set", () => {
  it("scores every row", () => {
    expect(score().rows).toBe(1523);
  });

  it("negates with F1 >= 0.95 (original NegEx: 0.940)", () => {
    expect(score().negation.f1).toBeGreaterThanOrEqual(0.95);
  });

  it("finds historical conditions with F1 >= 0.80", () => {
    expect(score().temporality.historical.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("finds hypothetical conditions with F1 >= 0.70", () => {
    expect(score().temporality.hypothetical.f1).toBeGreaterThanOrEqual(0.7);
  });
});
