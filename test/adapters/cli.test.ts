/**
 * Smoke tests of the thin CLI: `node bin/dermcode.js` the way a user runs it. Every spawn costs
 * about a second, so the processes start together once and the tests read their results.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SuggestResultSchema } from "../../src/schemas/api.ts";
import { type CliResult, cli } from "../io/helpers.ts";

const NOTE = "Punch biopsy of a nevus on the left forearm. Cryotherapy of 12 AKs on the scalp.";

const dir = mkdtempSync(join(tmpdir(), "dermcode-cli-"));
const noteFile = join(dir, "note.txt");
const goldFile = join(dir, "gold.jsonl");
const runs: Record<string, CliResult> = {};

beforeAll(async () => {
  writeFileSync(noteFile, NOTE);
  writeFileSync(
    goldFile,
    [
      { id: "a", note: "Punch biopsy of a nevus on the back.", expected: [{ code: "11104" }] },
      {
        id: "b",
        note: "Cryotherapy of 12 AKs on the scalp.",
        expected: [{ code: "17000" }, { code: "17003", units: 11 }],
      },
    ]
      .map((c) => JSON.stringify(c))
      .join("\n"),
  );
  const jobs: Record<string, [string[], string?]> = {
    text: [["suggest", "--json", "--text", NOTE, "--id", "n1"]],
    file: [["suggest", noteFile]],
    stdin: [["suggest", "-", "--json"], NOTE],
    unknown: [["frobnicate"]],
    missing: [["suggest", join(dir, "missing.txt")]],
    eval: [["eval", goldFile]],
    evalJson: [["eval", goldFile, "--json"]],
  };
  const entries = await Promise.all(
    Object.entries(jobs).map(
      async ([name, [args, stdin]]) => [name, await cli(args, stdin)] as const,
    ),
  );
  for (const [name, run] of entries) runs[name] = run;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function singleJson(stdout: string): unknown {
  const trimmed = stdout.trim();
  expect(trimmed.startsWith("{") && trimmed.endsWith("}")).toBe(true);
  return JSON.parse(trimmed);
}

describe("dermcode suggest", () => {
  it("prints exactly one SuggestResult JSON object for --json --text", () => {
    const { code, stdout } = runs.text!;
    expect(code).toBe(0);
    const parsed = SuggestResultSchema.safeParse(singleJson(stdout));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.id).toBe("n1");
    expect(parsed.data?.codes.map((c) => c.code)).toEqual(["11104", "17000", "17003"]);
  });

  it("reads the note from a FILE and prints the codes for a person", () => {
    const { code, stdout, stderr } = runs.file!;
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const c of ["11104", "17000", "17003"]) expect(stdout).toContain(c);
  });

  it("reads the note from standard input with -", () => {
    const { code, stdout } = runs.stdin!;
    expect(code).toBe(0);
    const result = SuggestResultSchema.parse(singleJson(stdout));
    expect(result.codes.map((c) => `${c.code}x${c.units}`)).toEqual([
      "11104x1",
      "17000x1",
      "17003x11",
    ]);
  });

  it.each([
    ["an unknown command", "unknown", /unknown command "frobnicate"/],
    ["a missing file", "missing", /cannot read .*missing\.txt/],
  ])("exits 2 with one line on stderr for %s", (_name, key, message) => {
    const { code, stdout, stderr } = runs[key]!;
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe("dermcode eval", () => {
  it("prints precision, recall and F1 for a gold JSONL file", () => {
    const { code, stdout } = runs.eval!;
    expect(code).toBe(0);
    expect(stdout).toMatch(/cases 2/);
    expect(stdout).toMatch(/code\s+P 1\.000\s+R 1\.000\s+F1 1\.000/);
    expect(stdout).toMatch(/code\+units\s+P 1\.000\s+R 1\.000\s+F1 1\.000/);
  });

  it("prints one JSON object with --json", () => {
    const { code, stdout } = runs.evalJson!;
    expect(code).toBe(0);
    const report = singleJson(stdout) as { cases: number; code: { f1: number; precision: number } };
    expect(report.cases).toBe(2);
    expect(report.code).toMatchObject({ precision: 1, f1: 1 });
  });
});
