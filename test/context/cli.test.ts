/**
 * Smoke tests of `dermcode context` through the real executable (bin/dermcode.js).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/dermcode.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "dermcode-context-"));

function tsv(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

function dermcode(...args: string[]) {
  return spawnSync(process.execPath, [BIN, "context", ...args], { encoding: "utf8" });
}

const GOLD = tsv("gold.tsv", [
  "report\tconcept\tsentence\tnegation\ttemporality\texperiencer",
  "1\trash\tNo RASH on the arm.\tnegated\trecent\tpatient",
  "1\tmelanoma\tHistory of MELANOMA.\taffirmed\thistorical\tpatient",
  "2\tpain\tReturn if PAIN worsens.\taffirmed\thypothetical\tpatient",
]);

describe("dermcode context", () => {
  it("prints one JSON object a row, in order", () => {
    const run = dermcode(GOLD);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { negation: "negated", temporality: "recent", experiencer: "patient" },
      { negation: "affirmed", temporality: "historical", experiencer: "patient" },
      { negation: "affirmed", temporality: "hypothetical", experiencer: "patient" },
    ]);
  });

  it("scores against the gold columns with --eval --json", () => {
    const run = dermcode("--eval", "--json", GOLD);
    expect(run.status).toBe(0);
    const scores = JSON.parse(run.stdout);
    expect(scores.negation).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(scores.temporality.historical.f1).toBe(1);
  });

  it("prints a readable table with --eval", () => {
    const run = dermcode("--eval", GOLD);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/negation \(negated\)\s+1\.000/);
  });

  it("exits 2 with a one-line message when the file is missing", () => {
    const run = dermcode(join(dir, "missing.tsv"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("cannot read");
  });

  it("exits 2 when the header lacks a needed column", () => {
    const run = dermcode("--eval", tsv("bad.tsv", ["concept\tsentence", "rash\tNo rash."]));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no column "negation"');
  });
});
