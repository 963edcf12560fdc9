import { describe, expect, it } from "vitest";
import { extractDeletedCodes } from "../../src/extract/deleted.ts";
import { docOf, MINI_LEXICON } from "./mini-lexicon.ts";

function deleted(note: string): string[] {
  return extractDeletedCodes(docOf(note), MINI_LEXICON).map((m) => `${m.code} -> ${m.replacement}`);
}

describe("extractDeletedCodes", () => {
  it.each([
    ["CPT 11100 was billed in the template", ["11100 -> 11102, 11104 or 11106"]],
    [
      "Codes: 11100, 11101 x2",
      ["11100 -> 11102, 11104 or 11106", "11101 -> 11103, 11105 or 11107"],
    ],
    ["(11101)", ["11101 -> 11103, 11105 or 11107"]],
  ])("flags %j as %j", (note, expected) => {
    expect(deleted(note)).toEqual(expected);
  });

  it.each(["CPT 11102 and 11104", "MRN 111000", "ref 211100", "phone 111-0011"])(
    "flags no deleted code in %j",
    (note) => {
      expect(deleted(note)).toEqual([]);
    },
  );

  it("spans the code itself with the lexicon's message and rule id", () => {
    const note = "Template: CPT 11100.";
    const [m] = extractDeletedCodes(docOf(note), MINI_LEXICON);
    expect(m).toMatchObject({
      text: "11100",
      ruleId: "t.deleted.11100",
      message: "11100 was deleted in 2019",
    });
    expect(note.slice(m!.start, m!.end)).toBe("11100");
    expect(m!.sentence).toBe(0);
  });
});
