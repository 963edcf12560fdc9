/** Lesions listed inline after one procedure word ("Shave removal: (1) ...; (2) ..."). */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("inline numbered lists of lesions", () => {
  it.each([
    ["Shave removal: (1) ISK L back 1.2 cm; (2) ISK R arm 0.8 cm.", "11302 11301"],
    ["Shave removal: 1) ISK L back 1.2 cm; 2) ISK R arm 0.8 cm.", "11302 11301"],
    ["Shave removal: #1 ISK L back 1.2 cm; #2 ISK R arm 0.8 cm.", "11302 11301"],
    [
      "Shave removal of (1) SK L back 1.2 cm; (2) SK R arm 0.8 cm; (3) SK cheek 0.4 cm.",
      "11302 11301 11310",
    ],
    // Items with no joiner between them are cut at their markers.
    ["Shave removal: 1) ISK L back 1.5 cm 2) ISK R arm 0.5 cm.", "11302 11300"],
    ["Shave removal: (1) ISK L back 1.5 cm (2) ISK R arm 0.5 cm.", "11302 11300"],
    // One per line, with bracketed numbers.
    ["Shave removal:\n(1) ISK L back 1.2 cm\n(2) ISK R arm 0.8 cm.", "11302 11301"],
    [
      "Two biopsy-proven SCCis lesions treated with curettage and desiccation: (1) left back, 1.5 cm; (2) scalp, 2.1 x 1.5 cm.",
      "17273 17262",
    ],
    // Each item naming its own procedure word is handled as before.
    [
      "Bx-proven BCCs: (1) back 8 mm, excised w/ 4 mm margins; (2) left arm 6 mm, excised w/ 4 mm margins.",
      "11602x2",
    ],
    // A sentence continuing an item on its line stays in the list: the next item is read too.
    [
      "Shave removal: (1) SK L back 1.2 cm; (2) SK R arm 0.8 cm. Hemostasis with AlCl.\n(3) SK R cheek 0.4 cm.",
      "11302 11301 11310",
    ],
    // A counted sentence heads items numbered "(1)", "(2)" like a colon heading does.
    ["Two epidermal cysts excised.\n(1) Back, 1.0 cm.\n(2) Left arm, 2.5 cm.", "11403 11401"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a line opening with a decimal size is no list item", () => {
  it("keeps a measured but untreated lesion after a numbered list out of the list", () => {
    const note =
      "Shave removals:\n1. Irritated SK, back, 1.2 cm.\n2. Irritated SK, arm, 0.6 cm.\n0.5 cm SK of the neck, left alone.";
    expect(codes(note)).toBe("11302 11301");
  });
});
