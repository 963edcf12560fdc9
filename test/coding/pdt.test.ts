/**
 * Photodynamic therapy (reference 6.8): one line per day, the most extensive service of the day
 * (debridement + PDT 96574 > physician-applied 96573 > external light 96567), never a 17000 for
 * the curettage that prepares the lesions.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("photodynamic therapy codes", () => {
  it.each([
    ["Photodynamic therapy for AKs of the face: ALA applied, 1 hour, blue light 1000 s.", "96567"],
    ["PDT to the scalp today with Levulan and BLU-U.", "96567"],
    [
      "Ameluz was applied by the physician to the forehead and illuminated with red light.",
      "96573",
    ],
    ["PDT with debridement of hyperkeratotic AKs of the scalp.", "96574"],
    [
      "The hyperkeratotic lesions were curetted, then ALA was applied and the face illuminated with blue light.",
      "96574",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    "Discussed photodynamic therapy; will schedule PDT in 2 weeks.",
    "History of PDT to the face in 2023 with good response.",
    "She declined PDT.",
  ])("does not bill PDT that was not done today: %j", (note) => {
    expect(codes(note)).toBe("");
  });

  it("bills the day's PDT once however often the drug and the light are named", () => {
    expect(
      codes(
        "PDT: aminolevulinic acid applied to the face. After incubation, BLU-U illumination. Photodynamic therapy tolerated well.",
      ),
    ).toBe("96567");
  });
});

describe("'ala': the photosensitizer only in upper case, else the side of the nose", () => {
  it.each([
    [
      "a shave biopsy then ED&C of a BCC of the ala is the malignant destruction",
      "Shave bx of a 7 mm pearly papule of the R ala, then ED&C; final defect 1.2 cm. Path: BCC.",
      "17282",
    ],
    [
      "curettage of a cancer of the nasal ala",
      "ED&C of a 0.6 cm BCC of the left nasal ala.",
      "17281",
    ],
    [
      "curettage before the photosensitizer written in upper case stays the PDT debridement",
      "Thick AKs of the face were curetted, then ALA was applied.",
      "",
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
