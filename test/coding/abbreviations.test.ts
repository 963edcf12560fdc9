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
