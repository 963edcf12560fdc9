import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { batch, parseJsonl, tempDir, writeFile } from "./helpers.ts";

describe("folder input", () => {
  const dir = join(tempDir(), "notes");
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFile(dir, "b.txt", "Punch biopsy of the scalp.");
  writeFile(dir, "a.txt", "\ufeffShave removal, 0.4 cm nevus, back.");
  writeFile(dir, "C.TXT", "Cryotherapy of 3 AKs.");
  writeFile(dir, "z.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFile(dir, "empty.txt", "");
  writeFile(dir, "big.txt", "x".repeat(2000));
  writeFile(dir, "readme.md", "not a note");
  writeFile(join(dir, "sub"), "nested.txt", "ignored");

  it("codes every .txt file in name order, id = file name, one line each", async () => {
    const { text, summary } = await batch(dir, { maxBytes: 1000 });
    const lines = parseJsonl(text);
    expect(lines.map((line) => line.id)).toEqual([
      "C.TXT",
      "a.txt",
      "b.txt",
      "big.txt",
      "empty.txt",
      "z.txt",
    ]);
    const kinds = lines.map((line) => (line.error as { kind?: string } | undefined)?.kind);
    expect(kinds).toEqual([
      undefined,
      undefined,
      undefined,
      "too_large",
      "empty_text",
      "invalid_utf8",
    ]);
    expect(summary.errors).toBe(3);
  });
});
