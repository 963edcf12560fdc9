/**
 * Terse EHR notes whose numbered items under a procedure header name no verb of their own: the
 * header's procedure is done on each item's lesion, and each item's closure closes that lesion.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("a procedure header over numbered items", () => {
  it.each([
    [
      "a closure sentence on an item's line closes that item's wound",
      "Procedure: Excision x3\n#1 BCC L shoulder 0.9 cm, 3 mm margins. Layered closure 2.8 cm.\n#2 BCC R forearm, 0.7 cm, 3 mm margins. Layered closure 3.4 cm.\n#3 SCC R temple 1.2 cm, 4 mm margins. Layered closure 4.0 cm.",
      "11642 11602x2 12052 12032",
    ],
    [
      "a closure on a line of its own between items continues the item before it",
      "Procedure: Excision x3\n#1 BCC L shoulder 0.9 cm, 3 mm margins\nLayered closure 2.8 cm\n#2 BCC R forearm, 0.7 cm, 3 mm margins\nLayered closure 3.4 cm\n#3 SCC R temple 1.2 cm, 4 mm margins\nLayered closure 4.0 cm",
      "11642 11602x2 12052 12032",
    ],
    [
      "labelled items read the same way",
      "Procedure: Excision x2\nLesion 1: BCC L shoulder 0.9 cm, 3 mm margins. Layered closure 2.8 cm.\nLesion 2: SCC R temple 1.2 cm, 4 mm margins. Layered closure 4.0 cm.",
      "11642 11602 12052 12032",
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a plan line that refers back to the lesion of the line above it", () => {
  it.each([
    [
      "a bare removal takes the lesion, site and size of the assessment line",
      "S: irritated by her purse strap\nA: ISK L shoulder 0.9 cm.\nP: Removed by shave technique.",
      "11301",
    ],
    [
      "a plan line naming its lesion but no site takes the site of the exam line",
      "O: 2 fluctuant furuncles: L axilla x1, R axilla x1.\nA: Furuncles.\nP: I&D of both abscesses, each incised and drained, loculations broken up.",
      "10061",
    ],
    [
      "a bare removal takes the tags counted on the exam line",
      "O: skin tags neck x14, axillae x7.\nP: Removed all 21 with iris scissors.",
      "11200 11201",
    ],
    [
      "an I&D takes the abscess of the assessment line and the site of the exam line above it",
      "S: tender lump for 4 days\nO: 3 cm fluctuant erythematous nodule L groin\nA: abscess\nP: I&D done, packed with iodoform gauze.",
      "10060",
    ],
    [
      "each plan line takes its own assessment line, not an earlier problem's",
      "A: ISK L shoulder 0.9 cm.\nP: Removed by shave technique.\nA: AK scalp x3.\nP: Treated.",
      "11301 17000 17003x2",
    ],
    [
      "a bare removal under a numbered list of two problems picks neither",
      "A: 1. ISK L shoulder 0.9 cm\n2. AK scalp\nP: Removed.",
      "",
    ],
    [
      "a planned removal is not billed",
      "A: ISK L shoulder 0.9 cm.\nP: Will remove by shave technique next visit.",
      "",
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
