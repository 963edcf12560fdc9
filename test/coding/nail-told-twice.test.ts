/**
 * One nail's procedure told twice in one sentence (the same digit, or no digit of its own) is
 * billed once; two nails told apart in one sentence are one nail each.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("a nail procedure told again in its sentence", () => {
  it.each([
    [
      "Phenol matrixectomy of the R great toenail; the matrix was treated with phenol for 30 seconds.",
      "11750-T5",
    ],
    [
      "Chemical matricectomy, left hallux, medial border; phenol was applied to the matrix for 30 seconds x 3.",
      "11750-TA",
    ],
    [
      "Partial avulsion of the right great toenail, lateral border; the nail plate was avulsed with a freer elevator.",
      "11730-T5",
    ],
    ["Nail avulsion, L second toe; the plate was freed with an elevator and avulsed.", "11730-T1"],
    [
      "Nail avulsion of the left great toe and the left second toe; the plates were freed and avulsed.",
      "11730-TA 11732-T1",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    // Each procedure names its own nail: one nail each, not each counting both digits.
    ["Avulsion of the R great toenail; avulsion of the L great toenail.", "11730-T5 11732-TA"],
    [
      "Right great toenail: phenol matricectomy; the left great toenail: phenol matricectomy.",
      "11750-T5 11750-TA",
    ],
  ])("keeps two nails in %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});
