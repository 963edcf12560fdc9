import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe("skin tags removed by any method are coded by count (11200/11201)", () => {
  it.each([
    ["excised with scissors, counted", "2 skin tags L axilla excised with scissors.", "11200"],
    ["acrochordons excised", "Acrochordons R axilla excised with scissors.", "11200"],
    ["a tag excised on the eyelid", "Skin tag L eyelid - excised.", "11200"],
    ["a tag shaved", "Skin tag R neck shaved.", "11200"],
    [
      "the excision retelling the removal",
      "Removal of 18 skin tags from the neck. The tags were excised with scissors.",
      "11200 11201",
    ],
    [
      "tags excised beside a shaved SK",
      "Shave removal of a 1.5 cm SK L forearm; skin tags x4 excised with scissors.",
      "11302 11200",
    ],
    // Tags another procedure's sentence names do not make an excision elsewhere a tag removal.
    [
      "a nodule excised beside snipped tags",
      "Firm 1.2 cm nodule L arm, enlarging. It was excised with 2 mm margins and closed simply. Path pending.\nAlso 3 irritated skin tags R neck, snipped.",
      "11402 11200",
    ],
    [
      "a cyst excised in the tags' sentence",
      "Snip removal of 5 skin tags of the neck; an epidermoid cyst of the back was excised too, 1.5 cm.",
      "11402 11200",
    ],
    // An accessory ear tag (skin and cartilage) is excised as a benign lesion, not an acrochordon.
    [
      "an accessory ear tag excised",
      "Accessory ear tag R ear excised with an elliptical incision.",
      "11440",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
