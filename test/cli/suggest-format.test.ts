/**
 * `dermcode suggest --format F`: json (same as --json), text/human (the default), fhir; anything
 * else is a usage error (exit 2, one line naming the allowed values). The CLIs start together.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { validateFhirBundle } from "../../src/fhir/index.ts";
import { SuggestResultSchema } from "../../src/schemas/api.ts";
import { type CliResult, cli } from "../io/helpers.ts";

const NOTE = "Shave biopsy of a 0.4 cm lesion on the left forearm.";
const runs: Record<string, CliResult> = {};

beforeAll(async () => {
  const jobs: Record<string, string[]> = {
    json: ["--json"],
    formatJson: ["--format", "json"],
    fhir: ["--format", "fhir"],
    plain: [],
    text: ["--format", "text"],
    human: ["--format", "human"],
    bogus: ["--format", "bogus"],
    contradiction: ["--json", "--format", "fhir"],
  };
  const entries = await Promise.all(
    Object.entries(jobs).map(
      async ([name, args]) =>
        [name, await cli(["suggest", "--text", NOTE, "--id", "n1", ...args])] as const,
    ),
  );
  for (const [name, run] of entries) runs[name] = run;
}, 60_000);

describe("dermcode suggest --format", () => {
  it("json prints the same single SuggestResult as --json", () => {
    expect(runs.formatJson!.code).toBe(0);
    expect(runs.formatJson!.stdout).toBe(runs.json!.stdout);
    const result = JSON.parse(runs.formatJson!.stdout) as unknown;
    expect(SuggestResultSchema.safeParse(result).success).toBe(true);
  });

  it("fhir prints one valid FHIR Bundle naming the note", () => {
    expect(runs.fhir!.code).toBe(0);
    const bundle = JSON.parse(runs.fhir!.stdout) as { resourceType: string; identifier?: unknown };
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.identifier).toMatchObject({ value: "n1" });
    expect(validateFhirBundle(bundle, { note: NOTE })).toEqual([]);
  });

  it("text and human print the default human-readable output", () => {
    expect(runs.plain!.code).toBe(0);
    expect(runs.plain!.stdout).toMatch(/11102/);
    expect(runs.text!.stdout).toBe(runs.plain!.stdout);
    expect(runs.human!.stdout).toBe(runs.plain!.stdout);
  });

  it.each([
    ["an unknown format", "bogus", /--format must be json, text, human or fhir, got "bogus"/],
    ["--json with another --format", "contradiction", /--json contradicts --format fhir/],
  ])("exits 2 with one line on stderr for %s", (_name, run, message) => {
    const { code, stdout, stderr } = runs[run]!;
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
