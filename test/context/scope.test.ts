/**
 * Scope behaviour of the ConText detector, with a tiny inline lexicon: directions, terminators,
 * pseudo-triggers, colon and list structures, maxScope, closest trigger, triggers inside targets.
 */
import { describe, expect, it } from "vitest";
import { assertConcept } from "../../src/context/index.ts";
import { miniContext } from "./mini-lexicon.ts";

const ctx = miniContext(
  [
    ["no", "NEGATED_EXISTENCE", "forward"],
    ["denies", "NEGATED_EXISTENCE", "forward"],
    ["negative for", "NEGATED_EXISTENCE", "forward"],
    ["ruled out", "NEGATED_EXISTENCE", "backward"],
    ["none", "NEGATED_EXISTENCE", "backward"],
    ["not performed", "NEGATED_EXISTENCE", "backward"],
    ["rule out", "POSSIBLE_EXISTENCE", "forward"],
    ["possible", "POSSIBLE_EXISTENCE", "forward"],
    ["vs", "POSSIBLE_EXISTENCE", "bidirectional", { maxScope: 2 }],
    ["history of", "HISTORICAL", "forward"],
    ["status post", "HISTORICAL", "forward", { maxScope: 3 }],
    ["will", "PLANNED", "forward", { maxScope: 4 }],
    ["mother", "FAMILY", "bidirectional", { maxScope: 3 }],
    ["family history", "FAMILY_HISTORY", "forward"],
    ["no change", "PSEUDO", "pseudo"],
    ["negative margins", "PSEUDO", "pseudo"],
    ["margins are negative", "PSEUDO", "pseudo"],
    ["but", "TERMINATE", "terminate"],
    ["presents", "TERMINATE", "terminate", { appliesTo: ["HISTORICAL"] }],
  ],
  6,
);

type Expected = {
  negation?: string;
  temporality?: string;
  experiencer?: string;
  billable?: boolean;
};

const cases: [string, string, string, Expected][] = [
  [
    "negates a concept after a forward trigger",
    "No rash on the arm.",
    "rash",
    { negation: "negated" },
  ],
  [
    "does not negate a concept before a forward trigger",
    "Rash, no fever.",
    "rash",
    { negation: "affirmed" },
  ],
  [
    "negates a concept before a backward trigger",
    "Melanoma was ruled out.",
    "melanoma",
    { negation: "negated" },
  ],
  ["ends the scope at a terminator", "No fever but a rash.", "rash", { negation: "affirmed" }],
  [
    "keeps the scope before the terminator",
    "No fever but a rash.",
    "fever",
    { negation: "negated" },
  ],
  [
    "lets a category-specific terminator cut only its category",
    "History of melanoma, presents with no rash.",
    "rash",
    { temporality: "recent", negation: "negated" },
  ],
  [
    "hides a negation inside a pseudo-trigger",
    "No change in the rash.",
    "rash",
    { negation: "affirmed" },
  ],
  [
    "does not negate a procedure when only the margins are negative",
    "Excision of the lesion with negative margins.",
    "excision",
    { negation: "affirmed", billable: true },
  ],
  [
    "does not negate an excision whose margins are reported negative",
    "The excision margins are negative.",
    "excision",
    { negation: "affirmed", billable: true },
  ],
  ["stops at maxScope words", "No a b c d e f g rash.", "rash", { negation: "affirmed" }],
  ["reaches within maxScope words", "No a b c d e rash.", "rash", { negation: "negated" }],
  [
    "applies a rule's own maxScope",
    "Status post a b c excision.",
    "excision",
    { temporality: "recent" },
  ],
  ["ends the scope at a semicolon", "No fever; rash on the arm.", "rash", { negation: "affirmed" }],
  [
    "ends the scope at a numbered list item",
    "1. No fever 2. Rash on the arm.",
    "rash",
    { negation: "affirmed" },
  ],
  [
    "ends the scope at a bullet on a new line",
    "No fever\n- rash on the arm",
    "rash",
    { negation: "affirmed" },
  ],
  [
    "negates the text before the colon in 'Biopsy: no'",
    "Biopsy: no.",
    "biopsy",
    { negation: "negated" },
  ],
  [
    "negates the key in 'Allergies: none'",
    "Allergies: none.",
    "allergies",
    { negation: "negated" },
  ],
  [
    "crosses a colon right after the trigger",
    "Denies: fever, chills.",
    "chills",
    { negation: "negated" },
  ],
  [
    "stops at a later colon of a new key",
    "No fever, Skin: rash.",
    "rash",
    { negation: "affirmed" },
  ],
  [
    "leaves the header of 'Skin: no rash' affirmed",
    "Skin: no rash, no scaling.",
    "skin",
    { negation: "affirmed" },
  ],
  [
    "reads a bidirectional trigger both ways (before)",
    "SK vs BCC.",
    "sk",
    { negation: "possible" },
  ],
  [
    "reads a bidirectional trigger both ways (after)",
    "SK vs BCC.",
    "bcc",
    { negation: "possible" },
  ],
  [
    "applies 'rule out' to the concept after it, not to the biopsy before it",
    "Shave biopsy to rule out melanoma.",
    "shave biopsy",
    { negation: "affirmed", billable: true },
  ],
  [
    "keeps a possible diagnosis billable-neutral",
    "Shave biopsy to rule out melanoma.",
    "melanoma",
    { negation: "possible", billable: true },
  ],
  [
    "lets the closest trigger of an attribute decide",
    "No fever, possible rash.",
    "rash",
    { negation: "possible" },
  ],
  [
    "lets a closer trigger of another category override a far one",
    "History of melanoma, will biopsy the lesion.",
    "biopsy",
    { temporality: "hypothetical", billable: false },
  ],
  [
    "marks a planned procedure as not billable",
    "Will schedule excision.",
    "excision",
    { billable: false },
  ],
  [
    "marks another person's condition",
    "Mother with melanoma.",
    "melanoma",
    { experiencer: "other" },
  ],
  [
    "applies the implied temporality of a family-history trigger",
    "Family history of melanoma.",
    "melanoma",
    { experiencer: "other", temporality: "historical" },
  ],
  [
    "applies a historical trigger written inside the concept",
    "Status post excision of the nose.",
    "status post excision",
    { temporality: "historical" },
  ],
  [
    "ignores a negation written inside a finding phrase",
    "Exam showed no abnormality.",
    "exam showed no abnormality",
    { negation: "affirmed" },
  ],
  [
    "negates with a backward multi-word trigger",
    "Biopsy was not performed.",
    "biopsy",
    { negation: "negated", billable: false },
  ],
  [
    "applies a trigger to the target it holds after its first word",
    "Biopsy was not performed.",
    "performed",
    { negation: "negated", billable: false },
  ],
  [
    "does not apply a trigger to a target that merely follows it",
    "Biopsy was not performed; the cyst was drained.",
    "drained",
    { negation: "affirmed", billable: true },
  ],
  [
    "uses the whole sentence when the concept is absent",
    "Negative for melanocytic lesion.",
    "melanoma",
    { negation: "negated" },
  ],
];

cases.push(
  [
    "runs a planning scope through the rest of a list of options",
    "We will consider cryotherapy, curettage, excision, Mohs surgery or imiquimod.",
    "Mohs surgery",
    { temporality: "hypothetical", billable: false },
  ],
  [
    "stops a list scope before an item that grows into a clause",
    "We will consider cryotherapy, curettage, and the patient then had the excision done today.",
    "excision",
    { temporality: "recent" },
  ],
  [
    "keeps the word limit of a category that does not run through lists (negation)",
    "No erythema, warmth, swelling, drainage, induration, tenderness or bleeding.",
    "bleeding",
    { negation: "affirmed" },
  ],
);

describe("ConText scopes", () => {
  it.each(cases)("%s", (_title, sentence, concept, expected) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject(expected);
  });

  it("cites the deciding rule ids and a readable reason", () => {
    const assertion = assertConcept("No biopsy was taken.", "biopsy", ctx);
    expect(assertion.ruleIds).toEqual(["t0.no"]);
    expect(assertion.reason).toBe("negated by 'no'");
    expect(assertion.billable).toBe(false);
  });

  it("gives no reason when the concept is billable", () => {
    const assertion = assertConcept("Shave biopsy of the left arm.", "shave biopsy", ctx);
    expect(assertion).toEqual({
      negation: "affirmed",
      temporality: "recent",
      experiencer: "patient",
      billable: true,
      ruleIds: [],
    });
  });
});
