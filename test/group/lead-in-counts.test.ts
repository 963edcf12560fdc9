/**
 * A count in a lead-in (a clause before a colon, a sentence over descriptions that follow) is the
 * count of the lesions then told one by one, not one lesion's count on top of them.
 */
import { describe, expect, it } from "vitest";
import { codes, run } from "./notes.ts";

function warnedRules(note: string): string[] {
  return run(note).warnings.flatMap((w) => (w.ruleId ? [w.ruleId] : []));
}

describe("a count before a colon over procedures each at a site of its own", () => {
  it.each([
    [
      "Two lesions are biopsied: a punch biopsy of the left arm and a shave biopsy of the back.",
      "11104 11103",
    ],
    ["2 lesions biopsied: shave biopsy of the scalp, punch biopsy of the back.", "11104 11103"],
    // A listed procedure's own count still counts it.
    [
      "Biopsies x3: punch biopsy of the arm, shave biopsies of the back and the scalp.",
      "11104 11103x2",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
    expect(warnedRules(note)).not.toContain("group.counted-list");
  });

  it("codes the listed lesions and warns when the count differs", () => {
    const note =
      "Three lesions are biopsied: a punch biopsy of the left arm and a shave biopsy of the back.";
    expect(codes(note)).toBe("11104 11103");
    const warnings = run(note).warnings.filter((w) => w.ruleId === "group.counted-list");
    expect(warnings.map((w) => w.span?.text)).toEqual(["Three"]);
  });

  it.each([
    // Procedures done to the same lesions after the colon: the count is theirs.
    [
      "Actinic keratoses of the back, 3 lesions: pared and treated with cryotherapy.",
      "17000 17003x2",
    ],
    // A count before the colon of a single listed procedure stays its own.
    ["Two lesions biopsied: shave biopsy of the back and the left arm.", "11102 11103"],
  ])("keeps the count of %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a lesion count in a heading sentence over procedures told one by one after it", () => {
  it.each([
    [
      "Two lesions excised. Cheek 0.8 cm lesion excised with 2 mm margins. Upper back 1.5 cm lesion excised with 2 mm margins.",
      "11442 11402",
    ],
    // A pathology line naming the diagnoses changes nothing.
    [
      "Two lesions excised. Cheek 0.8 cm lesion excised with 2 mm margins. Upper back 1.5 cm lesion excised with 2 mm margins. Pathology: dermatofibroma and epidermoid cyst.",
      "11442 11402",
    ],
    [
      "Two lesions shaved. Cheek 0.4 cm lesion shaved. Upper back 1.5 cm lesion shaved.",
      "11302 11310",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
    expect(warnedRules(note)).not.toContain("group.counted-list");
  });

  it("codes the described lesions and warns when the count differs", () => {
    const note =
      "Three lesions excised. Cheek 0.8 cm lesion excised with 2 mm margins. Upper back 1.5 cm lesion excised with 2 mm margins.";
    expect(codes(note)).toBe("11442 11402");
    const warnings = run(note).warnings.filter((w) => w.ruleId === "group.counted-list");
    expect(warnings.map((w) => w.span?.text)).toEqual(["Three"]);
  });
});
