import { describe, expect, it } from "vitest";
import { codes, shippedCodes } from "../group/notes.ts";

describe("a procedure abbreviation used as a label with a colon", () => {
  it.each([
    ["ED&C: bx-proven BCC R cheek 1.0 cm.", "17281"],
    ["EDC: bx-proven BCC R cheek 1.0 cm.", "17281"],
    ["LN2: AK x3 cheek.", "17000 17003x2"],
    ["CRYO: AK x3 cheek.", "17000 17003x2"],
  ])("codes the procedure the label names: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("keeps an upper-case procedure word on a line of its own as a header", () => {
    expect(codes("BIOPSY:\nShave biopsy of a lesion on the left cheek.")).toBe("11102");
  });
});

describe("a count right after a destruction method counts its cycles", () => {
  it.each([
    ["ED&C x3: BCC R cheek 1.0 cm.", "17281"],
    ["ED&C x 3 cycles: BCC R cheek 1.0 cm.", "17281"],
    ["Curettage x3 of BCC R cheek 1.0 cm.", "17281"],
    ["LN2 x2 cycles to AK x4 L arm.", "17000 17003x3"],
    ["AKs L arm x1, 2 FTC.", "17000"],
    // Two or more places listed after the count: it counts lesions.
    ["LN2 x3: AKs of the L cheek, nose, R arm.", "17000 17003x2"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("lesion abbreviations", () => {
  it.each([
    ["ST x16 neck, snip removal.", "11200 11201"],
    ["16 STs neck removed with scissors.", "11200 11201"],
    ["VV x4 R hand, LN2.", "17110"],
    ["MC x10 trunk, cantharidin.", "17110"],
  ])("reads %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it.each([
    // Lower case, no count, or no procedure of the lesion: another specialty's abbreviation.
    "St x16 neck, snip removal.",
    "ST elevation x2 leads after cardiac catheterization.",
    "Fracture of the 5th MC x2 views, reduction planned.",
    "VV x2 noted on the legs, no treatment today.",
  ])("codes nothing for %j", (note) => {
    expect(shippedCodes(note)).toBe("");
  });
});

describe("injection drug abbreviations", () => {
  it.each([
    ["IL-K 5 mg/cc injected into 8 patches of alopecia areata on the scalp.", "11901"],
    ["IL-TAC 10 mg/cc to 3 keloids of the chest.", "11900"],
    ["TAC 10 mg/ml injected into 2 keloids of the right ear.", "11900"],
    ["Keloid of the right ear. TAC 10 mg/cc, 0.5 cc injected.", "11900"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    "TAC 0.1% cream twice daily to 2 keloids of the right ear.",
    "Psoriasis, 3 plaques on the elbows. Continue TAC ointment.",
  ])("codes no injection for a topical TAC: %j", (note) => {
    expect(codes(note)).toBe("");
  });
});

describe("an upper-case procedure label with a count or a size before its colon", () => {
  it.each([
    ["SHAVE BX X 2: R SHOULDER, L UPPER BACK.", "11102 11103"],
    ["PUNCH BX 4MM: L CALF", "11104"],
    ["LN2 TO AKS X 3: SCALP", "17000 17003x2"],
    ["PROCEDURES:\nSHAVE BX X 2: R SHOULDER, L UPPER BACK.", "11102 11103"],
  ])("codes the line it labels: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
