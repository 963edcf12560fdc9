/**
 * A nail procedure whose sentence names no digit but points back to the nails named before it
 * ("both", "each", "all three", "the nails") takes the digits of the nearest earlier sentence
 * that names digits, when their number is the number of nails coded (lexicon edits
 * `digitModifier.backReferences`).
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("digits named in an earlier sentence", () => {
  it.each([
    [
      "Ingrown nails of the left great toe and the left second toe. Simple avulsion of both nail plates was performed.",
      "11730-TA 11732-T1",
    ],
    [
      "Ingrown fingernails of the right thumb and right index finger. Simple avulsion of both nail plates.",
      "11730-F5 11732-F6",
    ],
    [
      "Left great toe and left second toe ingrown. Both toenails were avulsed with a freer elevator.",
      "11730-TA 11732-T1",
    ],
    [
      "Ingrown toenails: left great toe, left second toe, left third toe. All three nail plates were avulsed.",
      "11730-TA 11732-T1 11732-T2",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    // The earlier sentence names one nail, the procedure two: no digit is guessed.
    ["Ingrown nail, right great toe. Both nails were avulsed.", "11730 11732"],
    // No word points back to the nails named before: no digit is guessed.
    [
      "Ingrown nails of the left great toe and the left second toe. Nail avulsion x 2 was performed.",
      "11730 11732",
    ],
  ])("leaves %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});
