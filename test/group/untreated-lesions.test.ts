import { describe, expect, it } from "vitest";
import { run, shippedCodes } from "./notes.ts";

// Lesions a note leaves untreated, or treated in the past, lend no count, type or site to a
// procedure told in another sentence; a procedure that places its lesion at a site of its own
// takes what is told at that site.
describe("untreated or past lesions lend nothing to today's procedure", () => {
  it.each([
    [
      "untreated SKs beside the frozen AKs",
      "Exam: 3 AKs on the scalp. Many SKs on the back, no treatment. Procedure: LN2 to the 3 scalp lesions.",
      "17000 17003x2",
    ],
    [
      "SKs to observe named before the AKs frozen",
      "Exam: 2 AKs of the scalp. Observe 4 SKs on the chest. LN2 to the 2 scalp lesions today.",
      "17000 17003",
    ],
    [
      "other SKs counted beside the one shaved",
      "Exam: 1.4 cm irritated SK of the L flank. 5 other SKs on the back. The L flank lesion was removed by shave.",
      "11302",
    ],
    [
      "numerous other SKs beside the one shaved",
      "Exam: 1.4 cm irritated SK of the L flank. Numerous other SKs on the back. The L flank lesion was removed by shave.",
      "11302",
    ],
    [
      "a past excision's site after a same-lesion biopsy and ED&C",
      "Lesion: R upper arm, 8 mm pearly papule, r/o BCC.\nProcedure 1: shave biopsy, to path.\nProcedure 2: the base of the same lesion was then curetted and electrodesiccated x3. Final defect 1.3 cm.\nHx: SCC L back s/p excision 2020.\nPath: nodular BCC.",
      "17262",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it.each([
    // The site rule: a procedure placing its lesion at one site takes the lesion told there.
    [
      "AKs on the scalp beside SKs on the back, none said untreated",
      "Exam: 3 AKs on the scalp. 4 SKs on the back. Procedure: LN2 to the 3 scalp lesions.",
      "17000 17003x2",
    ],
    [
      "a count of the same type at another site",
      "Exam: 1.4 cm irritated SK of the L flank. 5 SKs on the back. The L flank lesion was removed by shave.",
      "11302",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it.each([
    // A count told with the treated type and site still counts the procedure.
    [
      "the count of the lesions frozen",
      "Exam: 4 AKs on the scalp. Procedure: LN2 to the scalp lesions.",
      "17000 17003x3",
    ],
    // "other" lesions in the procedure's own sentence are treated.
    [
      "other lesions frozen in the procedure's sentence",
      "LN2 to 3 AKs on the scalp and 2 other AKs on the face.",
      "17000 17003x4",
    ],
    // A past biopsy names the lesion excised today: its site still places the excision.
    [
      "a re-excision of the lesion a past biopsy placed",
      "HPI: Shave biopsy of the left upper back lesion in March showed a severely atypical nevus. Here for re-excision.\nProcedure: The 0.7 cm scar was excised with 3 mm margins (excised diameter 1.3 cm).",
      "11402",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("keeps the site of the treated lesion, not the past one's", () => {
    const r = run(
      "Lesion: R upper arm, 8 mm pearly papule, r/o BCC.\nProcedure 1: shave biopsy, to path.\nProcedure 2: the base of the same lesion was then curetted and electrodesiccated x3. Final defect 1.3 cm.\nHx: SCC L back s/p excision 2020.",
    );
    const edc = r.procedures.find((p) => p.kind === "destruction");
    expect(edc?.site?.text).toBe("R upper arm");
  });

  // A weak treatment word whose sentence names its own lesion and site is no detail of a
  // procedure told after it at another site (its lesions are not biopsied too).
  it("a treatment told before a biopsy elsewhere does not count the biopsy's lesions", () => {
    const out = shippedCodes(
      "3 AKs on the scalp were treated. I performed a shave biopsy of the right temple lesion today.",
    );
    expect(out.split(" ")).toContain("11102");
    expect(out).not.toContain("11103");
  });
});
