/**
 * A stated total is the count: parts given per site before "for a total of N" / "N in all", and a
 * breakdown after a count (in brackets or after a comma) that adds up to it, tell it again.
 */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("a stated total over its parts", () => {
  it.each([
    // A sum cue after the parts: the total counts, even when a part was written without its word.
    [
      "Today 16 skin tags were snipped from the neck and 11 from the axillae, for a total of 27 skin tags.",
      "11200 11201x2",
    ],
    [
      "Alopecia areata: intralesional triamcinolone was injected into 5 patches on the scalp and 3 patches on the beard, for a total of 8 patches.",
      "11901",
    ],
    ["Verrucae on the hands (6) and feet (4), 10 in all, were frozen with LN2.", "17110"],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a breakdown after a count tells it again", () => {
  it.each([
    // In brackets, even when not every part is read.
    [
      "12 actinic keratoses (7 on the dorsal hands and 5 on the forearms) were frozen with LN2.",
      "17000 17003x11",
    ],
    ["12 AKs (7 on the hands, 5 on the forearms) were frozen with LN2.", "17000 17003x11"],
    // After a comma, when the parts add up to the count.
    [
      "12 actinic keratoses were frozen with LN2, 7 on the dorsal hands and 5 on the forearms.",
      "17000 17003x11",
    ],
    // An uncounted word's bracketed counts are its count.
    ["AKs (7 on the hands, 5 on the forearms) were frozen with LN2.", "17000 17003x11"],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("counts of lesion types injected together add up", () => {
  it.each([
    // A generic word with its type after "of" counts that type.
    [
      "Six plaques of psoriasis and two keloids were injected with intralesional triamcinolone.",
      "11901",
    ],
    // A number whose lesion word was left out counts the whole counted phrase before it.
    [
      "Intralesional triamcinolone was injected into 4 alopecia areata patches on the scalp and 4 on the beard.",
      "11901",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
