/**
 * Where a history or family phrase inside a procedure sentence stops (src/context/scope.ts
 * mainVerbCuts, inRelativeClause; lexicon/context.json term.main-verb.*, pseudo.family-*):
 *   - the sentence's main verb ("underwent", "had", "received") ends the scope of a history,
 *     prior or family-history phrase in its subject: "a man with a history of BCC underwent a
 *     shave biopsy" bills the biopsy; a verb in a relative clause or after "and" does not;
 *   - a relative clause set off by commas (", whose father had melanoma,") ends at its comma;
 *   - a relative who consents to, or is present at, the procedure is not its experiencer.
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { suggest } from "../../src/pipeline/suggest.ts";
import { miniContext } from "./mini-lexicon.ts";

const main = { appliesTo: ["HISTORICAL", "FAMILY_HISTORY"] };
const mini = miniContext([
  ["history of", "HISTORICAL", "forward", { maxScope: 20 }],
  ["previously", "HISTORICAL", "forward"],
  ["in 2019", "HISTORICAL", "bidirectional", { maxScope: 6 }],
  ["family history", "FAMILY_HISTORY", "forward", { maxScope: 12 }],
  ["mother", "FAMILY", "bidirectional", { maxScope: 14 }],
  ["father", "FAMILY", "bidirectional", { maxScope: 14 }],
  ["underwent", "MAIN_VERB", "terminate", main],
  ["had", "MAIN_VERB", "terminate", main],
]);

type Expected = { temporality?: string; experiencer?: string };

const miniCases: [string, string, string, Expected][] = [
  [
    "the main verb ends a history phrase in the subject",
    "A man with a history of BCC underwent a shave BIOPSY of the nose.",
    "biopsy",
    { temporality: "recent" },
  ],
  [
    "the history's own object stays historical",
    "A man with a history of BCC underwent a shave biopsy of the nose.",
    "bcc",
    { temporality: "historical" },
  ],
  [
    "a relative clause set off by commas ends before the main verb",
    "A man, who has a history of BCC, underwent a shave BIOPSY.",
    "biopsy",
    { temporality: "recent" },
  ],
  [
    "a verb in a relative clause inside the phrase does not end it",
    "A history of BCC for which he underwent MOHS surgery.",
    "mohs",
    { temporality: "historical" },
  ],
  [
    "a verb joined by 'and' does not end it",
    "She has a history of BCC and had MOHS surgery on the nose.",
    "mohs",
    { temporality: "historical" },
  ],
  [
    "a forward trigger right before the verb heads its clause",
    "He previously had MOHS surgery on the nose.",
    "mohs",
    { temporality: "historical" },
  ],
  [
    "a time phrase right before the verb closes the subject it dates",
    "A man s/p Mohs for BCC of the nose in 2019 underwent a shave BIOPSY.",
    "biopsy",
    { temporality: "recent" },
  ],
  [
    "a time phrase opening the clause dates its verb",
    "In 2019 he had MOHS surgery on the nose.",
    "mohs",
    { temporality: "historical" },
  ],
  [
    "a main verb does not cut a backward scope",
    "She had MOHS surgery in 2019.",
    "mohs",
    { temporality: "historical" },
  ],
  [
    "the main verb ends a family-history phrase",
    "A man with a family history of melanoma had three AKS frozen.",
    "aks",
    { experiencer: "patient", temporality: "recent" },
  ],
  [
    "a relative's own condition stays theirs",
    "His mother had MELANOMA of the back.",
    "melanoma",
    { experiencer: "other" },
  ],
  [
    "a relative who underwent a procedure keeps it",
    "His mother underwent EXCISION of a melanoma.",
    "excision",
    { experiencer: "other" },
  ],
  [
    "a relative clause about a relative ends at its comma",
    "A man, whose father had melanoma, had three AKS frozen.",
    "aks",
    { experiencer: "patient" },
  ],
  [
    "the relative's condition inside that clause stays theirs",
    "A man, whose father had MELANOMA, had three AKs frozen.",
    "melanoma",
    { experiencer: "other" },
  ],
  [
    "a relative before a relative clause keeps the main verb",
    "His mother, who had melanoma, underwent EXCISION of a mole.",
    "excision",
    { experiencer: "other" },
  ],
];

describe("main verb ends a history phrase (mini lexicon)", () => {
  it.each(miniCases)("%s", (_title, sentence, concept, expected) => {
    expect(assertConcept(sentence, concept, mini)).toMatchObject(expected);
  });
});

const ctx = compileContext(readContextLexicon());

describe("history and family phrases in a procedure sentence (lexicon)", () => {
  it.each([
    [
      "A 70-year-old man with a history of BCC underwent a SHAVE BIOPSY of the nose.",
      "shave biopsy",
    ],
    ["A 70-year-old man with prior BCC underwent a SHAVE BIOPSY of the nose.", "shave biopsy"],
    ["A woman with a family history of melanoma had a PUNCH BIOPSY of a nevus.", "punch biopsy"],
    ["A 45-year-old with a history of keloids RECEIVED intralesional triamcinolone.", "received"],
    ["After verbal consent from the mother, 3 WARTS were treated with LN2.", "warts"],
    ["After consent from his mother, a PUNCH BIOPSY of the arm was performed.", "punch biopsy"],
    ["Consent was obtained from her father and the WARTS were frozen.", "warts"],
    ["Three WARTS on the hand were frozen, with the mother present.", "warts"],
    ["Accompanied by his father, he had 2 WARTS frozen.", "warts"],
    ["The mother gave verbal consent and 2 WARTS were frozen.", "warts"],
  ])("bills the procedure in %j", (sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ billable: true });
  });

  it.each([
    ["History of BCC EXCISION of the nose.", "excision", { temporality: "historical" }],
    ["Patient s/p EXCISION of BCC in 2019.", "excision", { temporality: "historical" }],
    ["History of melanoma for which he underwent WIDE EXCISION.", "wide excision", {}],
    ["She has a history of BCC and had MOHS surgery.", "mohs", { temporality: "historical" }],
    ["His mother had MELANOMA excised.", "melanoma", { experiencer: "other" }],
    ["A boy with a mother with PSORIASIS.", "psoriasis", { experiencer: "other" }],
  ])("does not bill %j", (sentence, concept, expected) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ ...expected, billable: false });
  });
});

describe("codes of procedures told after a history or family phrase", () => {
  const codes = (note: string) => suggest(note).codes.map((c) => [c.code, c.units]);

  it.each([
    [
      "A 70-year-old man with a history of BCC underwent a shave biopsy of a 5 mm papule on the nose.",
      [["11102", 1]],
    ],
    [
      "A 70-year-old man, who has a history of BCC, underwent a shave biopsy of a 5 mm papule on the nose.",
      [["11102", 1]],
    ],
    [
      "A patient s/p Mohs for BCC of the nose in 2019 underwent shave biopsy of a 5 mm papule on the cheek.",
      [["11102", 1]],
    ],
    [
      "A 59-year-old with a family history of melanoma had fifteen actinic keratoses on the forearms destroyed with cryotherapy.",
      [["17004", 1]],
    ],
    [
      "A 59-year-old man, whose father had melanoma, had three actinic keratoses on the forearms destroyed with cryotherapy.",
      [
        ["17000", 1],
        ["17003", 2],
      ],
    ],
    [
      "After verbal consent from the mother, 3 warts on the hand were treated with LN2.",
      [["17110", 1]],
    ],
    [
      "Three warts on the left hand were treated with LN2, with the mother present.",
      [["17110", 1]],
    ],
  ])("bills %j", (note, expected) => {
    expect(codes(note)).toEqual(expected);
  });

  it.each([
    ["History of BCC excision of the nose."],
    ["His mother had a melanoma excised from the back."],
    ["She has a history of BCC and had Mohs surgery on the nose."],
  ])("bills nothing for %j", (note) => {
    expect(codes(note)).toEqual([]);
  });
});

describe("a history phrase of the sentence's subject ends at the sentence's verb (lexicon subjectPhrase)", () => {
  const codes = (note: string) =>
    suggest(note)
      .codes.map((c) => `${c.code}x${c.units}`)
      .join(" ");

  it.each([
    [
      "A 52-year-old patient with a history of psoriasis was treated with the excimer laser to 150 sq cm of plaques on the elbows.",
      "96920x1",
    ],
    [
      "A 60 yo man with hx of BCC is seen today; a shave biopsy of a 6 mm papule on the nose was performed.",
      "11102x1",
    ],
    [
      "A woman with a family history of melanoma was found to have an atypical nevus of the back, which was removed by punch biopsy.",
      "11104x1",
    ],
  ])("bills %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // The verb of a relative clause inside the phrase, or one joined to it by "and", dates it.
    "Patient with a history of BCC that was excised in 2019 presents for a skin check.",
    "Patient with a history of BCC of the nose, which was treated with Mohs, presents for a skin check.",
    // A phrase describing a thing, not the patient: the verb after it tells that thing's past.
    "She has a rash over the right ankle with a prior basal cell carcinoma was resected.",
    // No person before "with": a history line.
    "Hx of BCC on nose, was treated with Mohs.",
  ])("does not bill %j", (note) => {
    expect(codes(note)).toBe("");
  });
});
