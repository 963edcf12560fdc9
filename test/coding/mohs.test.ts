import { describe, expect, it } from "vitest";
import { codes } from "../group/notes.ts";

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
    [
      "Mohs surgery for biopsy-proven SCC of the nose: first stage 7 tissue blocks, second stage 4 blocks, third stage 2 blocks, clear.",
      "17311 17312x2 17315x2",
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
