/**
 * Two destructions told in one sentence with other techniques, each on a lesion type of its own,
 * are two procedures: the counted premalignant or benign lesions and the cancer are coded apart.
 * A second technique on the same lesion ("then LN2 to the base") stays one procedure. A procedure
 * told in another clause with another billing status is another procedure, and a bare "weeks" in
 * the sentence does not make an ED&C an obstetric "EDC".
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

function codes(note: string): string[] {
  return suggest(note)
    .codes.map((line) => `${line.code}x${line.units}`)
    .sort();
}

const cases: [string, string, string[]][] = [
  [
    "cryotherapy of AKs, then curettage of a cancer",
    "LN2 to 5 AKs on the face; ED&C of BCC left arm 0.8 cm.",
    ["17000x1", "17003x4", "17261x1"],
  ],
  [
    "curettage of a cancer, then cryotherapy of warts",
    "ED&C of BCC left arm 0.8 cm; LN2 to 3 warts on the hand.",
    ["17110x1", "17261x1"],
  ],
  [
    "cryotherapy of warts today, then curettage of a cancer",
    "LN2 to 3 warts on the hand today; ED&C of BCC left arm 0.8 cm.",
    ["17110x1", "17261x1"],
  ],
  [
    "a destruction done earlier, then one done today, in one sentence",
    "Cryotherapy to 3 warts 2 weeks ago; today ED&C of BCC left arm 0.8 cm.",
    ["17261x1"],
  ],
  [
    "a curettage before a follow-up in weeks (no obstetric 'EDC')",
    "ED&C of BCC left arm 0.8 cm; follow up in 2 weeks.",
    ["17261x1"],
  ],
  ["an obstetric EDC", "G2P1 at 32 weeks gestation, EDC 3/4/2027.", []],
  [
    "a second technique on the same lesion",
    "ED&C of BCC on the back, 1.0 cm; then LN2 to the base.",
    ["17261x1"],
  ],
  [
    "two techniques told of one lesion",
    "The BCC on the left forearm, 0.9 cm, was curetted and then frozen with LN2.",
    ["17261x1"],
  ],
];

describe("destructions of other techniques in one sentence", () => {
  it.each(cases)("codes %s", (_title, note, expected) => {
    expect(codes(note)).toEqual(expected);
  });
});
