/** The item number a sentence opens: numbered and lettered list items. */
import { describe, expect, it } from "vitest";
import { itemNumber } from "../../src/group/index-mentions.ts";

describe("itemNumber", () => {
  it.each<[string, number, number | undefined]>([
    ["1. Excision of a cyst.", 0, 1],
    ["2) Back: cyst.", 0, 2],
    ["#3 Scalp: cyst.", 0, 3],
    ["(2) L chest 6 mm, excised.", 0, 2],
    ["A. Left temple: BCC.", 0, 1],
    ["b) Right forearm: nevus.", 0, 2],
    ["Excised.\nC. Chin: nevus.", 9, 3],
    // A letter opens an item only at the start of a line.
    ["Seen by Dr. X. B. Jones agreed.", 15, undefined],
    ["A 2 cm cyst was excised.", 0, undefined],
  ])("%j at %i opens item %s", (text, start, expected) => {
    expect(itemNumber(text, start, text.length)).toBe(expected);
  });
});
