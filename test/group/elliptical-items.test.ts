/**
 * Numbered items that leave the procedure word out: after an item naming an excision, an item
 * with its own diagnosis, site, lesion size and margins or closure is another lesion excised.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe("elliptical items of an excision list", () => {
  it.each([
    [
      "1. BCC R upper back (bx proven): 1.0 cm, excised with 4 mm margins, layered closure 3.0 cm.\n2. SCC L forearm (prior biopsy): 0.7 cm w/ 4 mm margins, layered closure 2.5 cm.",
      "11602x2 12032",
    ],
    [
      "Procedure: excision.\n1. BCC L shin: 0.5 cm excised with 3 mm margins, simple closure.\n2. BCC R calf: 0.6 cm with 3 mm margins, simple closure.\n3. BCC R thigh: 0.4 cm with 3 mm margins, simple closure.",
      "11602x2 11601",
    ],
    // A count over the list ("Excisions x2") counts the items, not the first one's lesions.
    [
      "Procedure: excisions x2, both biopsy proven.\n#1 BCC L thigh, 1.0 cm, 4 mm margins, excised to fat. Layered closure 3.0 cm.\n#2 SCC R shin, 0.9 cm, 4 mm margins. Layered closure 3.0 cm.",
      "11602x2 12032",
    ],
    // An item naming a procedure of its own, planned or of another kind, ends the run.
    [
      "1. BCC L back, 0.8 cm: excised with 4 mm margins, simple closure.\n2. SCC R forearm 1.0 cm w/ 4 mm margins: to be excised next month.",
      "11602",
    ],
    [
      "1. BCC L back, 0.8 cm: excised with 4 mm margins, simple closure.\n2. SK R arm, 0.5 cm: reassured, no treatment.",
      "11602",
    ],
    // An item without margins or a closure is no excision.
    [
      "1. BCC L back, 0.8 cm: excised with 4 mm margins, simple closure.\n2. SK R arm 0.5 cm, benign.",
      "11602",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("codes a lesion line whose history word is in brackets before 'excised:'", () => {
    expect(
      shippedCodes("BCC L back (prior bx) excised: 0.8 cm w/ 4 mm margins, simple closure."),
    ).toBe("11602");
  });
});
