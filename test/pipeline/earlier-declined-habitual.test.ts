/**
 * Procedures a note tells of but that were not done at this visit: done at an earlier visit or
 * elsewhere, discussed or offered and then deferred or refused, and a patient's own shaving.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const codes = (note: string) => suggest(note).codes.map((l) => `${l.code}x${l.units}`);

describe("procedures not done at this visit", () => {
  it.each([
    [
      "a biopsy done at the last visit",
      "SCC in situ, right forearm. The lesion was biopsied at the last visit.",
      [],
    ],
    [
      "biopsies at an earlier visit, before today's destruction",
      "INDICATIONS: Both lesions were biopsied at her previous visit on 02/10/2026.\nPROCEDURE: ED&C of a 0.6 cm superficial BCC of the left upper back.",
      ["17261x1"],
    ],
    [
      "a biopsy with a date and a named physician whose result is back",
      "Biopsy of the right ala on 02/03/2026 by Dr. Lee showed nodular basal cell carcinoma.",
      [],
    ],
    [
      "a biopsy of a lesion with an adjective, discussed but deferred",
      "LN2 to 3 AKs on the scalp. A shave biopsy of an atypical pigmented nevus on the chest was discussed but deferred.",
      ["17000x1", "17003x2"],
    ],
    [
      "an excision offered and refused after a semicolon",
      "Excision of an epidermoid cyst on the upper back was offered; the patient declined.",
      [],
    ],
    [
      "a patient's own shaving next to a lesion",
      "The dermatofibroma of the left shin itches and bleeds when she shaves.",
      [],
    ],
  ])("bills only today's work for %s", (_title, note, expected) => {
    expect(codes(note)).toEqual(expected);
  });

  it("still bills a physician's shave removal", () => {
    expect(
      codes("I shaved the 0.4 cm irritated seborrheic keratosis on the left forearm."),
    ).toEqual(["11300x1"]);
  });
});
