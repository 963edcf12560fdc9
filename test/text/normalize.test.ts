import { describe, expect, it } from "vitest";
import { normalize } from "../../src/text/normalize.ts";

describe("normalize", () => {
  it.each([
    ["1.2 × 0.8 cm", "1.2 x 0.8 cm"],
    ["6–7 mm", "6-7 mm"],
    ["left arm — tolerated", "left arm - tolerated"],
    ["−20 °C", "-20 oC"],
    ["5\u00a0mm", "5 mm"],
    ["\u2018same lesion\u2019", "'same lesion'"],
    ["\u201cBCC\u201d", '"BCC"'],
    ["\tSite:\tback", " Site: back"],
    ["area 320 cm²", "area 320 cm2"],
    ["plain ASCII text", "plain ASCII text"],
  ])("folds %j to %j without changing the length", (input, expected) => {
    const { text, original } = normalize(input);
    expect(text).toBe(expected);
    expect(text).toHaveLength(input.length);
    expect(original).toBe(input);
  });

  it.each([
    ["an emoji 😀 before 5 mm", "😀"],
    ["a CJK extension character 𠀋 and 1.2 × 0.8 cm", "𠀋"],
    ["Turkish İstanbul keeps its dotted capital", "İ"],
    ["German Straße", "ß"],
    ["a ligature ﬁle", "ﬁ"],
  ])("keeps offsets across %s", (input, special) => {
    const { text, lower } = normalize(input);
    expect(text).toHaveLength(input.length);
    expect(lower).toHaveLength(input.length);
    const at = input.indexOf(special);
    const tail = input.slice(at + special.length);
    expect(text.slice(at + special.length)).toBe(normalize(tail).text);
  });

  it("lower-cases in place so that any offset of the lower text is an offset of the note", () => {
    const note = "Pt: İ 1.2 × 0.8 CM on the L ARM";
    const { lower } = normalize(note);
    const start = lower.indexOf("l arm");
    expect(note.slice(start, start + 5)).toBe("L ARM");
    expect(lower.slice(lower.indexOf("cm"), lower.indexOf("cm") + 2)).toBe("cm");
  });
});
