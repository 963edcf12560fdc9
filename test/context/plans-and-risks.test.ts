/**
 * Procedures named only as risks, plans, consultations, education or choices are not billed,
 * and they do not take the place of the procedure done today (round 9, patterns 1 and 2).
 * Sentence rows run on the real context lexicon; note rows run the whole pipeline.
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { suggest } from "../../src/index.ts";

const ctx = compileContext(readContextLexicon());

const notBilled: [string, string, string, object][] = [
  [
    "a procedure listed in parentheses after a risk",
    "Consent: risks of bleeding, scarring and a need for more surgery (Mohs, re-excision or a graft) were explained.",
    "Mohs",
    { temporality: "hypothetical" },
  ],
  [
    "the last item of a parenthesised risk list",
    "Risks include need for further surgery (re-excision or skin graft).",
    "skin graft",
    { temporality: "hypothetical" },
  ],
  [
    "a short parenthesis spelling out a discussed treatment",
    "Discussed excimer laser (308 nm) for the knee plaques.",
    "308 nm",
    { temporality: "hypothetical" },
  ],
  [
    "a procedure named by a consultation title",
    "EXCISION CONSULT",
    "EXCISION",
    { temporality: "hypothetical" },
  ],
  [
    "a procedure in a Mohs consultation title",
    "MOHS SURGERY CONSULTATION",
    "MOHS",
    { temporality: "hypothetical" },
  ],
  [
    "a procedure the lesion meets criteria for",
    "Nodular BCC of the ala, meets AUC for Mohs.",
    "Mohs",
    { temporality: "hypothetical" },
  ],
  [
    "a treatment waiting for a return visit in some weeks",
    "RTC 6 wks for cryotherapy of the remaining warts.",
    "cryotherapy",
    { temporality: "hypothetical" },
  ],
  [
    "a treatment that would be cosmetic",
    "Shave removal would be cosmetic and is not covered.",
    "Shave removal",
    { temporality: "hypothetical" },
  ],
  [
    "a procedure named by its consent form",
    "Punch biopsy consent form signed at the front desk.",
    "Punch biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "education about a procedure, after it",
    "Correct toenail trimming reviewed with the mother.",
    "toenail trimming",
    { temporality: "hypothetical" },
  ],
  [
    "education about a procedure, before it",
    "Pt educated on nail trimming straight across.",
    "nail trimming",
    { temporality: "hypothetical" },
  ],
  [
    "an earlier procedure whose wound has healed",
    "Start fluorouracil once her excision has healed.",
    "excision",
    { temporality: "historical" },
  ],
];

const billed: [string, string, string][] = [
  [
    "a procedure before an aside that tells something else",
    "Recommend excision of the cyst (biopsy today).",
    "biopsy",
  ],
  [
    "a procedure before a parenthesis with a trigger of its own",
    "Recommend Mohs (shave biopsy taken today, path pending).",
    "shave biopsy",
  ],
  [
    "a procedure named before the consultation word is far",
    "Shave biopsy of the arm done during the consultation.",
    "Shave biopsy",
  ],
  [
    "a procedure before a reviewed word two words away",
    "Shave biopsy, wound care and aftercare reviewed.",
    "Shave biopsy",
  ],
];

describe("risks, plans and education", () => {
  it.each(notBilled)("does not bill %s", (_title, sentence, concept, expected) => {
    const assertion = assertConcept(sentence, concept, ctx);
    expect(assertion).toMatchObject({ ...expected, billable: false });
  });
  it.each(billed)("bills %s", (_title, sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx).billable).toBe(true);
  });
});

function codes(note: string): string[] {
  return suggest(note).codes.map((line) => `${line.code}x${line.units}`);
}

describe("notes", () => {
  it("keeps today's excision and repair when the consent lists further surgery in parentheses", () => {
    const note = [
      "Procedure: excision of SCC in situ, right dorsal forearm, 0.9 cm, 3 mm margins.",
      "Layered closure, final length 3.5 cm.",
      "Consent: risks of infection, scarring and need for more surgery (re-excision, Mohs or skin graft) reviewed.",
    ].join("\n");
    expect(codes(note)).toEqual(["11602x1", "12032x1"]);
  });
  it("bills nothing under a 'Planned procedure:' label", () => {
    const note = [
      "Surgery date: 03/14 (booked)",
      "Planned procedure: excision of BCC of the right temple (about 2.5 cm) with rotation flap.",
    ].join("\n");
    expect(codes(note)).toEqual([]);
  });
  it("does not read a hyphenated 'frozen-section' as a procedure done", () => {
    const note =
      "Proposed procedure: excision of the BCC of the left cheek (2 cm), frozen-section margin control, advancement flap.";
    expect(codes(note)).toEqual([]);
  });
  it("bills no Mohs for a consultation title and an indication", () => {
    const note = [
      "MOHS SURGERY CONSULTATION",
      "Assessment: nodular BCC, right alar crease, meets AUC for Mohs.",
    ].join("\n");
    expect(codes(note)).toEqual([]);
  });
  it("bills no nail trimming for education", () => {
    expect(
      codes("Ingrown R great toenail, wisp of cotton placed today, proper nail trimming reviewed."),
    ).toEqual([]);
  });
});
