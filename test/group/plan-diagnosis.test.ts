/**
 * A "Plan:" section is planned by default; a sentence saying the procedure was done today
 * ("performed", "applied", "today") bills it, and the diagnosis named in the plan's sentence
 * before it (planned only by the section's default) is the lesion it treats.
 */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("a procedure done today, told in a plan section", () => {
  it.each([
    ["Plan: BCC R nose, 0.8 cm. ED&C performed.", "17281"],
    ["Plan: SCC in situ on the back, 1.2 cm. ED&C performed today.", "17262"],
    ["Plan: BCC on the arm, 0.5 cm. Curettage and electrodesiccation done today.", "17260"],
    ["Plan: excision at next visit. LN2 to 14 warts on the arm today.", "17110"],
  ])("%j is coded %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("planned procedures stay unbilled", () => {
  it.each([
    ["Plan: BCC R nose, 0.8 cm. Mohs at next visit."],
    ["Plan: BCC R nose, 0.8 cm. Will schedule ED&C."],
    ["Plan: consider LN2 to the warts on the arm at the next visit."],
    ["Plan: return for excision of the 1.2 cm cyst on the back."],
  ])("%j bills nothing", (note) => {
    expect(codes(note)).toBe("");
  });

  // "If pathology shows ...": a diagnosis supposed by its own words is not the treated lesion's.
  it("keeps a supposed diagnosis off a biopsy done today", () => {
    expect(
      codes("Plan: if biopsy shows BCC, excise. Shave biopsy of a 0.8 cm papule R nose performed."),
    ).toBe("11102");
  });
});
