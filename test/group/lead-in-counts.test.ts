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

describe("a counted sentence whose lesions the next sentences tell one by one by ordinals", () => {
  it.each([
    [
      "Two skin cancers are treated with ED&C, three cycles each. The first is a 1.2 cm BCC of the back; the second is a 0.6 cm BCC of the nose.",
      "17262 17281",
    ],
    [
      "Two BCCs were treated by curettage and electrodesiccation. One is a 1.2 cm BCC of the back, the other a 0.6 cm BCC of the nose.",
      "17262 17281",
    ],
    [
      "Two BCCs were treated by curettage and electrodesiccation. The first, on the back, measured 1.2 cm. The second, on the nose, measured 0.6 cm.",
      "17262 17281",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
    expect(warnedRules(note)).not.toContain("group.ordinal-items");
  });

  it("codes every told lesion and warns when the count differs", () => {
    const note =
      "Three skin cancers were treated by curettage and electrodesiccation. The first is a 1.2 cm BCC of the back; the second is a 0.6 cm BCC of the nose.";
    expect(codes(note)).toBe("17262 17281");
    const warnings = run(note).warnings.filter((w) => w.ruleId === "group.ordinal-items");
    expect(warnings.map((w) => w.span?.text)).toEqual(["Three"]);
  });

  it.each([
    // An ordinal of a cycle, not of a lesion, tells no lesion: the count stands.
    [
      "Two BCCs of the back were treated by curettage and electrodesiccation. The first cycle was at 20 W; the second at 15 W.",
      "17260x2",
    ],
  ])("keeps %j as one event", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
