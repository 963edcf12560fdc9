/**
 * `dermcode batch --format fhir`: NDJSON, one FHIR R4 Bundle per input record in input order,
 * an OperationOutcome bundle for a bad record, the same through the pool and after --resume.
 */
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Bundle,
  type OperationOutcome,
  toFhirBundle,
  validateFhirBundle,
} from "../../src/fhir/index.ts";
import { NOTE_ID_SYSTEM, RECORD_ERROR_SYSTEM } from "../../src/fhir/urls.ts";
import { formatLines, outputOf } from "../../src/io/format.ts";
import type { SuggestResult } from "../../src/schemas/api.ts";
import { batch, cli, parseJsonl, tempDir, writeFile } from "./helpers.ts";

const dir = tempDir();
const NOTES: Record<string, string> = {
  a: "Shave biopsy of a 0.4 cm lesion, left forearm.",
  c: "Excision of a 1.2 cm basal cell carcinoma of the nose with 0.3 cm margins.",
  "": "Punch biopsy of the scalp.",
  d: "Cryotherapy of six actinic keratoses on the scalp.",
};
const input = writeFile(
  dir,
  "notes.jsonl",
  [
    JSON.stringify({ id: "a", text: NOTES.a }),
    '{"id": "b", "text": ', // broken JSON: an invalid_json error line in its place
    JSON.stringify({ id: "c", text: NOTES.c }),
    JSON.stringify({ id: "", text: NOTES[""] }),
    JSON.stringify({ id: "empty", text: "" }),
    JSON.stringify({ id: "d", text: NOTES.d }),
  ].join("\n"),
);
const IDS = ["a", "b", "c", "", "empty", "d"];

const bundlesOf = (text: string) => parseJsonl(text) as unknown as Bundle[];

function recordId(bundle: Bundle): string {
  expect(bundle.identifier?.system).toBe(NOTE_ID_SYSTEM);
  return bundle.identifier?.value ?? "";
}

function outcomeOf(bundle: Bundle): OperationOutcome {
  expect(bundle.entry).toHaveLength(1);
  const outcome = bundle.entry[0]!.resource;
  expect(outcome.resourceType).toBe("OperationOutcome");
  return outcome as OperationOutcome;
}

describe("batch --format fhir", () => {
  it("writes one valid Bundle a line, in input order, with an OperationOutcome for bad records", async () => {
    const { text, summary } = await batch(input, { format: "fhir" });
    expect(text.endsWith("\n")).toBe(true);
    const bundles = bundlesOf(text);
    expect(bundles.map(recordId)).toEqual(IDS);
    for (const bundle of bundles) {
      expect(bundle.resourceType).toBe("Bundle");
      expect(bundle.type).toBe("collection");
      expect(validateFhirBundle(bundle)).toEqual([]);
    }
    const broken = outcomeOf(bundles[1]!).issue;
    expect(broken).toEqual([
      {
        severity: "error",
        code: "structure",
        details: {
          coding: [{ system: RECORD_ERROR_SYSTEM, code: "invalid_json" }],
          text: expect.stringMatching(/invalid JSON/),
        },
      },
    ]);
    expect(outcomeOf(bundles[4]!).issue[0]!.details?.coding?.[0]?.code).toBe("empty_text");
    expect(bundles[3]!.identifier).toEqual({ system: NOTE_ID_SYSTEM }); // the empty id
    expect(summary).toMatchObject({ records: 6, errors: 2 });
  });

  it("holds exactly the JSONL run's results (toFhirBundle of each with its note)", async () => {
    const fhir = parseJsonl((await batch(input, { format: "fhir" })).text);
    const jsonl = (await batch(input, { format: "jsonl" })).text;
    parseJsonl(jsonl).forEach((line, i) => {
      if ("error" in line) return;
      const result = line as unknown as SuggestResult;
      const expected = JSON.parse(JSON.stringify(toFhirBundle(result, NOTES[result.id!]!)));
      const { identifier: _, ...rest } = fhir[i]!;
      const { identifier: __, ...want } = expected;
      expect(rest).toEqual(want);
      expect(validateFhirBundle(fhir[i], { note: NOTES[result.id!] })).toEqual([]);
    });
  });

  it("writes the same bytes and counts through the worker pool (--jobs 2, small chunks)", async () => {
    const inline = await batch(input, { format: "fhir", jobs: 1 });
    const pooled = await batch(input, {
      format: "fhir",
      jobs: 2,
      chunk: { records: 2, chars: 1e5 },
    });
    expect(pooled.text).toBe(inline.text);
    expect(pooled.summary).toMatchObject({ ...inline.summary, seconds: expect.any(Number) });
  });

  it("turns a result whose bundle cannot be made into an internal error bundle", () => {
    const result = { id: "x", codeSet: "2026", codes: [], procedures: [], diagnoses: [] };
    const line = { ...result, warnings: [] } as unknown as SuggestResult;
    const output = outputOf([line], { format: "fhir", maxBytes: 1024 }); // no note text given
    expect(output.counts).toMatchObject({ records: 1, errors: 1 });
    const bundle = JSON.parse(output.text) as Bundle;
    expect(recordId(bundle)).toBe("x");
    expect(outcomeOf(bundle).issue[0]).toMatchObject({ code: "exception" });
    expect(validateFhirBundle(bundle)).toEqual([]);
    expect(formatLines([], "fhir")).toBe("");
  });
});

describe("batch --format fhir --resume", () => {
  const many = Array.from({ length: 60 }, (_, i) => ({
    id: i % 10 === 3 ? "dup" : `n${i}`,
    text: i % 17 === 0 ? "" : `Shave biopsy number ${i} of a 0.${i % 9} cm lesion.`,
  }));
  const manyInput = writeFile(
    dir,
    "many.jsonl",
    many.map((record) => JSON.stringify(record)).join("\n"),
  );

  async function resumeFrom(full: string, at: number, name: string) {
    const output = join(dir, name);
    writeFileSync(output, full);
    truncateSync(output, at);
    const run = await batch(manyInput, { output, format: "fhir", resume: true, jobs: 2 });
    return { ...run, text: readFileSync(output, "utf8") };
  }

  it("skips the records already written (cut mid-line or at a line end) and equals a full run", async () => {
    const full = (await batch(manyInput, { output: join(dir, "full.ndjson"), format: "fhir" }))
      .text;
    expect(parseJsonl(full)).toHaveLength(many.length);
    for (const share of [0.1, 0.5, 0.83]) {
      const at = Math.floor(Buffer.byteLength(full) * share);
      const { text, summary } = await resumeFrom(full, at, `cut-${share}.ndjson`);
      expect(text).toBe(full);
      expect(summary.skipped).toBeGreaterThan(0);
      expect(summary.skipped + summary.records).toBe(many.length);
    }
    const lines = full.split("\n");
    const atLine = Buffer.byteLength(`${lines.slice(0, 25).join("\n")}\n`);
    const cut = await resumeFrom(full, atLine, "cut-line.ndjson");
    expect(cut.text).toBe(full);
    expect(cut.summary.skipped).toBe(25);
    const complete = await resumeFrom(full, Buffer.byteLength(full), "complete.ndjson");
    expect(complete.summary.records).toBe(0);
  });

  it("resumes a record with an empty id (identifier without a value)", async () => {
    const full = (await batch(input, { output: join(dir, "few.ndjson"), format: "fhir" })).text;
    const atLine = Buffer.byteLength(`${full.split("\n").slice(0, 4).join("\n")}\n`);
    const output = join(dir, "few-cut.ndjson");
    writeFileSync(output, Buffer.from(full).subarray(0, atLine));
    const run = await batch(input, { output, format: "fhir", resume: true });
    expect(run.summary).toMatchObject({ skipped: 4, records: 2 });
    expect(readFileSync(output, "utf8")).toBe(full);
  });

  it("refuses to resume a JSONL output as FHIR and a FHIR output as JSONL", async () => {
    const jsonlOut = join(dir, "other.jsonl");
    await batch(input, { output: jsonlOut, format: "jsonl" });
    const kept = readFileSync(jsonlOut, "utf8");
    await expect(batch(input, { output: jsonlOut, format: "fhir", resume: true })).rejects.toThrow(
      /not a dermcode batch FHIR NDJSON output/,
    );
    expect(readFileSync(jsonlOut, "utf8")).toBe(kept);
    const fhirOut = join(dir, "other.ndjson");
    await batch(input, { output: fhirOut, format: "fhir" });
    await expect(batch(input, { output: fhirOut, format: "jsonl", resume: true })).rejects.toThrow(
      /not a dermcode batch JSONL output/,
    );
  });
});

describe("dermcode batch (the CLI) with FHIR", () => {
  it("picks FHIR for an OUTPUT ending in .ndjson, through the pool", async () => {
    const output = join(dir, "cli.ndjson");
    const { code, stdout, stderr } = await cli(["batch", input, "-o", output, "--jobs", "2"]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/6 records, \d+ coded, \d+ with warnings, 2 errors/);
    const bundles = bundlesOf(readFileSync(output, "utf8"));
    expect(bundles.map(recordId)).toEqual(IDS);
    for (const bundle of bundles) expect(validateFhirBundle(bundle)).toEqual([]);
  });

  it("writes FHIR NDJSON to stdout with --format fhir, and rejects an unknown format", async () => {
    const [fhir, bogus] = await Promise.all([
      cli(["batch", input, "--format", "fhir", "--jobs", "1"]),
      cli(["batch", input, "--format", "xml"]),
    ]);
    expect(fhir.code).toBe(0);
    expect(bundlesOf(fhir.stdout).map(recordId)).toEqual(IDS);
    expect(bogus.code).toBe(2);
    expect(bogus.stdout).toBe("");
    expect(bogus.stderr).toMatch(/--format must be jsonl, csv or fhir/);
  });
});
