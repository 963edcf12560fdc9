import { describe, expect, it } from "vitest";
import { codes, codesOf, run, shippedCodes } from "../group/notes.ts";

describe("biopsy hierarchy (one primary per date: incisional > punch > tangential)", () => {
  it.each([
    ["Shave biopsy of a nevus on the back.", "11102"],
    [
      "Two lesions biopsied today. The first, a papule on the left ear, was sampled by shave biopsy. The second, a nodule on the back, was sampled with a 4 mm punch.",
      "11104 11103",
    ],
    ["Punch biopsy of a nevus on the back.", "11104"],
    ["Incisional biopsy of a nevus on the back.", "11106"],
    // A hyphenated size ("4-mm") is no count.
    ["A 4-mm punch biopsy of a nevus on the back.", "11104"],
    // A complete biopsy sentence heads no technique lines: the shave line is its own biopsy.
    ["Punch bx of a nevus, back. Shave bx x2: R chest, L shoulder.", "11104 11103x2"],
    // Simple closure is part of each punch biopsy, the add-on one included.
    [
      "Punch biopsy of a nevus, back. Punch biopsy of a nevus, scalp. Each closed with simple interrupted sutures.",
      "11104 11105",
    ],
    ["Shave biopsies of nevi on the back and the scalp.", "11102 11103"],
    ["Tangential biopsy of 4 nevi on the back.", "11102 11103x3"],
    ["Punch biopsies x3 to r/o psoriasis: back, left arm, scalp.", "11104 11105x2"],
    [
      "Punch biopsy of a nevus on the left arm. Shave biopsy of an SK on the back. Shave biopsy of a nevus on the right cheek.",
      "11104 11103x2",
    ],
    [
      "Punch biopsy of a nevus on the left arm. Shave biopsies of nevi on the back and the right cheek.",
      "11104 11103x2",
    ],
    [
      "1 punch biopsy (left arm) and 2 shave biopsies (back, right cheek) of pigmented nevi.",
      "11104 11103x2",
    ],
    [
      "Shave biopsy x2 of nevi: back, scalp. Punch biopsy of a nevus on the left arm.",
      "11104 11103x2",
    ],
    [
      "Incisional biopsy of a nevus on the back. Punch biopsy of a nevus on the left arm. Shave biopsy of a nevus on the right cheek.",
      "11106 11105 11103",
    ],
    [
      "Shave biopsy of a nevus on the back. Punch biopsy of a nevus on the left arm.",
      "11104 11103",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("codes a biopsy without a technique as tangential, warns and lowers its confidence", () => {
    const result = run("Biopsy of a nevus on the back.");
    expect(codesOf(result)).toBe("11102");
    expect(result.codes[0]!.confidence).toBeLessThan(
      run("Shave biopsy of a nevus on the back.").codes[0]!.confidence,
    );
    expect(result.warnings.map((w) => w.kind)).toContain("technique_missing");
  });
});

describe("biopsies named twice in one sentence", () => {
  it.each([
    [
      "Biopsy of the left arm lesion by punch, and a shave biopsy of the back lesion.",
      "11104 11103",
    ],
    ["Biopsy of the left arm by punch.", "11104"],
    [
      "Two biopsies: a 4 mm punch of the left arm rash and a shave of a pigmented papule on the back.",
      "11104 11103",
    ],
    [
      "Biopsy of the left scalp vertex lesion by shave technique. Also biopsied: right arm, punch 3 mm.",
      "11104 11103",
    ],
    ["Shave biopsy of a nevus of the back and shave biopsy of a papule of the arm.", "11102 11103"],
    [
      "A tangential biopsy of a lesion on the cheek and a punch biopsy of a rash on the left arm and another punch biopsy on the back.",
      "11104 11105 11103",
    ],
    // Each technique word after its own site.
    ["Biopsy of the left arm by punch and of the back by shave.", "11104 11103"],
    ["Biopsies: left arm by punch, back by shave, scalp by shave.", "11104 11103x2"],
    // The site of the other biopsy in the sentence is not a second lesion of the first.
    ["Shave biopsy of a nevus on the back; the left arm was punched.", "11104 11103"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("does not take a technique verb alone for a skin biopsy", () => {
    expect(codes("The tibia was cut and then punched in standard fashion; bone was removed.")).toBe(
      "",
    );
  });
});

describe("biopsies of paired sites", () => {
  it.each([
    ["3 mm punch bx of each forearm.", "11104 11105"],
    ["Punch biopsies of both forearms.", "11104 11105"],
    ["Shave biopsy of a nevus on each shoulder.", "11102 11103"],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("counts written around a size", () => {
  it("counts 'Two 4 mm punch biopsies' as two", () => {
    expect(
      shippedCodes(
        "Two 4 mm punch biopsies: one from the right thigh for H&E and one from the left thigh for DIF.",
      ),
    ).toBe("11104 11105");
  });
});

describe("intent of a bare shave", () => {
  it.each([
    // Taken to make a diagnosis: a tangential biopsy.
    [
      "Tangential shave of a 7 mm irregular pigmented papule of the L upper arm, sent to pathology to rule out melanoma.",
      "11102",
    ],
    // Named a shave removal: a removal whatever the pathology may show.
    ["Shave removal of a 7 mm nevus of the arm to rule out melanoma.", "11301"],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("templated procedure blocks", () => {
  it.each([
    ["Procedure: Shave biopsy, R upper arm\nProcedure: Shave biopsy, nasal tip", "11102 11103"],
    [
      "Procedure: Shave biopsy\nLocation: R upper arm\n\nProcedure: Shave biopsy\nLocation: nasal tip",
      "11102 11103",
    ],
    [
      "Procedure: Shave removal\nLocation: R inframammary fold\nSize: 1.2 cm\n\nProcedure: Shave removal\nLocation: nasal tip\nSize: 0.4 cm",
      "11302 11310",
    ],
    // A title and its description at one site stay one procedure.
    [
      "PROCEDURE: Shave biopsy of the left arm.\nDESCRIPTION: The left arm was prepped. A shave biopsy was performed.",
      "11102",
    ],
  ])("codes %j as %s: a block at another site is another lesion", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("several samples of one lesion", () => {
  it.each([
    ["Two 4 mm punches from the same plaque on the back, one for H&E and one for DIF.", "11104"],
    ["Two 4 mm punch biopsies of the same lesion on the back.", "11104"],
    ["Shave biopsy x3 of the back; the same lesion was photographed.", "11102 11103x2"],
    ["Two punch biopsies: one from the left arm and one from the right arm.", "11104 11105"],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("a method's other name in brackets", () => {
  it.each([
    [
      "Punch biopsy of a papule on the R forearm, tangential (shave) biopsies of two lesions on the back.",
      "11104 11103x2",
    ],
    [
      "Excision of a 1.2 cm BCC of the back with 0.4 cm margins. Layered (intermediate) repair, 5.0 cm.",
      "11602 12032",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("biopsies at one site on both sides", () => {
  it.each([
    ["Shave biopsies of nevi, R and L upper arms.", "11102 11103"],
    ["Punch biopsy of the right & left forearm rash.", "11104 11105"],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
