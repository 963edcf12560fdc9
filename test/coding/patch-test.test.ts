/** Patch tests: one unit per allergen applied (95044), per photo patch test (95052); readings are part of the test. */
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
