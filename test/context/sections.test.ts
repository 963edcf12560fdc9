/**
 * detectAssertions over a whole note: section defaults (history, family history, plan,
 * procedure), plan-section overrides ("performed", "done today"), triggers beating defaults,
 * and targets resolved within their own sentence.
 */
import { describe, expect, it } from "vitest";
import {
  type ContextSentence,
  type ContextTarget,
  cacheSentences,
  detectAssertions,
} from "../../src/context/index.ts";
import type { SectionCategory } from "../../src/types.ts";
import { miniContext } from "./mini-lexicon.ts";

const ctx = miniContext([
  ["no", "NEGATED_EXISTENCE", "forward"],
  ["will", "PLANNED", "forward"],
  ["mother", "FAMILY", "bidirectional"],
]);

/** One sentence per [section, text] pair, joined by newlines; the target is `word` in it. */
function assertIn(section: SectionCategory, text: string, word: string) {
  const sentence: ContextSentence = { start: 0, end: text.length, section };
  const start = text.toLowerCase().indexOf(word);
  const target: ContextTarget = { id: 7, start, end: start + word.length, sentence: 0 };
  return detectAssertions(text, [sentence], [target], ctx).get(7)!;
}

const cases: [string, SectionCategory, string, string, object][] = [
  [
    "defaults a history section to historical",
    "history",
    "Excision of a basal cell carcinoma.",
    "excision",
    {
      temporality: "historical",
      billable: false,
      ruleIds: ["section.history"],
      reason: "history section",
    },
  ],
  [
    "defaults a family history section to another person",
    "family_history",
    "Melanoma.",
    "melanoma",
    { experiencer: "other", temporality: "historical", billable: false },
  ],
  [
    "defaults a plan section to hypothetical",
    "plan",
    "Shave biopsy of the left arm.",
    "shave biopsy",
    { temporality: "hypothetical", billable: false, ruleIds: ["section.plan"] },
  ],
  [
    "treats a plan sentence saying 'performed' as done today",
    "plan",
    "Shave biopsy performed on the left arm.",
    "shave biopsy",
    { temporality: "recent", billable: true, ruleIds: ["override.performed"] },
  ],
  [
    "treats a plan sentence saying 'done today' as done today",
    "plan",
    "Cryotherapy to three lesions done today.",
    "cryotherapy",
    { temporality: "recent", billable: true, ruleIds: ["override.done-today"] },
  ],
  [
    "ignores an override that is itself negated",
    "plan",
    "Excision next week; no procedure performed.",
    "excision",
    { temporality: "hypothetical", billable: false, ruleIds: ["section.plan"] },
  ],
  [
    "keeps a procedure section recent",
    "procedure",
    "Tangential biopsy of the scalp.",
    "tangential biopsy",
    { temporality: "recent", billable: true, ruleIds: ["section.procedure"] },
  ],
  [
    "lets a negation trigger add to a history-section default",
    "history",
    "No melanoma.",
    "melanoma",
    { negation: "negated", temporality: "historical", ruleIds: ["t0.no", "section.history"] },
  ],
  [
    "lets a planned trigger decide before the procedure-section default",
    "procedure",
    "Will excise the lesion.",
    "excise",
    { temporality: "hypothetical", billable: false, ruleIds: ["t1.will"] },
  ],
  [
    "marks another person in any section",
    "hpi",
    "Mother had a melanoma excised.",
    "excised",
    { experiencer: "other", billable: false, reason: "other person: 'mother'" },
  ],
];

describe("section defaults", () => {
  it.each(cases)("%s", (_title, section, text, word, expected) => {
    expect(assertIn(section, text, word)).toMatchObject(expected);
  });

  it("resolves each target in its own sentence, with offsets into the whole note", () => {
    const note = "Plan: will biopsy.\nProcedure: shave biopsy of the arm, no complications.";
    const sentences: ContextSentence[] = [
      { start: 0, end: 18, section: "plan" },
      { start: 19, end: note.length, section: "procedure" },
    ];
    const second = note.indexOf("shave biopsy");
    const targets: ContextTarget[] = [
      { id: 1, start: 11, end: 17, sentence: 0 },
      { id: 2, start: second, end: second + 12, sentence: 1 },
      { id: 3, start: note.indexOf("complications"), end: note.length - 1, sentence: 1 },
    ];
    const result = detectAssertions(note, sentences, targets, ctx);
    expect(result.get(1)).toMatchObject({ temporality: "hypothetical", billable: false });
    expect(result.get(2)).toMatchObject({ negation: "affirmed", billable: true });
    expect(result.get(3)).toMatchObject({ negation: "negated" });
  });

  it("reuses a sentence's analysis at another offset and never across sections", () => {
    cacheSentences(ctx);
    const text = "Shave biopsy of the left arm, no bleeding.";
    const note = `Procedure: x.\n${text}\n${text}\n${text}`;
    const at = [1, 2, 3].map((k) => note.indexOf(text) + (k - 1) * (text.length + 1));
    const sections: SectionCategory[] = ["procedure", "procedure", "plan"];
    const sentences: ContextSentence[] = at.map((start, k) => ({
      start,
      end: start + text.length,
      section: sections[k]!,
    }));
    const targets: ContextTarget[] = at.flatMap((start, k) => [
      { id: 10 * k, start, end: start + 12, sentence: k },
      { id: 10 * k + 1, start: start + 33, end: start + 41, sentence: k },
    ]);
    const result = detectAssertions(note, sentences, targets, ctx);
    expect(result.get(0)).toMatchObject({ negation: "affirmed", billable: true });
    expect(result.get(1)).toMatchObject({ negation: "negated" });
    expect(result.get(10)).toEqual(result.get(0));
    expect(result.get(11)).toEqual(result.get(1));
    expect(result.get(20)).toMatchObject({ temporality: "hypothetical", billable: false });
  });

  it("rejects a target that points at a missing sentence", () => {
    const target: ContextTarget = { id: 1, start: 0, end: 1, sentence: 3 };
    expect(() => detectAssertions("x", [], [target], ctx)).toThrow(RangeError);
  });
});
