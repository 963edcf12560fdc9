import { describe, expect, it } from "vitest";
import { codes, shippedCodes } from "../group/notes.ts";

describe("Mohs stages and blocks", () => {
  it.each([
    ["Mohs surgery for biopsy-proven BCC of the nose. Stage 1: 4 blocks.", "17311"],
    [
      "Mohs surgery for biopsy-proven BCC of the nose. Stage 1: 4 blocks. Stage 2: 2 blocks.",
      "17311 17312",
    ],
    [
      "Mohs surgery for biopsy-proven BCC of the nose. Stage I: 7 blocks. Stage II: 3 blocks.",
      "17311 17312 17315x2",
    ],
    [
      "Mohs surgery for biopsy-proven SCC of the back. Stage 1: 3 blocks. Stage 2: 2 blocks. Stage 3: 1 block.",
      "17313 17314x2",
    ],
    [
      "Mohs surgery for biopsy-proven BCC of the scalp. Stage 1: 6 blocks. Stage 2: 6 blocks.",
      "17311 17312 17315x2",
    ],
    ["Mohs of biopsy-proven SCC of the back, 1 stage 4 blocks, clear.", "17313"],
    [
      "Mohs of biopsy-proven BCC of the nose.\nStage | Blocks | Result\nI | 7 | residual tumor\nII | 1 | clear",
      "17311 17312 17315x2",
    ],
    // A titled note whose history names an earlier Mohs still reads today's stage table.
    [
      "MOHS SURGERY NOTE\nHistory: biopsy-proven BCC of the nose. s/p Mohs of the back 2019.\n\nStage | Blocks | Result\nI | 2 | residual tumor\nII | 1 | clear",
      "17311 17312",
    ],
    ["Mohs of biopsy-proven BCC of the nose: stage 1 4 blocks, stage 2 2 blocks.", "17311 17312"],
    [
      "Mohs surgery for biopsy-proven SCC of the nose: first stage 7 tissue blocks, second stage 4 blocks, third stage 2 blocks, clear.",
      "17311 17312x2 17315x2",
    ],
    // A stage number in digits followed by its block count in words: the number names the stage.
    ["mohs bcc R nasal ala. stage 1 two blocks, pos. stage 2 one block, clear.", "17311 17312"],
    [
      "mohs scc L forearm, bx proven. stage 1 six blocks, positive, stage 2 three blocks, clear.",
      "17313 17314 17315",
    ],
    [
      "Mohs of biopsy-proven BCC of the nose: stage one 3 blocks, stage two 2 blocks.",
      "17311 17312",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("Mohs named by its abbreviation", () => {
  it("reads MMS as Mohs, with its stages, blocks and repair", () => {
    expect(
      codes(
        "MMS, infiltrative BCC mid back (bx proven). Stage 1: 7 blocks; stage 2: 2 blocks, clear. Final defect 2.8 cm; complex repair with extensive undermining, 7.0 cm.",
      ),
    ).toBe("17313 17314 17315x2 13101");
  });
});

describe("two tumours treated by Mohs in one note", () => {
  it.each([
    [
      "Mohs of SCC on the right dorsal hand: stage 1, 4 blocks, positive; stage 2, 2 blocks, clear; layered closure 3.0 cm. Mohs of BCC on the left upper back: stage 1, 3 blocks, clear; layered closure 2.4 cm.",
      "17311 17312 17313 12042 12031",
    ],
    [
      "Mohs of SCC on the right dorsal hand.\nStage 1: 4 blocks, positive.\nStage 2: 2 blocks, clear.\nMohs of BCC on the left upper back.\nStage 1: 3 blocks, clear.",
      "17311 17312 17313",
    ],
  ])("reads each tumour's own stages: %j", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a Mohs report treating several tumours", () => {
  it.each([
    [
      "MOHS REPORT - two tumors.\nTumor 1: BCC, left cheek. Stage I: 3 blocks, positive. Stage II: 1 block, clear. Defect 1.4 x 1.2 cm.\nTumor 2: SCC, upper back. Stage I: 2 blocks, clear. Defect 1.0 cm.",
      "17311 17312 17313",
    ],
    [
      "Mohs surgery, two sites.\nSite 1 - BCC, nasal tip. First stage: 2 sections, positive. Second stage: 1 section, clear. Complex repair with extensive undermining, 2.0 cm.\nSite 2 - BCC, right cheek. First stage: 2 sections, clear. Layered closure, 3.0 cm.",
      "17311x2 17312 13151 12052",
    ],
    // A cancer named again at the same place, or one of the history, is not a second tumour.
    [
      "Mohs surgery for BCC of the left cheek. Stage I: 2 blocks, positive. Stage II: 1 block, clear. BCC of the left cheek now clear; layered closure 2.5 cm.",
      "17311 17312 12051",
    ],
    [
      "Mohs surgery for BCC of the nose. Stage I: 2 blocks, positive. Stage II: 1 block, clear. He had an SCC of the back excised in 2019.",
      "17311 17312",
    ],
  ])("codes each tumour's first stage, further stages and closure: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("several tumours under one lead-in", () => {
  it.each([
    // Site-labelled lines, each with its own first stage, after a lead-in naming the cancers.
    [
      "Mohs on two BCCs. L cheek: stage I 3 blocks, clear. R nose: stage I 4 blocks, clear.",
      "17311x2",
    ],
    [
      "Mohs on two BCCs. L arm: stage I 3 blocks, clear. R cheek: stage I 4 blocks, clear.",
      "17311 17313",
    ],
    // The site on its own line before the repeated first stage; each tumour keeps its stages.
    [
      "Mohs on two BCCs.\nL arm: stage I 3 blocks, positive. Stage II 1 block, clear.\nR cheek.\nStage I: 4 blocks, clear.",
      "17311 17313 17314",
    ],
    [
      "Mohs for two SCCs. First tumour, left arm: stage 1, 2 blocks, clear. Second tumour, right cheek: first stage 3 blocks, clear.",
      "17311 17313",
    ],
  ])("codes each tumour's first stage: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // A first stage named again at the same place, or with no place, is the same tumour.
    [
      "Mohs for BCC of the nose. Stage 1: 3 blocks, positive. Stage 1 margins mapped on the nose. Stage 2: 1 block, clear.",
      "17311 17312",
    ],
    [
      "Mohs for BCC of the nose. Stage 1: 3 blocks, positive. Stage 1 map reviewed. Stage 2: 1 block, clear.",
      "17311 17312",
    ],
  ])("keeps one tumour: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
