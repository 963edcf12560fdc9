/**
 * Patterns of dictated operative and emergency notes: the wound's site named in the sentence
 * before its closure, skin flaps raised to reach a cyst, and "Attention was turned to ..."
 * paragraphs that each place one lesion.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";

const codes = (note: string) => suggest(note).codes.map((c) => `${c.code}x${c.units}`);

describe("dictated notes", () => {
  it.each([
    [
      "Left forearm laceration. The 4 cm laceration was closed with simple interrupted sutures.",
      ["12002x1"],
    ],
    [
      "Excision of 1.5 cm epidermal cyst of the upper back with 2 mm margins. The skin flaps were elevated and the cyst was dissected free and removed intact.",
      ["11402x1"],
    ],
    [
      "Attention was first turned to the right dorsal hand, where the lesion measured 1.0 x 0.8 cm. A 4 mm margin was marked and the lesion was excised. Attention was then turned to the left shoulder, where a 5 mm nevus was excised with 2 mm margins.",
      ["11422x1", "11401x1"],
    ],
    [
      "HEENT: There is a 3.2 cm linear laceration to the left forehead.\n\nPROCEDURE: The laceration was repaired with seven 6-0 nylon simple interrupted sutures.\n\nASSESSMENT: Simple laceration, left forehead, 3.2 cm.",
      ["12013x1"],
    ],
    [
      "FAMILY MEDICINE PROGRESS NOTE\n\nPROCEDURES: Cryotherapy. Liquid nitrogen was applied to the 6 actinic keratoses of the face and scalp.\n\nASSESSMENT AND PLAN:\n1. Actinic keratoses x6, treated with cryotherapy.",
      ["17000x1", "17003x5"],
    ],
    [
      "Excision of a 2.5 cm epidermal cyst of the right upper back with 2 mm margins. The wound measured 7.0 cm in length after excision. The deep dermal layer was closed with 3-0 Vicryl and the skin with 4-0 nylon.",
      ["11403x1", "12032x1"],
    ],
  ])("%j is coded %j", (note, expected) => {
    expect(codes(note)).toEqual(expected);
  });

  it("warns instead of dropping a wound repair with no site", () => {
    const r = suggest("The 4 cm laceration was closed with simple interrupted sutures.");
    expect(r.codes).toEqual([]);
    expect(r.warnings.map((w) => w.kind)).toContain("site_missing");
  });
});
