import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const codes = (note: string) =>
  suggest(note)
    .codes.map((l) => `${l.code}x${l.units}`)
    .sort()
    .join(" ");

/** Lesions named together are still coded one by one, by their own site group and size. */
describe("several lesions in one sentence", () => {
  it.each([
    [
      "Shave removal of a 0.4 cm SK on the left cheek and a 1.2 cm SK on the back.",
      "11302x1 11310x1",
    ],
    [
      "Shave removal of two SKs: 0.4 cm on the left cheek and 1.2 cm on the back.",
      "11302x1 11310x1",
    ],
    [
      "Excision of a 1 cm nevus of the left arm and excision of a 0.5 cm nevus of the right leg.",
      "11400x1 11401x1",
    ],
    [
      "Excision of a 0.4 cm nevus on the cheek with 2 mm margins, and a 1.2 cm nevus on the back with 3 mm margins.",
      "11402x1 11441x1",
    ],
    [
      "Benign nevus of the left shoulder, 0.9 cm, removed by shave; seborrheic keratosis of the right cheek, 0.6 cm, removed by shave.",
      "11301x1 11311x1",
    ],
  ])("%s -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("keeps a generic removal and an excision of another site apart, each with its own count", () => {
    expect(
      codes(
        "Removal of 12 skin tags from the neck by electrocautery; a cyst on the back was also excised, 1.5 cm.",
      ),
    ).toBe("11200x1 11402x1");
  });

  it("joins a title naming the region with the detail naming the site in it", () => {
    expect(
      codes(
        "Procedure: excision benign lesion trunk. Excision of a 1.6 cm epidermoid cyst on the flank, margins 2 mm, simple closure.",
      ),
    ).toBe("11402x1");
  });

  it("keeps one lesion with a lesion size and a margin as one excision", () => {
    expect(codes("Excision of a 2 cm BCC on the left arm with 4 mm margins.")).toBe("11603x1");
  });
});

describe("each procedure keeps its own lesion", () => {
  it.each([
    // The wart count and diagnosis belong to the LN2, the papule to the biopsy.
    ["LN2 to 3 warts L hand and punch bx of a red papule R flank.", "11104 17110-XS"],
    // A pathology result for one lesion does not rename another lesion diagnosed in its own sentence.
    [
      "Bx-proven BCC L upper back, 1.0 cm, excised with 4 mm margins. Epidermoid cyst R upper arm, 1.5 cm, excised with 1 mm margins.",
      "11602 11402",
    ],
    // ... but a final pathology written for this lesion beats its clinical suspicion.
    [
      "Excision of suspected melanoma R upper back, 1.0 cm, 2 mm margins. Final path: severely dysplastic compound nevus.",
      "11402",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(
      suggest(note)
        .codes.map((l) => [l.units > 1 ? `${l.code}x${l.units}` : l.code, ...l.modifiers].join("-"))
        .join(" "),
    ).toBe(expected);
  });
});
