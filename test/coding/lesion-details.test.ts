/**
 * Details that choose a code: a landmark named beside the lesion's site, a count written as a
 * total after its number, and lesion words that name what is removed.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes } from "../group/notes.ts";

describe("a landmark beside the site", () => {
  it.each([
    ["Irritated 6 mm SK on the scalp 2 cm above the left ear, shaved off.", "11306"],
    ["Irritated 6 mm SK of the left neck just below the jaw, shaved off.", "11306"],
    ["Shave biopsy of a 5 mm papule on the cheek anterior to the left ear.", "11102"],
    ["Shave removal of a 5 mm SK from the left lateral thigh.", "11300"],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("a total written after its number", () => {
  it.each([
    ["Actinic keratoses on the scalp, 16 in total, frozen with LN2.", "17004"],
    ["AKs on the face, 5 total, LN2.", "17000 17003x4"],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("lesion words", () => {
  it("codes a papilloma removed by tangential shave as a shave removal", () => {
    expect(
      shippedCodes("Irritated 3 mm papilloma of the left cheek removed by tangential shave."),
    ).toBe("11310");
  });
});

describe("counts written per site or per numbered item", () => {
  it.each([
    ["Cryo to AKs: 3 scalp, 2 left ear.", "17000 17003x4"],
    ["Cryotherapy to AKs: 4 forehead, 3 scalp and 2 right cheek.", "17000 17003x8"],
    ["5 AKs: 3 scalp, 2 left ear, LN2.", "17000 17003x4"],
    ["LN2 to AKs: #1-#4 right temple, #5 nasal dorsum, #6-#8 scalp.", "17000 17003x7"],
    // The numbered range right after the lesion word counts it, from the sentence before the treatment.
    ["Actinic keratoses #1-#12, scalp and forehead. Liquid nitrogen to all.", "17000 17003x11"],
    ["AKs #1-#5: forehead #1-#3, nose #4-#5. Cryo, 2 freeze-thaw cycles.", "17000 17003x4"],
    // Another lesion word starts another numbered list.
    ["SKs #1-#2 and AKs #3-#7 noted. Cryotherapy to the AKs only.", "17000 17003x4"],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});
