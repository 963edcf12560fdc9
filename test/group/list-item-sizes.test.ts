/**
 * A list of lesions in one sentence, each item naming its site and its size: the size standing
 * inside an item (between its joiners) is that item's, before or after its site.
 */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("a size written after its item's site", () => {
  it.each([
    [
      "Two skin cancers were treated by ED&C: a superficial BCC of the upper back, 1.1 cm, and a 5 mm SCC in situ of the nose.",
      "17262 17280",
    ],
    // Reversed: the trailing size is the last item's, not the first one's.
    [
      "Two skin cancers were treated by ED&C: a 5 mm SCC in situ of the nose and a superficial BCC of the upper back, 1.1 cm.",
      "17262 17280",
    ],
    // Every item's size after its site.
    [
      "Two skin cancers were treated by ED&C: a superficial BCC of the upper back, 1.1 cm, and an SCC in situ of the nose, 5 mm.",
      "17262 17280",
    ],
    [
      "Shave removal of two SKs: one of the back, 1.2 cm, and a 0.4 cm one of the cheek.",
      "11302 11310",
    ],
    // A size before its site, with nothing between them, is still that site's.
    ["Shave removal of a 1.2 cm SK of the back and a 0.4 cm SK of the cheek.", "11302 11310"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
