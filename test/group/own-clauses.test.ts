/**
 * Two procedures told in one sentence, a clause each ("..., and ...", "; ...", "while ..."): each
 * procedure word owns the lesions, counts, sites and sizes of its own clause.
 */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("a shave and an excision told in one sentence", () => {
  it.each([
    [
      "Two SKs on the back were shaved (0.6 cm and 0.8 cm), and a 1.2 cm epidermoid cyst on the neck was excised.",
      "11422 11301x2",
    ],
    ["A 0.9 cm SK on the arm was shaved; a 1.8 cm cyst on the back was excised.", "11402 11301"],
    [
      "The 0.4 cm nevus on the cheek was shaved while a 1.0 cm cyst on the back was excised.",
      "11401 11310",
    ],
    [
      "Shave removal of a 0.8 cm SK on the back, and excision of a 1.3 cm cyst on the neck.",
      "11422 11301",
    ],
    [
      "Shave removal of a 0.4 cm SK on the cheek and a 1.2 cm SK on the back; excision of a 1.8 cm cyst on the arm.",
      "11402 11302 11310",
    ],
  ])("%j is coded %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("other procedures sharing a sentence", () => {
  it.each([
    [
      "A 1.5 cm cyst on the back was excised and two skin tags on the neck were snipped.",
      "11402 11200",
    ],
    [
      "Three AKs on the scalp were frozen with LN2 and a 0.6 cm SK on the back was shaved.",
      "11301 17000 17003x2",
    ],
    [
      "A 0.5 cm SK on the cheek was shaved; LN2 was applied to 5 AKs on the arm.",
      "11310 17000 17003x4",
    ],
    [
      "Shave biopsy of a 0.5 cm papule on the arm; punch biopsy of a 0.8 cm plaque on the back.",
      "11104 11103",
    ],
  ])("%j is coded %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("words that share one clause stay one procedure", () => {
  it.each([
    // Nothing of its own in the second clause: both words treat the same warts.
    ["6 plantar warts on the arm were pared and frozen.", "17110"],
    // "biopsy-proven" says how the lesion was diagnosed, not a procedure of its own clause.
    [
      "The biopsy-proven BCC measured 1.4 cm and was excised from the back with 3 mm margins.",
      "11602",
    ],
    [
      "The biopsy-proven BCC on the back measured 1.4 cm and was excised with 3 mm margins.",
      "11602",
    ],
  ])("%j is coded %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a count opening the second clause is that clause's", () => {
  it.each([
    [
      "Excision of a 1.5 cm cyst on the back, and two SKs on the arm (0.7 cm and 1.1 cm) were shaved.",
      "11402 11302 11301",
    ],
    [
      "LN2 to 3 AKs on the cheek, and two SKs on the back (0.7 cm and 1.1 cm) were shaved.",
      "11302 11301 17000 17003x2",
    ],
  ])("%j is coded %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("two procedure words joined by nothing but list joiners treat the same lesions", () => {
  it.each([
    // The paring is part of the wart destruction, whichever clause comes first.
    [
      "LN2 to 4 AKs of the cheek, and two warts on the arm were pared and frozen.",
      "17000 17003x3 17110-XS",
    ],
    [
      "Two warts on the arm were pared and frozen, and 4 AKs of the cheek were treated with LN2.",
      "17000 17003x3 17110-XS",
    ],
    ["Two warts on the arm were pared and frozen.", "17110"],
    // Paring on its own is coded.
    ["Two corns on the arm were pared.", "11056"],
  ])("%j is coded %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
