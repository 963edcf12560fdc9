/**
 * The wedge excision of nail-fold skin (11765, reference 8.5) is told in many ways: the fold's
 * skin excised, with "wedge" anywhere in the sentence, is 11765, never an avulsion of the plate.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("wedge excision of the nail fold, however worded", () => {
  it.each([
    ["Wedge excision of skin of the nail fold, right great toe.", "11765-T5"],
    ["Wedge resection of the inflamed lateral nail fold skin, left great toe.", "11765-TA"],
    ["Excision of the lateral nail fold (wedge), right great toe.", "11765-T5"],
    [
      "Ingrown toenail, right hallux: a wedge of hypertrophic lateral nail fold skin was excised.",
      "11765-T5",
    ],
    [
      "The medial nail fold of the left hallux was excised as a wedge for an ingrown nail.",
      "11765-TA",
    ],
    [
      "Wedge excision of the hypertrophied medial nail fold tissue, R great toe, for onychocryptosis.",
      "11765-T5",
    ],
    ["Onychocryptosis L hallux; the lateral nail fold was excised in a wedge.", "11765-TA"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    // The nail's own border excised is still the plate: an avulsion.
    ["Ingrown toenail, right hallux: the lateral border of the nail was excised.", "11730-T5"],
    // Other work on the fold keeps its own code.
    ["Incision and drainage of paronychia of the lateral nail fold, right index finger.", "10060"],
    ["Biopsy of the proximal nail fold, left thumb.", "11755-FA"],
    // A wedge of anything but a nail is no nail work.
    ["Wedge biopsy of the left shin lesion.", "11106"],
  ])("keeps %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});
