/**
 * Treatments that are given at the visit (phototherapy, injections, a cryogen) and the verbs that
 * say they were not: "not given", "not administered", "withheld", "skipped today", "omitted",
 * "held off" (lexicon/context.json, backward and clause-bound). A "not given" about something
 * else in another clause -- after a ";" or in a new subject after a comma -- leaves the
 * procedure done (src/context/apply.ts subjectAfterComma).
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";
import { suggest } from "../../src/pipeline/suggest.ts";

const ctx = compileContext(readContextLexicon());

const negated: [string, string][] = [
  ["Narrowband UVB was not given today.", "narrowband uvb"],
  ["NB-UVB was withheld because of a recent sunburn.", "nb-uvb"],
  ["Phototherapy skipped today due to sunburn.", "phototherapy"],
  ["PUVA to both hands was not given.", "puva"],
  ["Excimer laser treatment was not administered at this visit.", "excimer laser"],
  ["Intralesional Kenalog was not injected into the keloid.", "intralesional kenalog"],
  ["The scheduled phototherapy session was omitted.", "phototherapy"],
  ["UVB sessions were skipped this week while she was away.", "uvb"],
  ["Phototherapy held off today as the rash flared.", "phototherapy"],
  ["Held off on phototherapy today.", "phototherapy"],
  ["Botox to both axillae was not given.", "botox"],
  ["NB-UVB, 300 mJ/cm2, was withheld.", "nb-uvb"],
  ["LN2 to 4 AKs; ILK was not given.", "ilk"],
];

const billed: [string, string][] = [
  ["LN2 to 4 AKs; lidocaine was not given.", "ln2"],
  ["LN2 to 4 AKs, lidocaine was not given.", "ln2"],
  ["Cryotherapy to 3 warts, local anesthetic not given.", "cryotherapy"],
  ["NB-UVB given at 400 mJ/cm2; methotrexate withheld this week.", "nb-uvb"],
  ["Narrowband UVB was given today at 500 mJ/cm2.", "narrowband uvb"],
  ["Shave biopsy of the back was performed and lidocaine was not given.", "shave biopsy"],
  // The same clause edge for the older clause-bound triggers ("was held", "was not performed",
  // "was deferred"): the subject after the comma is what they speak of.
  ["Cryotherapy to 3 AKs, the punch biopsy was not performed.", "cryotherapy"],
  ["LN2 to 2 warts, lidocaine was held.", "ln2"],
  ["ED&C of the BCC on the back, Mohs was deferred.", "ed&c"],
];

describe("treatments that were not given", () => {
  it.each(negated)("negates the treatment in %j", (sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({
      negation: "negated",
      billable: false,
    });
  });

  it.each(billed)("bills the procedure in %j", (sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ billable: true });
  });

  it("does not bill a treatment deferred today (planned, not negated)", () => {
    expect(assertConcept("Phototherapy deferred today.", "phototherapy", ctx)).toMatchObject({
      temporality: "hypothetical",
      billable: false,
    });
  });

  it("keeps a list of sites before the verb in the negated clause", () => {
    const sentence = "Cryotherapy to AKs of the scalp, face and hands was not given.";
    expect(assertConcept(sentence, "cryotherapy", ctx)).toMatchObject({ negation: "negated" });
  });
});

describe("codes of treatments not given", () => {
  const codes = (note: string) => suggest(note).codes.map((c) => [c.code, c.units]);

  it.each([
    ["Narrowband UVB was not given today."],
    ["NB-UVB was withheld."],
    ["Phototherapy skipped today due to sunburn."],
    ["PUVA was not given."],
    ["ILK 10 mg/mL to 3 keloids on the chest was not given."],
    ["Botox 50 units to each axilla for hyperhidrosis was not given."],
  ])("bills nothing for %j", (note) => {
    expect(codes(note)).toEqual([]);
  });

  it("bills the cryotherapy when only the anesthetic was not given", () => {
    expect(codes("LN2 to 4 AKs; lidocaine was not given.")).toEqual([
      ["17000", 1],
      ["17003", 3],
    ]);
    expect(codes("LN2 to 4 AKs, lidocaine was not given.")).toEqual([
      ["17000", 1],
      ["17003", 3],
    ]);
  });

  it("still bills treatments that were given", () => {
    expect(codes("Narrowband UVB given today at 500 mJ/cm2.")).toEqual([["96900", 1]]);
    expect(codes("ILK 10 mg/mL to 3 keloids on the chest.")).toEqual([["11900", 1]]);
    expect(codes("Botox 50 units to each axilla for hyperhidrosis.")).toEqual([["64650", 1]]);
  });
});
