import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../../src/pipeline/suggest.ts";
import { classifyHeader, detectSections } from "../../src/text/sections.ts";
import { MINI_LEXICON } from "../extract/mini-lexicon.ts";

const lex = MINI_LEXICON.sections;

/** [category, header text, trimmed body] of every section after the implicit leading one. */
function sections(note: string): [string, string, string][] {
  return detectSections(note, lex)
    .slice(1)
    .map((s) => [
      s.category,
      note.slice(s.title.start, s.title.end),
      note.slice(s.body.start, s.body.end).trim(),
    ]);
}

describe("detectSections", () => {
  it.each<[string, string, [string, string, string][]]>([
    [
      "an op-note title header followed by a plan",
      "PROCEDURE PERFORMED: Shave biopsy.\nPlan: recheck in 3 months.",
      [
        ["procedure_title", "PROCEDURE PERFORMED", "Shave biopsy."],
        ["plan", "Plan", "recheck in 3 months."],
      ],
    ],
    [
      "an op-note description header",
      "DESCRIPTION OF PROCEDURE: The area was prepped.",
      [["procedure", "DESCRIPTION OF PROCEDURE", "The area was prepped."]],
    ],
    [
      "template field labels inside a section",
      "Procedure: Excision\nSite: upper back\nSize: 1.2 cm\nMargins: 2 mm",
      [["procedure_title", "Procedure", "Excision\nSite: upper back\nSize: 1.2 cm\nMargins: 2 mm"]],
    ],
    [
      "all-caps header lines without a colon",
      "ASSESSMENT\nBCC of the nose.\nPLAN\nMohs.",
      [
        ["assessment", "ASSESSMENT", "BCC of the nose."],
        ["plan", "PLAN", "Mohs."],
      ],
    ],
    [
      "a header found by one of its words",
      "SURGICAL PATHOLOGY REPORT: basal cell carcinoma",
      [["pathology", "SURGICAL PATHOLOGY REPORT", "basal cell carcinoma"]],
    ],
    [
      "an unknown upper-case header with a colon",
      "CHIEF CONCERN: spot on back",
      [["other", "CHIEF CONCERN", "spot on back"]],
    ],
    ["an indented header", "  Plan: follow up", [["plan", "Plan", "follow up"]]],
    [
      "a mixed-case history header",
      "Past Medical History: BCC in 2019.",
      [["history", "Past Medical History", "BCC in 2019."]],
    ],
    [
      "a header inside a line of prose, heading only its own sentence",
      "Shave biopsy of the shin. Pathology: SCC in situ. Returns today for ED&C.\nPlan: recheck.",
      [
        ["pathology", "Pathology", "SCC in situ."],
        ["other", "", "Returns today for ED&C."],
        ["plan", "Plan", "recheck."],
      ],
    ],
    [
      "a header after a sentence on its line (its section ends with the line)",
      "Recheck today. Plan: return in 3 months",
      [["plan", "Plan", "return in 3 months"]],
    ],
  ])("finds %s", (_name, note, expected) => {
    expect(sections(note)).toEqual(expected);
  });

  it.each([
    ["an unknown mixed-case label", "Chief concern: spot on back"],
    ["a field label", "Site: left arm"],
    ["an unknown upper-case line", "SOME RANDOM CAPS LINE\nMore text."],
    ["a URL after a known word", "Plan://example"],
  ])("does not start a section at %s", (_name, note) => {
    expect(sections(note)).toEqual([]);
  });

  it("keeps the text before the first header in a leading section", () => {
    const note = "Patient seen today.\nPlan: recheck.";
    const [lead, plan] = detectSections(note, lex);
    expect(lead).toMatchObject({ category: "other", title: { start: 0, end: 0 } });
    expect(note.slice(lead!.body.start, lead!.body.end)).toBe("Patient seen today.\n");
    expect(plan!.ruleId).toBe("t.sec.plan");
  });

  it.each([
    ["Procedure Performed", "procedure_title"],
    ["PLAN", "plan"],
    ["Plan 2", "plan"],
    ["final pathology", "pathology"],
    ["nothing known", undefined],
    // A lesion line with a dated earlier biopsy is no header found by its words.
    ["final pathology (bx 3/2)", undefined],
    ["final pathology (1.2 cm)", undefined],
  ])("classifies the header %j as %s", (raw, category) => {
    expect(classifyHeader(raw, lex)?.category).toBe(category);
  });
});

describe("chief complaint headers (shipped sections lexicon)", () => {
  const shipped = defaultLexicon().sections;
  const of = (note: string) =>
    detectSections(note, shipped)
      .slice(1)
      .map((s) => [
        s.category,
        note.slice(s.title.start, s.title.end),
        note.slice(s.body.start, s.body.end).trim(),
      ]);

  it("heads only the complaint's own sentence; the rest of its line is untitled", () => {
    expect(of("CC: Lesion on back. Cryotherapy of 3 SKs was performed.\nPlan: recheck.")).toEqual([
      ["hpi", "CC", "Lesion on back."],
      ["other", "", "Cryotherapy of 3 SKs was performed."],
      ["plan", "Plan", "recheck."],
    ]);
  });

  it("reads 'Path results:' as pathology, ending with its paragraph", () => {
    expect(
      of("Path results: R upper back nodular BCC.\n\nAlso 3 mm punch bx R lower leg."),
    ).toEqual([
      ["pathology", "Path results", "R upper back nodular BCC."],
      ["other", "", "Also 3 mm punch bx R lower leg."],
    ]);
  });

  it("reads a complaint written on the line after its header", () => {
    const found = of("CHIEF COMPLAINT:\nRash on arms.\nHISTORY OF PRESENT ILLNESS: Itchy.");
    expect(found[0]).toEqual(["hpi", "CHIEF COMPLAINT", "Rash on arms."]);
    expect(found.at(-1)).toEqual(["hpi", "HISTORY OF PRESENT ILLNESS", "Itchy."]);
  });
});

describe("labels in one paragraph (shipped sections lexicon)", () => {
  const shipped = defaultLexicon().sections;
  const of = (note: string) =>
    detectSections(note, shipped)
      .slice(1)
      .filter((s) => note.slice(s.body.start, s.body.end).trim() !== "")
      .map((s) => [
        s.category,
        note.slice(s.title.start, s.title.end),
        note.slice(s.body.start, s.body.end).trim(),
      ]);

  it.each<[string, string, string[][]]>([
    [
      "a history section ends where a later label on its line starts",
      "Prior visit: excision of BCC upper back. Today: suture removal. Shave bx L cheek.",
      [
        ["history", "Prior visit", "excision of BCC upper back."],
        ["procedure", "Today", "suture removal."],
        ["other", "", "Shave bx L cheek."],
      ],
    ],
    [
      "an hpi section ends at the exam label after it",
      "HPI: had LN2 to AKs last year. Exam: 6 AKs on scalp. Procedure: LN2 to 6 AKs.",
      [
        ["hpi", "HPI", "had LN2 to AKs last year."],
        ["exam", "Exam", "6 AKs on scalp."],
        ["procedure_title", "Procedure", "LN2 to 6 AKs."],
      ],
    ],
    [
      "a pathology section leaves out a later sentence telling today's treatment",
      "Path: SK. Cryo to 5 AKs on the forehead today. Margins clear.",
      [
        ["pathology", "Path", "SK."],
        ["other", "", "Cryo to 5 AKs on the forehead today."],
        ["pathology", "", "Margins clear."],
      ],
    ],
    [
      "a procedure section resumes after an inline label (labels do not end it)",
      "Shave biopsy of the shin. Pathology: SCC in situ. Returns today for ED&C.",
      [
        ["pathology", "Pathology", "SCC in situ."],
        ["other", "", "Returns today for ED&C."],
      ],
    ],
    [
      "a history paragraph with no label or today sentence stays whole",
      "PMH: BCC excised 2019. Mohs of the nose 2021.",
      [["history", "PMH", "BCC excised 2019. Mohs of the nose 2021."]],
    ],
  ])("%s", (_name, note, expected) => {
    expect(of(note)).toEqual(expected);
  });
});

describe("upper-case procedure labels with a count or a size (shipped sections lexicon)", () => {
  const shipped = defaultLexicon().sections;
  const titles = (note: string) =>
    detectSections(note, shipped)
      .slice(1)
      .map((s) => note.slice(s.title.start, s.title.end));

  it.each([
    "SHAVE BX X 2: R SHOULDER, L UPPER BACK.",
    "PUNCH BX 4MM: L CALF",
    "LN2 TO AKS X 3: SCALP",
  ])("reads %j as a procedure line, not a header", (note) => {
    expect(titles(note)).toEqual([]);
  });

  it.each([
    // Nothing after the colon: a title of the lines below.
    ["SHAVE BX X 2:\nR shoulder.", "SHAVE BX X 2"],
    // "LN2" is a procedure word, not a count.
    ["LN2 TO AKS: SCALP", "LN2 TO AKS"],
    // No procedure term starts it.
    ["REVIEW 2: stable.", "REVIEW 2"],
  ])("keeps %j a header", (note, title) => {
    expect(titles(note)).toEqual([title]);
  });
});

describe("procedure fields after a history line (shipped sections lexicon)", () => {
  const shipped = defaultLexicon().sections;
  const of = (note: string) =>
    detectSections(note, shipped)
      .slice(1)
      .filter((s) => note.slice(s.body.start, s.body.end).trim() !== "")
      .map((s) => [s.category, note.slice(s.body.start, s.body.end).trim(), s.ruleId ?? ""]);

  it.each<[string, string, string[][]]>([
    [
      "a repair field ends a one-line past history",
      "PMH: diabetes.\nRepair: layered closure 4 cm R thigh.",
      [
        ["history", "diabetes.", "sec.history"],
        ["procedure", "Repair: layered closure 4 cm R thigh.", "sec.fields.end-history"],
      ],
    ],
    [
      "Mohs stage fields with roman numerals end a surgical history line",
      "PMH: Mohs x2 (nose 2019).\nStage I: 2 blocks.\nStage II: 1 block, clear.",
      [
        ["history", "Mohs x2 (nose 2019).", "sec.history"],
        ["procedure", "Stage I: 2 blocks.\nStage II: 1 block, clear.", "sec.fields.end-history"],
      ],
    ],
    [
      "a lesion field (site) does not end the history it describes",
      "PMH: melanoma 2015.\nSite: L back.",
      [["history", "melanoma 2015.\nSite: L back.", "sec.history"]],
    ],
  ])("%s", (_name, note, expected) => {
    expect(of(note)).toEqual(expected);
  });
});

describe("a history word in brackets (shipped sections lexicon)", () => {
  const shipped = defaultLexicon().sections;
  it.each([
    // The bracket qualifies a lesion line: no history header.
    ["SCC R forearm (prior bx) excised", undefined],
    ["Nevus L shoulder (previous shave)", undefined],
    // The word outside brackets still names the header's topic.
    ["Prior surgeries (reviewed)", "history"],
    ["Previous treatments", "history"],
  ])("classifies %j as %s", (raw, category) => {
    expect(classifyHeader(raw, shipped)?.category).toBe(category);
  });
});
