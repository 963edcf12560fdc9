/**
 * A choice or a booking is a plan, a procedure held for a condition is not done, and a
 * procedure dated to another day than the visit's is an earlier one (round 10, fix A1).
 * Sentence rows run on the real context lexicon; note rows run the whole pipeline.
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { suggest } from "../../src/index.ts";

const ctx = compileContext(readContextLexicon());

const notBilled: [string, string, string, string][] = [
  // choices and bookings
  [
    "a procedure the patient elects",
    "Nodular BCC of the nose; pt elects excision.",
    "excision",
    "hypothetical",
  ],
  [
    "a procedure the patient opts to have",
    "She opts to have cryotherapy next month.",
    "cryotherapy",
    "hypothetical",
  ],
  [
    "a procedure the patient agrees to",
    "Patient agrees to Mohs surgery with Dr. Lee.",
    "Mohs surgery",
    "hypothetical",
  ],
  [
    "a procedure the patient is agreeable to",
    "He is agreeable to a punch biopsy if the rash persists.",
    "punch biopsy",
    "hypothetical",
  ],
  [
    "a procedure booked for a date",
    "Excision of the cyst booked for 5/14.",
    "Excision",
    "hypothetical",
  ],
  [
    "a patient booked for a procedure",
    "Booked for ED&C of the shin lesion.",
    "ED&C",
    "hypothetical",
  ],
  // conditions
  ["a biopsy held for a recurrence", "Biopsy if it recurs.", "Biopsy", "hypothetical"],
  ["an excision held for growth", "Excision if growing.", "Excision", "hypothetical"],
  [
    "a shave held for the lesion getting irritated",
    "Shave removal if the lesion becomes irritated.",
    "Shave removal",
    "hypothetical",
  ],
  [
    "a treatment held for persistence",
    "Cryotherapy if they persist.",
    "Cryotherapy",
    "hypothetical",
  ],
  ["a shorthand biopsy held for change", "Bx if changes.", "Bx", "hypothetical"],
  // dates
  [
    "a procedure dated on a month and day",
    "Punch biopsy of the left calf on 4/18 showed eczema.",
    "Punch biopsy",
    "historical",
  ],
  [
    "a procedure of several words dated on a month and day",
    "Shave biopsy of the mole on the right flank on 11/3, no change since.",
    "Shave biopsy",
    "historical",
  ],
  [
    "a procedure dated with its year",
    "Excision of the left shin on 6/9/24 with clear margins.",
    "Excision",
    "historical",
  ],
  [
    "a fronted date",
    "On 8/21, a shave biopsy of the chest was done.",
    "shave biopsy",
    "historical",
  ],
  [
    "the procedure of a dated earlier visit",
    "She was seen 9/30 for cryotherapy of the hand warts.",
    "cryotherapy",
    "historical",
  ],
  [
    "a technique word before a dated biopsy",
    "Punch bx 7/7 read as lichen planus.",
    "Punch bx",
    "historical",
  ],
];

const billed: [string, string, string][] = [
  [
    "a procedure before a return visit's date",
    "ED&C of the SCC in situ on the back, follow up on 3/12.",
    "ED&C",
  ],
  [
    "a procedure before the date of a suture removal",
    "Excision of the cyst of the back; sutures out on 3/12.",
    "Excision",
  ],
  ["a procedure on a fraction of an area", "LN2 applied on 1/2 of the scalp.", "LN2"],
  ["a procedure dated today", "Shave biopsy of the back on 3/2 today.", "Shave biopsy"],
  // a choice carried out now is consent to today's procedure
  [
    "a procedure the patient agrees to have today",
    "Pt agrees to proceed with ED&C of the BCC on the left forearm today.",
    "ED&C",
  ],
  [
    "a procedure the patient elects at this visit",
    "She elects cryotherapy of the two warts at this visit.",
    "cryotherapy",
  ],
  [
    "a procedure the patient is agreeable to, done today after a semicolon",
    "Patient agreeable to shave biopsy of the papule; performed today after consent.",
    "shave biopsy",
  ],
  [
    "a procedure before an 'if' that asks a question",
    "Shave biopsy performed to see if it is a BCC.",
    "Shave biopsy",
  ],
];

describe("dates and plans", () => {
  it.each(notBilled)("does not bill %s", (_title, sentence, concept, temporality) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ temporality, billable: false });
  });
  it.each(billed)("bills %s", (_title, sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx).billable).toBe(true);
  });
});

function codes(note: string): string[] {
  return suggest(note).codes.map((line) => `${line.code}x${line.units}`);
}

describe("notes", () => {
  it("bills no excision the patient elects and books", () => {
    const result = suggest("Nodular BCC right temple. Pt elects excision; scheduled for 1/15.");
    expect(result.codes).toEqual([]);
    expect(result.procedures.map((p) => [p.kind, p.assertion.temporality])).toEqual([
      ["excision", "hypothetical"],
    ]);
  });
  it("keeps the excision done today after the booking is told", () => {
    const note = [
      "Patient was scheduled today for excision.",
      "Excision performed: SCC of the left forearm, 1.4 cm lesion, margins 0.4 cm.",
    ].join("\n");
    expect(codes(note)).toContain("11603x1");
  });
  it("reads a biopsy dated to another day as historical, at its own site", () => {
    const result = suggest(
      "Shave biopsy of the lesion on back on 4/2, today cryotherapy of 3 AKs on the scalp.",
    );
    expect(result.codes.map((c) => `${c.code}x${c.units}`)).toEqual(["17000x1", "17003x2"]);
    const biopsy = result.procedures.find((p) => p.kind === "biopsy")!;
    expect(biopsy.assertion.temporality).toBe("historical");
    expect(biopsy.site?.key).toBe("back");
  });
  it("reads the biopsy of a dated earlier visit as historical", () => {
    const note =
      "Patient seen 9/30 for shave biopsy of the right arm lesion; path returned BCC. Today: ED&C of BCC right arm, 0.9 cm.";
    const result = suggest(note);
    expect(result.codes.map((c) => c.code)).toEqual(["17261"]);
    const biopsy = result.procedures.find((p) => p.kind === "biopsy")!;
    expect(biopsy.assertion.temporality).toBe("historical");
  });
  it("keeps a procedure dated to the visit's own header date", () => {
    const note = [
      "DATE OF SERVICE: 4/2/2026",
      "Shave biopsy of the lesion on the left arm on 4/2.",
    ].join("\n");
    expect(codes(note)).toEqual(["11102x1"]);
  });
  it("still reads another date than the header's as earlier", () => {
    const note = [
      "DATE OF SERVICE: 4/9/2026",
      "Shave biopsy of the lesion on the left arm on 4/2.",
    ].join("\n");
    expect(codes(note)).toEqual([]);
  });
  it("never reads a month/day date as a count", () => {
    const note = ["Date: 4/2/2026", "On 4/2, a shave biopsy of the left arm was performed."].join(
      "\n",
    );
    expect(codes(note)).toEqual(["11102x1"]);
  });
  it("keeps a site followed by a date, and still hides 'went back on'", () => {
    const result = suggest("Shave biopsy of the lesion on back on 4/2.");
    expect(result.procedures[0]?.site?.key).toBe("back");
    const other = suggest("She went back on doxycycline and had a punch biopsy today.");
    expect(other.procedures.map((p) => p.site?.key)).toEqual([undefined]);
  });
  it("reads no procedure word into a word near a 'back on' verb", () => {
    expect(suggest("The patient was excited about the plan.").procedures).toEqual([]);
  });
});
