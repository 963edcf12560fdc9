import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe('"x N" after an episode word counts times, not lesions', () => {
  it.each([
    ["an inflamed cyst excised", "EIC R back 1.5 cm, inflamed x3 - excised", "11402"],
    ["an AK treated before", "AK R ear, treated x2 in the past, LN2 today", "17000"],
    ["an AK that failed cryotherapy", "AK R ear, failed LN2 x4, LN2 today", "17000"],
    // After a lesion word or its site, "x N" still counts lesions.
    ["AKs counted after their word", "AKs x4 R forearm, LN2 today", "17000 17003x3"],
    ["AKs counted after their site", "LN2 to AK R ear x4", "17000 17003x3"],
    // "treated" also tells today's treatment: "x N" after it counts lesions unless a past cue
    // follows the number.
    ["AKs treated today", "AKs treated x6 with LN2 today.", "17000 17003x5"],
    [
      "AKs treated with cryotherapy",
      "Multiple AKs on the scalp treated x 8 with cryotherapy.",
      "17000 17003x7",
    ],
    ["an abscess drained before", "Abscess R axilla drained x2 previously; I&D today.", "10060"],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
