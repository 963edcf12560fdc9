import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SuggestResultSchema } from "../../src/schemas/api.ts";
import { cli, parseJsonl, tempDir, writeFile } from "./helpers.ts";

const dir = tempDir();
const input = writeFile(
  dir,
  "notes.jsonl",
  '{"id":"a","text":"Shave biopsy, left arm, 0.4 cm."}\nnot json\n{"id":"c","text":"Punch biopsy of the scalp."}\n',
);

describe("dermcode batch (the CLI)", () => {
  it("prints only JSONL results on stdout, through the pool, and the summary on stderr", async () => {
    const { code, stdout, stderr } = await cli(["batch", input, "--jobs", "2"]);
    expect(code).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const lines = parseJsonl(stdout);
    expect(lines.map((line) => line.id)).toEqual(["a", "line:2", "c"]);
    expect(SuggestResultSchema.safeParse(lines[0]).success).toBe(true);
    expect(stderr).toMatch(/3 records, \d+ coded, \d+ with warnings, 1 errors, [\d.]+ s/);
    expect(stderr).not.toContain("\r"); // no progress line when stderr is not a TTY
  });

  it("writes CSV to an OUTPUT ending in .csv, leaving stdout empty", async () => {
    const output = join(dir, "out.csv");
    const { code, stdout } = await cli(["batch", input, "-o", output, "--jobs", "1"]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(output, "utf8").split("\n")[0]).toBe(
      "id,code,units,modifiers,confidence,description,rationale,warnings,error_kind,error_message",
    );
  });

  it("reads JSONL from standard input with -", async () => {
    const { code, stdout } = await cli(
      ["batch", "-", "--jobs", "1"],
      '{"id":"s","text":"Shave."}\n',
    );
    expect(code).toBe(0);
    expect(parseJsonl(stdout).map((line) => line.id)).toEqual(["s"]);
  });

  it.each([
    ["a missing INPUT", ["batch"], /missing INPUT/],
    ["an input that does not exist", ["batch", join(dir, "nope.jsonl")], /cannot read input/],
    ["an unknown extension", ["batch", writeFile(dir, "notes.xml", "<x/>")], /unknown extension/],
    [
      "a CSV without a text column",
      ["batch", writeFile(dir, "bad.csv", "id,body\n1,x\n")],
      /no "text" column/,
    ],
    ["a bad --jobs", ["batch", input, "--jobs", "zero"], /--jobs/],
    ["an unknown option", ["batch", input, "--fast"], /fast/],
    ["--resume without OUTPUT", ["batch", input, "--resume"], /--resume needs -o/],
    [
      "an OUTPUT folder that does not exist",
      ["batch", input, "-o", join(dir, "no/out.jsonl")],
      /cannot write OUTPUT/,
    ],
  ])("exits 2 with a one-line message for %s", async (_name, args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it("creates no output file when the input is rejected", async () => {
    const output = join(dir, "never.jsonl");
    await cli(["batch", writeFile(dir, "bad2.csv", "id,body\n1,x\n"), "-o", output]);
    expect(existsSync(output)).toBe(false);
  });
});
