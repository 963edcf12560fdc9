/**
 * A hand-built SuggestResult for the page's sample note, used to check the page's rendering
 * independently of the pipeline. Spans are located in whatever text is given, so they always
 * satisfy text.slice(start, end) === span.text; phrases that are absent are left out.
 */
import type { Procedure, Span, SuggestOptions, SuggestResult } from "../../src/schemas/api.ts";

function span(text: string, phrase: string, after = ""): Span[] {
  const from = after ? text.indexOf(after) : 0;
  const start = from === -1 ? -1 : text.indexOf(phrase, from);
  return start === -1 ? [] : [{ start, end: start + phrase.length, text: phrase }];
}

const assertion = (over: Partial<Procedure["assertion"]> = {}): Procedure["assertion"] => ({
  negation: "affirmed",
  temporality: "recent",
  experiencer: "patient",
  billable: true,
  ruleIds: [],
  ...over,
});

function procedure(
  id: string,
  kind: string,
  evidence: Span[],
  over: Partial<Procedure> = {},
): Procedure {
  return {
    id,
    kind,
    sizes: { all: [] },
    malignancy: "unknown",
    assertion: assertion(),
    evidence,
    ruleIds: [],
    ...over,
  };
}

export function fakeSuggest(text: string, options: SuggestOptions = {}): SuggestResult {
  const biopsy = [
    ...span(text, "tangential shave biopsy", "Procedure 1"),
    ...span(text, "0.7 cm", "Procedure 1"),
    ...span(text, "left upper back", "Procedure 1"),
  ];
  const aks = [
    ...span(text, "Four actinic keratoses", "Procedure 2"),
    ...span(text, "liquid nitrogen cryotherapy", "Procedure 2"),
  ];
  const factors = [
    { name: "explicit lesion size", weight: 0.12 },
    { name: "technique named", weight: 0.08 },
  ];
  const line = { diagnoses: [], factors, ruleIds: ["fake"] };
  return {
    ...(options.id !== undefined ? { id: options.id } : {}),
    codeSet: "2026",
    lexiconVersion: "0.0.0-test",
    codes: [
      {
        ...line,
        code: "11102",
        units: 1,
        modifiers: ["XS"],
        confidence: 0.93,
        description: "Tangential biopsy of skin, first lesion",
        rationale: "Shave (tangential) technique named; one lesion on the left upper back.",
        procedure: 0,
        evidence: biopsy,
      },
      {
        ...line,
        code: "17000",
        units: 1,
        modifiers: [],
        confidence: 0.88,
        description: "Destruction of a premalignant lesion, first",
        rationale: "Cryotherapy of actinic keratoses; the first lesion.",
        procedure: 1,
        evidence: aks,
      },
      {
        ...line,
        code: "17003",
        units: 3,
        modifiers: [],
        confidence: 0.64,
        description: "Destruction of premalignant lesions, each of lesions 2 to 14",
        rationale: "Four lesions counted: three beyond the first.",
        procedure: 1,
        evidence: aks,
      },
    ],
    procedures: [
      procedure("p0", "biopsy", biopsy, { technique: "tangential", malignancy: "pending" }),
      procedure("p1", "destruction", aks, { malignancy: "premalignant", count: 4 }),
      procedure("p2", "mohs", span(text, "Mohs surgery in 2019"), {
        assertion: assertion({
          temporality: "historical",
          billable: false,
          reason: "Performed in the past (history section).",
        }),
      }),
      procedure("p3", "destruction", span(text, "was not treated"), {
        assertion: assertion({
          negation: "negated",
          billable: false,
          reason: "Documented as not done.",
        }),
      }),
      procedure("p4", "excision", span(text, "schedule an excision"), {
        assertion: assertion({
          temporality: "hypothetical",
          billable: false,
          reason: "Planned for a later visit.",
        }),
      }),
    ],
    diagnoses: [],
    warnings: [
      {
        kind: "histology_pending",
        message: "Pathology is pending for the biopsy; the code does not depend on it.",
        procedure: 0,
        ...(span(text, "sent to dermatopathology")[0]
          ? { span: span(text, "sent to dermatopathology")[0] }
          : {}),
      },
    ],
  };
}
