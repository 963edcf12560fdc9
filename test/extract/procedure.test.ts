import { describe, expect, it } from "vitest";
import { extractMentions } from "../../src/extract/index.ts";
import { extractProcedures } from "../../src/extract/procedure.ts";
import {
  docOf,
  lexiconWith,
  MINI_HISTOLOGY,
  MINI_LEXICON,
  MINI_PROCEDURES,
  MINI_SITES,
} from "./mini-lexicon.ts";

/** "punch biopsy: biopsy/punch" for each procedure term; "+punch" for a technique word. */
function procedures(note: string): string[] {
  return extractProcedures(docOf(note), MINI_LEXICON).map((m) =>
    m.kind === "procedure"
      ? `${m.text}: ${m.procedure}${m.technique ? `/${m.technique}` : ""}${m.pathologyCue ? " (done before)" : ""}`
      : `+${m.technique}`,
  );
}

describe("extractProcedures", () => {
  it.each([
    ["Punch biopsy of the left arm", ["Punch biopsy: biopsy/punch", "+punch"]],
    ["4 mm punch biopsy", ["punch biopsy: biopsy/punch", "+punch"]],
    ["Shave bx, R cheek", ["Shave bx: biopsy/tangential"]],
    ["biopsy with a punch", ["biopsy: biopsy", "+punch"]],
    ["Shave removal of an SK", ["Shave removal: shave"]],
    ["LN2 to 4 AKs", ["LN2: destruction/cryo"]],
    ["ED&C of the base", ["ED&C: destruction/curettage"]],
    ["The lesion was excised", ["excised: excision"]],
    ["layered closure", ["layered closure: repair"]],
    ["biopsy-proven BCC", ["biopsy: biopsy (done before)"]],
    ["Biopsy of the arm showed BCC", ["Biopsy: biopsy (done before)"]],
    ["bx on the back in May came back positive", ["bx: biopsy (done before)"]],
    ["Biopsy of the arm on 03/12/2026 by Dr. Smith showed BCC", ["Biopsy: biopsy (done before)"]],
    [
      "Biopsy of the arm was done today and the patient was told that the one last year showed BCC",
      ["Biopsy: biopsy"],
    ],
    ["Biopsy of a papule showing ulceration", ["Biopsy: biopsy"]],
    ["LN2 to 4 AKs, which showed frosting", ["LN2: destruction/cryo"]],
    ["frozen section", []],
  ])("reads %j as %j", (note, expected) => {
    expect(procedures(note)).toEqual(expected);
  });

  it("marks the repair type of a closure term", () => {
    const [m] = extractProcedures(docOf("layered closure"), MINI_LEXICON);
    expect(m).toMatchObject({
      kind: "procedure",
      repairType: "intermediate",
      ruleId: "t.proc.layered",
    });
  });
});

describe("extractMentions (the extractor registry)", () => {
  const notes = [
    "Shave bx of 0.6 × 0.4 cm lesion, L cheek — path pending.",
    "😀 LN2 x3: L cheek, nose, R cheek. 12 AKs\u00a0on the scalp; CPT 11100.",
    "İ PROCEDURE: Excision of BCC, upper back, 1.2 cm x 8 mm, 2 mm margins; layered closure 3 cm.",
  ];

  it.each(notes)("returns mentions of %j in note order with ids 0..n-1", (note) => {
    const mentions = extractMentions(docOf(note), MINI_LEXICON);
    expect(mentions.length).toBeGreaterThan(3);
    mentions.forEach((m, i) => {
      expect(m.id).toBe(i);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1]!.start);
    });
  });

  it.each(notes)("keeps text === note.slice(start, end) for every mention of %j", (note) => {
    for (const m of extractMentions(docOf(note), MINI_LEXICON)) {
      expect(note.slice(m.start, m.end)).toBe(m.text);
      expect(m.sentence).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("a bare procedure word that needs its object named (procedure term needsLesionType)", () => {
  // "scrape" names a destruction only of a wart; a longer term that names its object needs none.
  const lex = lexiconWith({
    ...{ sites: MINI_SITES, histology: MINI_HISTOLOGY },
    procedures: {
      ...MINI_PROCEDURES,
      terms: [
        ...MINI_PROCEDURES.terms,
        {
          id: "t.proc.scrape",
          procedure: "destruction",
          needsLesionType: ["wart"],
          literals: ["scrape", "scraped"],
        },
      ],
    },
  });
  const kept = (note: string) =>
    extractMentions(docOf(note, lex), lex)
      .filter((m) => m.kind === "procedure")
      .map((m) => m.text);

  it.each([
    // The object is found whatever words stand before it.
    ["The large thick irritated wart was scraped.", ["scraped"]],
    ["Scrape of the entire plantar wart.", ["Scrape"]],
    // Without it in the sentence, the word is no procedure.
    ["The knee was scraped in a fall.", []],
    ["Scrape. The wart was painful.", []],
    // Other procedure terms are not affected.
    ["The nevus was excised.", ["excised"]],
  ])("keeps in %j the procedures %j", (note, expected) => {
    expect(kept(note)).toEqual(expected);
  });
});
