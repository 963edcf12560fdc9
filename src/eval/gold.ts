import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const GoldLineSchema = z.object({
  code: z.string(),
  units: z.number().int().min(1).default(1),
  modifiers: z.array(z.string()).default([]),
});

export const GoldCaseSchema = z.object({
  id: z.string(),
  note: z.string(),
  expected: z.array(GoldLineSchema),
  diagnoses: z.array(z.string()).optional(),
  tags: z.array(z.string()).default([]),
});
export type GoldCase = z.infer<typeof GoldCaseSchema>;

/** Gold cases from a JSONL file, or from a fixtures folder (notes/*.txt + expected/*.json). */
export function readGold(path: string): GoldCase[] {
  if (statSync(path).isDirectory()) return readFixtures(path);
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, i }) => {
      const parsed = GoldCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

const FixtureExpectedSchema = z.object({
  codes: z.array(GoldLineSchema),
  diagnoses: z.array(z.string()).optional(),
  tags: z.array(z.string()).default([]),
});

export function readFixtures(dir: string): GoldCase[] {
  const notes = join(dir, "notes");
  return readdirSync(notes)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const id = f.slice(0, -4);
      const expected = FixtureExpectedSchema.parse(
        JSON.parse(readFileSync(join(dir, "expected", `${id}.json`), "utf8")),
      );
      return {
        id,
        note: readFileSync(join(notes, f), "utf8"),
        expected: expected.codes,
        ...(expected.diagnoses ? { diagnoses: expected.diagnoses } : {}),
        tags: expected.tags,
      };
    });
}
