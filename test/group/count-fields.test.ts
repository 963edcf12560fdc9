import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe("a template's count field counts its procedure's lesions", () => {
  it.each([
    [
      "Number",
      "Procedure: Skin tag removal\nSite: neck and axillae\nMethod: snip excision\nNumber: 16",
      "11200 11201",
    ],
    ["Count", "Procedure: Cryotherapy of AKs\nSite: scalp\nCount: 20", "17004"],
    ["# of lesions", "Procedure: Skin tag removal\nSite: neck\n# of lesions: 16", "11200 11201"],
    ["Qty", "Procedure: Skin tag removal\nSite: neck\nQty: 20", "11200 11201"],
    [
      "Number before the size",
      "Procedure: Shave removal of SK\nSite: back\nNumber: 3\nSize: 0.5 cm",
      "11300x3",
    ],
    // A label with a measurement is no count.
    ["a measurement", "Procedure: Skin tag removal\nSite: neck\nNumber: 2 cm", "11200"],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
