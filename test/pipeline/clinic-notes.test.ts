/**
 * Template-style clinic notes: what the header lines around a procedure must not do to it
 * (an age is no count, a family-history line ends with its line, offered or dated procedures are
 * not today's).
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("clinic-note headers and asides", () => {
  it.each([
    [
      "an age written as 44F is not a lesion count",
      "HPI: 44F noticed a mole on her L upper back.\nProcedure: excision of a 0.6 cm nevus of the L upper back with 2 mm margins.",
      "11401",
    ],
    [
      "a family-history line heads only its own line",
      "FH: father with invasive melanoma.\nShave biopsy of a pink papule of the L shin.",
      "11102",
    ],
    [
      "a past-history paragraph ends at the blank line",
      "PMH: hx of basal cell carcinoma of the back.\n\nShave biopsy of a pink papule of the L shin.",
      "11102",
    ],
    [
      "an HPI paragraph ends at the blank line",
      "HPI: 65 yo M with 3 AKs on the scalp.\n\nCryotherapy to the 3 AKs.",
      "17000 17003x2",
    ],
    [
      "an option offered and declined is not done",
      "Cryotherapy to 4 AKs of the scalp. PDT was offered as an alternative; pt declined due to cost.",
      "17000 17003x3",
    ],
    [
      "a procedure dated by its year is an earlier one",
      "She has a history of SCC on the R forearm (excised 2021). Shave biopsy of a new papule of the L cheek.",
      "11102",
    ],
    [
      "an excision planned for when the cyst settles is not done",
      "Inflamed epidermoid cyst of the back: warm compresses; elective excision once quiet.",
      "",
    ],
    [
      "a diagnosis confirmed on an earlier biopsy does not bill that biopsy",
      "Dx: nodular BCC, R nasal tip, confirmed on shave biopsy 5/2.\nProcedure: Mohs micrographic surgery.\nStage I: 6 tissue blocks, positive.\nStage II: 2 blocks, clear.\nRepair: complex linear repair 2.6 cm.",
      "17311 17312 17315 13152",
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
