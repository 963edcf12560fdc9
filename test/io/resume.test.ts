import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutputFormat } from "../../src/io/records.ts";
import { batch, tempDir, writeFile } from "./helpers.ts";

const dir = tempDir();
const records = Array.from({ length: 120 }, (_, i) => ({
  id: i % 10 === 3 ? "dup" : `n${i}`,
  text: i % 17 === 0 ? "" : `Shave biopsy number ${i} of a 0.${i % 9} cm lesion.`,
}));
const input = writeFile(
  dir,
  "in.jsonl",
  records.map((record) => JSON.stringify(record)).join("\n"),
);

async function fullRun(format: OutputFormat): Promise<string> {
  const output = join(dir, `full.${format}`);
  return (await batch(input, { output, format })).text;
}

/** Cuts `text` at `at` bytes into `name`, then resumes into it. */
async function resumeFrom(text: string, at: number, format: OutputFormat, name: string) {
  const output = join(dir, name);
  writeFileSync(output, text);
  truncateSync(output, at);
  const run = await batch(input, { output, format, resume: true, jobs: 2 });
  return { ...run, text: readFileSync(output, "utf8") };
}

describe("--resume", () => {
  it.each(["jsonl", "csv"] as const)(
    "finishes a %s output cut mid-line so it equals a full run",
    async (format) => {
      const full = await fullRun(format);
      for (const share of [0.13, 0.5, 0.77]) {
        const at = Math.floor(Buffer.byteLength(full) * share);
        const { text, summary } = await resumeFrom(full, at, format, `cut-${share}.${format}`);
        expect(text).toBe(full);
        expect(summary.skipped).toBeGreaterThan(0);
        expect(summary.skipped + summary.records).toBe(records.length);
      }
    },
  );

  it("resumes after a cut exactly at a line end (duplicate ids counted)", async () => {
    const full = await fullRun("jsonl");
    const lines = full.split("\n");
    const at = Buffer.byteLength(`${lines.slice(0, 30).join("\n")}\n`);
    const { text, summary } = await resumeFrom(full, at, "jsonl", "cut-line.jsonl");
    expect(text).toBe(full);
    expect(summary.skipped).toBe(30);
  });

  it("appends nothing to a complete output, and runs in full when the output is absent", async () => {
    const full = await fullRun("jsonl");
    const complete = await resumeFrom(full, Buffer.byteLength(full), "jsonl", "complete.jsonl");
    expect(complete.text).toBe(full);
    expect(complete.summary.records).toBe(0);
    const output = join(dir, "absent.jsonl");
    const fresh = await batch(input, { output, resume: true });
    expect(fresh.text).toBe(full);
  });

  it("rewrites a CSV header that was cut short", async () => {
    const full = await fullRun("csv");
    const { text } = await resumeFrom(full, 9, "csv", "cut-header.csv");
    expect(text).toBe(full);
  });
});
