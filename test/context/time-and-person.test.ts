/**
 * Time, life-stage and person cues of lexicon/context.json on general clinical sentences
 * (written for these tests): past dates and ages make a condition historical, an onset date
 * ("since 2005") does not, household members are other experiencers, and prevention or
 * "should it occur" wording is hypothetical.
 */
import { describe, expect, it } from "vitest";
import { assertConcept, compileContext } from "../../src/context/index.ts";
import { readContextLexicon } from "../../src/context/lexicon-file.ts";

const ctx = compileContext(readContextLexicon());

describe("time and person cues", () => {
  it.each([
    ["a month and year", "Admitted with GOUT in June 2017 and treated.", "gout"],
    ["a full date in words", "Seen for CELLULITIS on March 3, 2018.", "cellulitis"],
    ["an age", "Had MEASLES at age 6.", "measles"],
    ["'at the age of'", "At the age of 12 she had a BROKEN ARM.", "broken arm"],
    ["childhood", "Childhood ASTHMA.", "asthma"],
    ["a life stage", "He had ECZEMA as an infant.", "eczema"],
    ["a past season", "Treated for ZOSTER last winter.", "zoster"],
    ["a past admission", "During the last admission she had a UTI.", "uti"],
    ["years back", "Had a FRACTURE several years back.", "fracture"],
    ["the distant past", "In the distant past he had HEPATITIS.", "hepatitis"],
  ])("reads %s as historical", (_title, sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ temporality: "historical" });
  });

  it.each([
    ["an onset year", "HYPERTENSION since 2005, on lisinopril.", "hypertension"],
    ["a history of days", "She gives a history of 2 days of DIARRHEA.", "diarrhea"],
    ["an interval history", "Interval history: the PSORIASIS has flared.", "psoriasis"],
  ])("keeps %s recent", (_title, sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ temporality: "recent" });
  });

  it.each([
    ["prevention named after", "Enoxaparin for DVT prophylaxis.", "dvt"],
    ["'should they occur'", "Told what to do about BLISTERS should they occur.", "blisters"],
    ["'may occur'", "Warned that SCARRING may occur.", "scarring"],
    ["'could develop'", "Asked whether she could develop ALOPECIA.", "alopecia"],
  ])("reads %s as hypothetical", (_title, sentence, concept) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ temporality: "hypothetical" });
  });

  it.each([
    ["a spouse", "Wife was diagnosed with SCABIES last week.", "scabies", "other"],
    ["a roommate", "Roommate has IMPETIGO.", "impetigo", "other"],
    [
      "a companion named after the patient",
      "PAIN controlled; walking with her husband.",
      "pain",
      "patient",
    ],
  ])("reads %s", (_title, sentence, concept, experiencer) => {
    expect(assertConcept(sentence, concept, ctx)).toMatchObject({ experiencer });
  });
});
