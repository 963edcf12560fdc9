/**
 * "The 3.0 cm wound requires a layered closure": in a note of what was done, what a wound or
 * defect requires (needs, needed) is the repair it got (context pseudo.pattern-wound-requires);
 * a future or modal cue ("will require", "may require") still plans it, and a patient who
 * "needs Mohs surgery" is still a plan.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("a repair a wound requires is the repair done; a future cue plans it", () => {
  const excision = "A 1.0 cm basal cell carcinoma of the left arm was excised with 2 mm margins;";
  it.each([
    [`${excision} the 3.0 cm wound requires a layered closure.`, "11602 12032"],
    [`${excision} the 3.0 cm defect needed a layered closure.`, "11602 12032"],
    [
      "Mohs surgery of a basal cell carcinoma of the left cheek, 1 stage; the 1.4 cm defect requires a complex repair of 2.0 cm.",
      "17311 13131",
    ],
    [`${excision} the 3.0 cm defect will require a layered closure at a later date.`, "11602"],
    [`${excision} the 3.0 cm defect may require a layered closure.`, "11602"],
    ["Nodular basal cell carcinoma of the left ala. Needs Mohs surgery.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
