/**
 * Named parts of one site (lexicon sites `parts`): lesions on two named parts of the face ("the
 * cheek", "the chin") are two places, though their site and codes are the same; a part named
 * only once ("the face") or the same part with and without a side is one place.
 */
import { describe, expect, it } from "vitest";
import { placeKey, samePlace } from "../../src/group/places.ts";
import { suggest } from "../../src/pipeline/suggest.ts";
import type { SiteMention } from "../../src/types.ts";
import { lexiconWith, MINI_SITES } from "../extract/mini-lexicon.ts";
import { codesOf, shippedCodes } from "./notes.ts";

const FACE = { simple: "S_FACE", intermediate: "I_FACE", complex: "C_FCNH" };

/** The mini sites with a face whose cheek, chin and forehead are named parts. */
const PARTS_LEXICON = lexiconWith({
  sites: {
    ...MINI_SITES,
    sites: [
      ...MINI_SITES.sites.filter((s) => s.site !== "cheek"),
      {
        id: "t.site.face",
        site: "face",
        siteGroup: "C_FACE",
        icdSite: "face",
        repair: FACE,
        mohs: "head",
        parts: { cheek: ["cheek", "malar"], chin: ["chin"], forehead: ["forehead"] },
        literals: ["face", "facial", "cheek", "malar", "chin", "forehead", "temple"],
      },
    ],
  },
});

const codes = (note: string) => codesOf(suggest(note, {}, PARTS_LEXICON));

describe("lesions on named parts of one site", () => {
  it.each([
    // Two parts of the face: two excisions, their repairs summed.
    [
      "A 1.0 cm BCC of the left cheek was excised with 3 mm margins. A 0.8 cm BCC of the chin was excised with 3 mm margins.",
      "11642x2",
    ],
    [
      "A 1.0 cm BCC of the forehead was excised with 3 mm margins. A 2.0 cm BCC of the chin was excised with 3 mm margins.",
      "11643 11642",
    ],
    [
      "A 1.0 cm BCC of the left cheek was excised with 3 mm margins, layered closure 3.0 cm. A 0.8 cm BCC of the chin was excised with 3 mm margins, layered closure 3.0 cm.",
      "11642x2 12053",
    ],
    [
      "Shave removal of a 0.4 cm SK of the right cheek. Shave removal of a 0.8 cm SK of the forehead.",
      "11311 11310",
    ],
    // One part named twice, with and without its side, or by two of its literals: one lesion.
    [
      "A 1.0 cm BCC of the left cheek was excised with 3 mm margins. The cheek defect was closed in layers, 3 cm.",
      "11642 12052",
    ],
    [
      "Shave biopsy of a papule on the left cheek. The lesion on the malar skin was prepped and shaved.",
      "11102",
    ],
    // A literal in no part ("face") may be any part: one lesion, as before.
    [
      "Shave removal of an SK of the left cheek. Shave removal of an SK of the face, 0.4 cm.",
      "11310",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("samePlace and placeKey", () => {
  const site = (part?: string, laterality?: "left" | "right") =>
    ({
      site: "face",
      ...(part ? { part } : {}),
      ...(laterality ? { laterality } : {}),
    }) as SiteMention;
  it.each([
    [site("cheek"), site("cheek", "left"), true],
    [site("cheek"), site("chin"), false],
    [site(), site("chin"), true],
    [site("cheek", "left"), site("cheek", "right"), false],
  ])("%o and %o: %s", (a, b, same) => {
    expect(samePlace(a, b)).toBe(same);
  });
  it("keys two parts apart", () => {
    expect(placeKey(site("cheek"))).not.toBe(placeKey(site("chin")));
  });
});

describe("the shipped limb parts", () => {
  it.each([
    ["left forearm", "left upper arm"],
    ["right thigh", "right knee"],
    ["shin", "ankle"],
  ])("excisions of the %s and the %s are two", (a, b) => {
    expect(
      shippedCodes(
        `A 1.0 cm nevus of the ${a} was excised with 2 mm margins. A 0.8 cm nevus of the ${b} was excised with 2 mm margins.`,
      ),
    ).toBe("11402x2");
  });
});

describe("the shipped face parts", () => {
  it.each([
    ["left cheek", "chin"],
    ["cheek", "temple"],
    ["forehead", "temple"],
  ])("excisions of the %s and the %s are two", (a, b) => {
    expect(
      shippedCodes(
        `A 1.0 cm BCC of the ${a} was excised with 3 mm margins. A 0.8 cm BCC of the ${b} was excised with 3 mm margins.`,
      ),
    ).toBe("11642x2");
  });
});
