/** A shave removal told right after a tangential biopsy, naming no lesion of its own, removes the biopsied lesion. */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("a tangential biopsy whose lesion is then removed whole", () => {
  it.each([
    // One lesion, one procedure: a shave removal sized by the biopsied lesion.
    [
      "Shave biopsy of a 2.0 cm irritated SK on the left forearm; the entire lesion was removed flush with the skin.",
      "11302",
    ],
    [
      "Shave biopsy of a 6 mm papule on the back. Entire lesion removed flush with the skin.",
      "11301",
    ],
    [
      "Saucerization biopsy of a 1.5 cm SK on the arm. The whole lesion was removed by shave.",
      "11302",
    ],
    ["Tangential biopsy of a 0.8 cm nodule of the cheek. The lesion was then shaved off.", "11311"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // The removal names a lesion of its own (a site, a count, a type): another lesion.
    [
      "Shave biopsy of a 6 mm papule on the back. Shave removal of a 1.2 cm irritated SK on the left arm.",
      "11302 11102-XS",
    ],
    ["Shave biopsy of a 6 mm papule on the back; 3 skin tags removed.", "11102 11200"],
  ])("keeps the procedures apart in %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
