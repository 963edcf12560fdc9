/**
 * A generic word told as done today ("treated", "removed") does not qualify a procedure its
 * sentence names only as not done ("no biopsy", "without biopsy", "no matrixectomy"): joining it
 * would bill the procedure that was not done. It restates the procedure named before it.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe("a weak word done today does not join a procedure denied in its sentence", () => {
  it.each([
    ["LN2 to 4 AKs on the forehead. Lesions treated, no biopsy.", "17000 17003x3"],
    ["LN2 to 4 AKs on the forehead. All treated without biopsy.", "17000 17003x3"],
    ["LN2 to 4 AKs on the forehead. Lesions treated; no biopsy taken.", "17000 17003x3"],
    ["LN2 to 4 AKs on the forehead. Lesions treated and no biopsy was needed.", "17000 17003x3"],
    ["Shave removal of an SK of the L neck, 0.4 cm. Lesion removed, no ED&C.", "11305"],
    ["Partial avulsion of the R great toenail. Border removed, no matrixectomy.", "11730-T5"],
  ])("%s -> %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("the denied procedure is still shown as not coded", () => {
    expect(shippedCodes("LN2 to 2 AKs scalp. Treated, no biopsy.")).toBe("17000 17003");
  });

  it("an affirmed procedure in the sentence still takes the weak word", () => {
    expect(shippedCodes("Papule of the L forearm treated with a punch biopsy, 4 mm.")).toBe(
      "11104",
    );
  });
});
