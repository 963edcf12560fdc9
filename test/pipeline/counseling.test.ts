/**
 * Notes that talk about procedures without doing them today: option lists, patient education,
 * visits named for an earlier procedure, the healing wound of one, and the phrases "would help"
 * and "after the last"; beside them, what is done today is still billed.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";

const codes = (note: string) => suggest(note).codes.map((c) => c.code);

describe("procedures talked about, not done", () => {
  it.each([
    "Options for the BCC on the back include excision or ED&C.",
    "Treatment options reviewed with the patient: excision, Mohs surgery, ED&C.",
    "We explained that Mohs surgery offers the highest cure rate for the BCC on the nose.",
    "Punch biopsy on the back would help confirm the diagnosis.",
    "Mohs follow-up: left nasal ala defect healing well.",
    "Biopsy follow-up visit. Pathology: benign compound nevus of the left arm.",
    "Phototherapy visit. No phototherapy delivered today.",
    "The punch biopsy site on the left arm is healing well.",
    "Mild erythema after the last narrowband UVB treatment.",
  ])("bills nothing for %j", (note) => {
    expect(codes(note)).toEqual([]);
  });
});

describe("what is done beside them", () => {
  it.each([
    ["Biopsy site: left forearm. Shave biopsy performed.", ["11102"]],
    [
      "Phototherapy visit #12: narrowband UVB 600 mJ/cm2 delivered to the trunk and limbs.",
      ["96900"],
    ],
    ["Mohs surgery of the nose: stage I, 2 blocks, clear. Follow-up in 1 week.", ["17311"]],
    [
      "Options were discussed and the patient chose excision, which was performed today: 1.0 cm BCC of the back excised with 4 mm margins.",
      ["11602"],
    ],
    [
      "Shave biopsy of the left arm today; the previous biopsy site on the back is healing well.",
      ["11102"],
    ],
    [
      "Excision of biopsy-proven SCC, left upper arm, excised diameter 1.7 cm. Intermediate (layered) closure, 5.0 cm.",
      ["11602", "12032"],
    ],
  ])("%j is coded %j", (note, expected) => {
    expect(codes(note)).toEqual(expected);
  });
});
