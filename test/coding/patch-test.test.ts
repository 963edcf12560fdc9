/** Patch tests (95044 per allergen, 95052 per photo patch test; readings are part of the test) and botulinum toxin for hyperhidrosis (64650 axillae, 64653 other areas). */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("patch tests", () => {
  it.each([
    [
      "Patch testing: North American 80 allergen series applied to the upper back today; return for readings at 48 and 96 hours.",
      "95044x80",
    ],
    ["T.R.U.E. test with 35 allergens placed on the back.", "95044x35"],
    ["Photopatch testing with 20 allergens applied.", "95052x20"],
    ["Patch test reading at 48 hours: positive to nickel.", ""],
    ["Will schedule patch testing for suspected contact dermatitis.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("chemodenervation for hyperhidrosis", () => {
  it.each([
    ["Axillary hyperhidrosis: Botox 50 units injected intradermally into each axilla.", "64650"],
    ["Palmar hyperhidrosis: botulinum toxin 100 units to each palm.", "64653"],
    ["Botox 20 units to the glabella for frown lines.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
