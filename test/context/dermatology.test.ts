/**
 * Dermatology triggers of lexicon/context.json (issue 3): what must and must not be billed.
 * These run on the real lexicon, so they guard curator edits; scope mechanics are tested with
 * inline lexicons in scope.test.ts.
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext, detectAssertions } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";

const ctx = compileContext(readContextLexicon());

const notBilled: [string, string, string, object][] = [
  // Procedures done at an earlier visit, elsewhere or by someone else.
  [
    "a biopsy done at the last visit",
    "The lesion was biopsied at the last visit.",
    "biopsied",
    { temporality: "historical" },
  ],
  [
    "biopsies done at his previous visit, with a date",
    "Both lesions were biopsied at his previous visit on 03/24/2026.",
    "biopsied",
    { temporality: "historical" },
  ],
  [
    "a biopsy told after a fronted earlier visit",
    "At her last appointment, a shave biopsy of the left arm was performed.",
    "shave biopsy",
    { temporality: "historical" },
  ],
  [
    "a biopsy 'yesterday' after an auxiliary",
    "The papule was biopsied yesterday.",
    "biopsied",
    { temporality: "historical" },
  ],
  [
    "a treatment 'last week' after an auxiliary",
    "The warts were treated last week.",
    "treated",
    { temporality: "historical" },
  ],
  [
    "a biopsy done at an outside clinic",
    "The nodule was biopsied at an outside dermatology clinic.",
    "biopsied",
    { temporality: "historical" },
  ],
  [
    "a biopsy done by the patient's PCP",
    "The nodule was biopsied by her PCP.",
    "biopsied",
    { temporality: "historical" },
  ],
  [
    "an excision done by another dermatologist",
    "The cyst was excised by his previous dermatologist.",
    "excised",
    { temporality: "historical" },
  ],
  [
    "a biopsy dated to a month",
    "The plaque was biopsied in early March.",
    "biopsied",
    { temporality: "historical" },
  ],
  [
    "an excision that is to be done",
    "The cyst on the back is to be excised.",
    "excised",
    { temporality: "hypothetical" },
  ],
  // Offers, discussions, deferrals and refusals.
  [
    "a biopsy whose long subject was discussed",
    "A biopsy of an irregular pigmented nevus on the back was discussed.",
    "biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "a biopsy with a long subject recommended but deferred",
    "Punch biopsy of the scaly pink plaque on the left shin was recommended but deferred.",
    "punch biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "an excision refused after a semicolon",
    "Excision of the cyst on the upper back; the patient declined.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "an excision offered and then refused in the next clause",
    "Excision of the 1 cm epidermoid cyst on the back was offered, and she refused at this time.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "a planned biopsy",
    "Will schedule shave biopsy of the left cheek.",
    "shave biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "a biopsy planned with 'plan'",
    "Plan to biopsy at next visit.",
    "biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "a biopsy that 'will be performed'",
    "Excision will be performed in two weeks.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "the procedure a patient was indicated for",
    "She was therefore indicated for excision of the recurrent cyst.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "a recommended excision",
    "Recommend excision with 4 mm margins.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "an excision that is recommended",
    "Wide local excision is recommended.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "a considered treatment",
    "Consider Mohs surgery for the nasal lesion.",
    "mohs surgery",
    { temporality: "hypothetical" },
  ],
  [
    "a discussed treatment",
    "Discussed cryotherapy versus topical 5-FU.",
    "cryotherapy",
    { temporality: "hypothetical" },
  ],
  [
    "a declined biopsy",
    "Patient declined biopsy of the lesion.",
    "biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "a biopsy the patient declined",
    "Biopsy was declined by the patient.",
    "biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "a deferred excision",
    "Excision deferred until after the wedding.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "a return visit for excision",
    "Return in 2 weeks for excision.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "treatment only if the lesion persists",
    "Cryotherapy if persists.",
    "cryotherapy",
    { temporality: "hypothetical" },
  ],
  ["a biopsy that was not taken", "No biopsy was taken.", "biopsy", { negation: "negated" }],
  [
    "a biopsy that was not performed",
    "Biopsy was not performed.",
    "biopsy",
    { negation: "negated" },
  ],
  ["'Biopsy: no'", "Biopsy: no.", "biopsy", { negation: "negated" }],
  [
    "a structure left intact",
    "The nail plate was left intact.",
    "nail plate",
    { negation: "negated" },
  ],
  [
    "participles listed after a negated auxiliary",
    "No lesions were biopsied, frozen, or excised.",
    "frozen",
    { negation: "negated" },
  ],
  [
    "a biopsy dated by month and day",
    "SCC in situ of the right dorsal hand (bx 10/2), excised today.",
    "bx",
    { temporality: "historical" },
  ],
  [
    "a biopsy dated with 'on'",
    "Biopsy on 3/2 showed BCC.",
    "biopsy",
    { temporality: "historical" },
  ],
  [
    "a biopsy declined after its object",
    "Shave biopsy of the papule was declined.",
    "shave biopsy",
    { temporality: "hypothetical" },
  ],
  [
    "a biopsy not performed after its site",
    "Punch biopsy of the right forearm rash was not performed.",
    "punch biopsy",
    { negation: "negated" },
  ],
  [
    "a cryotherapy deferred after a list of sites",
    "Cryotherapy to 3 AKs on the scalp and forehead was deferred.",
    "cryotherapy",
    { temporality: "hypothetical" },
  ],
  [
    "a treatment held today",
    "Narrowband UVB held today because of erythema.",
    "narrowband uvb",
    { negation: "negated" },
  ],
  [
    "a treatment offered but declined",
    "Cryotherapy was offered but the patient declined.",
    "cryotherapy",
    { temporality: "hypothetical" },
  ],
  [
    "an excision from last year",
    "Excision of a basal cell carcinoma last year.",
    "excision",
    { temporality: "historical" },
  ],
  [
    "a prior excision",
    "Prior excision of the right forearm.",
    "excision",
    { temporality: "historical" },
  ],
  [
    "a procedure after 'status post'",
    "Status post Mohs surgery of the nose.",
    "mohs surgery",
    { temporality: "historical" },
  ],
  [
    "a procedure after 's/p'",
    "S/p shave removal in 2019.",
    "shave removal",
    { temporality: "historical" },
  ],
  [
    "a previously treated lesion",
    "AK previously treated with cryotherapy.",
    "cryotherapy",
    { temporality: "historical" },
  ],
  [
    "a procedure whose scar is examined",
    "The right temple Mohs scar is intact.",
    "mohs",
    { temporality: "historical" },
  ],
  [
    "a biopsy weeks ago",
    "BCC of the arm, shave bx 4 wks ago.",
    "shave bx",
    { temporality: "historical" },
  ],
  [
    "a procedure whose results are discussed",
    "Pathology from the shave biopsy: BCC.",
    "shave biopsy",
    { temporality: "historical" },
  ],
  [
    "a treatment the patient chose",
    "The patient chose curettage and electrodesiccation.",
    "curettage",
    { temporality: "hypothetical" },
  ],
  [
    "an excision that may be considered",
    "Surgical excision may be considered.",
    "excision",
    { temporality: "hypothetical" },
  ],
  [
    "a history of melanoma",
    "Hx of melanoma on the back.",
    "melanoma",
    { temporality: "historical" },
  ],
  ["a mother's skin cancer", "Mother had a melanoma excised.", "excised", { experiencer: "other" }],
  [
    "a family history",
    "Family history of melanoma in father.",
    "melanoma",
    { experiencer: "other" },
  ],
  ["a ruled-out melanoma", "Melanoma was ruled out.", "melanoma", { negation: "negated" }],
  [
    "a diagnosis negated by pathology",
    "Negative for malignancy.",
    "malignancy",
    { negation: "negated" },
  ],
  [
    "residual tumour that is absent",
    "Re-excision shows no residual tumor.",
    "tumor",
    { negation: "negated" },
  ],
];

notBilled.push(
  [
    "a repair done before transfer",
    "The 2 cm forearm laceration was sutured in the emergency department prior to transfer.",
    "sutured",
    { temporality: "historical" },
  ],
  [
    "a removal the patient wants",
    "The patient wants the 1 cm seborrheic keratosis on the back removed.",
    "removed",
    { temporality: "hypothetical" },
  ],
  [
    "a treatment told in a parenthesis after a history item",
    "72F, hx BCC (ED&C back 2021).",
    "ED&C",
    { temporality: "historical" },
  ],
  [
    "an excision told in a parenthesis after a history item",
    "hx melanoma in situ R upper arm (WLE 2020), hx BCC x3.",
    "WLE",
    { temporality: "historical" },
  ],
  [
    "a biopsy told in a letter's dated 'when I saw her' clause",
    "When I saw her on October 1, I performed a shave biopsy of the cheek papule.",
    "shave biopsy",
    { temporality: "historical" },
  ],
  [
    "a destruction at a last visit opening its sentence without a comma or article",
    "At last in-person visit (Aug) he had LN2 to 12 AKs on the scalp.",
    "LN2",
    { temporality: "historical" },
  ],
  [
    "a later procedure of a sentence opened by a last visit",
    "At her last visit he had LN2 to 5 AKs and a shave removal of an SK on the chin.",
    "shave removal",
    { temporality: "historical" },
  ],
  [
    "biopsies dated by month and day after 'done'",
    "Punch biopsies done 05/04 showed lichen planus.",
    "punch biopsies",
    { temporality: "historical" },
  ],
  [
    "a later item of a surgical history in a parenthesis, after a semicolon",
    "hx BCC x3 (Mohs nose 2019; ED&C back 2021; excision L shin 2023).",
    "excision",
    { temporality: "historical" },
  ],
);

const billed: [string, string, string][] = [
  ["a biopsy done to rule out melanoma", "Shave biopsy to rule out melanoma.", "shave biopsy"],
  [
    "a biopsy of a lesion suspicious for BCC",
    "Shave biopsy of a papule suspicious for BCC.",
    "shave biopsy",
  ],
  [
    "an excision whose margins are negative",
    "Excision of the lesion, margins negative for malignancy.",
    "excision",
  ],
  ["an excision with clear margins", "Excision with clear margins.", "excision"],
  [
    "a re-excision showing no residual tumor",
    "Re-excision shows no residual tumor.",
    "re-excision",
  ],
  [
    "a biopsy performed after a history of melanoma",
    "History of melanoma; shave biopsy performed today.",
    "shave biopsy",
  ],
  [
    "treatment done today despite a history",
    "History of AKs, treated with cryotherapy today.",
    "cryotherapy",
  ],
  [
    "a procedure tolerated without complications",
    "Punch biopsy was tolerated without complications.",
    "punch biopsy",
  ],
  [
    "a biopsy before which consent was discussed",
    "After discussion of the risks, a shave biopsy was performed.",
    "shave biopsy",
  ],
  [
    "a shave next to a planned biopsy",
    "Shave removal performed today; will biopsy the other lesion next visit.",
    "shave removal",
  ],
  [
    "a drainage after a negated finding and a comma",
    "Abscess on the back, no cellulitis, incised and drained.",
    "incised and drained",
  ],
  [
    "a shave after 'not bleeding,'",
    "Irritated SK 6 mm on the back, not bleeding, shaved off.",
    "shaved off",
  ],
  [
    "a freezing after 'without hypertrophy,'",
    "AKs x3 on the scalp without hypertrophy, frozen with LN2.",
    "frozen",
  ],
  [
    "a biopsy performed in the clause before a declined treatment",
    "Punch biopsy was performed on the left arm and cryotherapy was declined.",
    "punch biopsy",
  ],
  [
    "a biopsy of a lesion first noted at an earlier visit",
    "Shave biopsy of the 5 mm papule noted at her last visit.",
    "shave biopsy",
  ],
  [
    "an excision before a refusal that has its own object",
    "Excision of the cyst was performed; the patient declined a biopsy of the nevus.",
    "excision",
  ],
  [
    "an excision done in the clause before an object-less refusal",
    "The cyst was excised; the patient declined.",
    "excised",
  ],
  [
    "an aspiration whose blister roof was left intact",
    "The bulla was aspirated with a needle, roof left intact.",
    "aspirated with a needle",
  ],
  [
    "a biopsy done when the patient was seen today",
    "When I saw her today, I performed a shave biopsy of the cheek papule.",
    "shave biopsy",
  ],
  [
    "a treatment after a long history phrase whose parenthesis overruns its word budget",
    "Previously failed narrowband UVB, takes oral methoxsalen (8-MOP, 0.4 mg/kg) before PUVA.",
    "PUVA",
  ],
];

describe("dermatology context rules", () => {
  it.each(notBilled)("does not bill %s", (_title, sentence, concept, expected) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ ...expected, billable: false });
  });

  it.each(billed)("bills %s", (_title, sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ billable: true });
  });

  it("bills a plan-section procedure only when the sentence says it was done", () => {
    const note = "Shave biopsy of the left arm. Cryotherapy to 3 AKs performed today.";
    const split = note.indexOf("Cryo");
    const sentences = [
      { start: 0, end: split - 1, section: "plan" as const },
      { start: split, end: note.length, section: "plan" as const },
    ];
    const targets = [
      { id: 1, start: 0, end: 12, sentence: 0 },
      { id: 2, start: split, end: split + 11, sentence: 1 },
    ];
    const result = detectAssertions(note, sentences, targets, ctx);
    expect(result.get(1)).toMatchObject({ billable: false, reason: "plan section" });
    expect(result.get(2)).toMatchObject({ billable: true });
  });
});

describe("plan sections that report what was done", () => {
  const billedInPlan = (sentence: string, concept: string) => {
    const start = sentence.toLowerCase().indexOf(concept);
    const result = detectAssertions(
      sentence,
      [{ start: 0, end: sentence.length, section: "plan" }],
      [{ id: 1, start, end: start + concept.length, sentence: 0 }],
      ctx,
    );
    return result.get(1)?.billable;
  };

  it.each([
    ["Debrided 10 nails.", "debrided"],
    ["Liquid nitrogen was applied to 3 warts on the left hand.", "liquid nitrogen"],
    ["Two skin tags removed from the neck with scissors.", "removed"],
  ])("bills %j: a past-tense verb reports the procedure done", (sentence, concept) => {
    expect(billedInPlan(sentence, concept)).toBe(true);
  });

  it.each([
    ["Cyst of the back to be excised in 2 weeks.", "excised"],
    ["Skin tags can be removed if they become irritated.", "removed"],
    ["The SK could be removed by cryotherapy.", "removed"],
    ["Will have the cyst removed next visit.", "removed"],
  ])("does not bill %j: a modal before the verb reports nothing done", (sentence, concept) => {
    expect(billedInPlan(sentence, concept)).toBe(false);
  });
});
