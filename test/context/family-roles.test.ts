/**
 * A relative who agrees with, is ok with, asks about, requests, brings or helps with the
 * treatment is not the one treated (lexicon/context.json pseudo.family-agrees,
 * pseudo.family-wish), and a pseudo pattern as long as a literal at the same token wins the tie
 * (src/context/modifiers.ts findTriggers): "[mom](pseudo) requests treatment" keeps "requests" a
 * planning cue of its own. A lower-case sentence opened by a person word after a stop ("... R
 * hand. mom reports ...") is a sentence of its own (lexicon sections clauseOpeners).
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { suggest } from "../../src/pipeline/suggest.ts";
import { ContextLexiconSchema } from "../../src/schemas/context.ts";
import { MINI_CATEGORIES, MINI_SECTIONS } from "./mini-lexicon.ts";

const ctx = compileContext(readContextLexicon());

describe("a relative agreeing or helping is not the one treated (lexicon)", () => {
  it.each([
    ["Cryo to 12 WARTS on the R hand, mom ok w/ plan.", "warts"],
    ["LN2 to 3 AKS of the scalp, mother agrees.", "aks"],
    ["LN2 to 3 AKS of the scalp, the patient and his wife agree with the plan.", "aks"],
    ["LN2 to 5 WARTS of the L knee, dad held the child's hand.", "warts"],
    ["Cryo to 4 WARTS of the R foot, father is okay with treatment.", "warts"],
    ["Cryo to 4 WARTS of the R foot, grandmother brought her in.", "warts"],
    ["LN2 to 3 AKS of the scalp, daughter asked about sunscreen.", "aks"],
    ["Cryo to 3 WARTS of the R hand, mom requests treatment of the rest next time.", "warts"],
  ])("bills %j", (sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({
      experiencer: "patient",
      billable: true,
    });
  });

  it.each([
    [
      "Mom requests REMOVAL of the 3 warts on the R hand.",
      "removal",
      { temporality: "hypothetical" },
    ],
    ["Mom wants the 3 warts on the R hand FROZEN.", "frozen", { temporality: "hypothetical" }],
    ["His mother had MELANOMA excised.", "melanoma", { experiencer: "other" }],
    ["The patient's mother had 3 WARTS frozen.", "warts", { experiencer: "other" }],
  ])("does not bill %j", (sentence, concept, expected) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ ...expected, billable: false });
  });

  it("codes a lower-case note where the relative agrees after the procedure", () => {
    const codes = suggest(
      "9 yo w/ warts R hand. cryo w/ liquid nitrogen x 2 cycles. mom ok w/ plan",
    )
      .codes.map((c) => c.code)
      .join(" ");
    expect(codes).toBe("17110");
  });

  it.each([
    "cryo to 3 warts R hand. mom reports they itch",
    "cryo to 3 warts R hand. mother had melanoma excised in 2019.",
  ])("a lower-case sentence about a relative after a stop is a sentence of its own: %j", (note) => {
    expect(suggest(note).codes.map((c) => c.code)).toEqual(["17110"]);
  });
});

describe("a pseudo pattern as long as a literal wins the tie (mini lexicon)", () => {
  const lexicon = (withPseudo: boolean) =>
    compileContext(
      ContextLexiconSchema.parse({
        version: "0.0.1",
        defaults: { maxScope: 8 },
        categories: MINI_CATEGORIES,
        sections: MINI_SECTIONS,
        overrides: [],
        rules: [
          { id: "fam.mom", literal: "mom", category: "FAMILY", direction: "bidirectional" },
          { id: "plan.wants", literal: "wants", category: "PLANNED", direction: "forward" },
          ...(withPseudo
            ? [
                {
                  id: "pseudo.mom-wants",
                  pattern: "\\bmom(?= wants\\b)",
                  category: "PSEUDO",
                  direction: "pseudo",
                  appliesTo: [],
                },
              ]
            : []),
        ],
      }),
    );

  it("the lookahead pattern hides the relative, the verb stays a trigger", () => {
    const sentence = "Cryo to 3 WARTS, mom wants the rest frozen.";
    expect(assertConcept(sentence, "warts", lexicon(true))).toMatchObject({
      experiencer: "patient",
      billable: true,
    });
    expect(assertConcept(sentence, "warts", lexicon(false))).toMatchObject({
      experiencer: "other",
    });
    expect(assertConcept("Mom wants the WARTS frozen.", "warts", lexicon(true))).toMatchObject({
      temporality: "hypothetical",
    });
  });
});
