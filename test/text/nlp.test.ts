import { describe, expect, it } from "vitest";
import { editDistance, parseNumberPhrase, stem } from "../../src/text/nlp.ts";

describe("the NLP adapter", () => {
  it.each([
    ["twenty-seven", 27],
    ["thirty one", 31],
    ["two and a half", 2.5],
    ["one hundred", 100],
    ["lesion", undefined],
    ["", undefined],
  ])("reads the number phrase %j as %s", (phrase, expected) => {
    expect(parseNumberPhrase(phrase)).toBe(expected);
  });

  it.each([
    ["excised", "excision"],
    ["excising", "excision"],
    ["biopsied", "biopsies"],
  ])("stems %j like %j", (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ["seborheic", "seborrheic", 1],
    ["keratosus", "keratosis", 1],
    ["nevsu", "nevus", 1],
    ["nevus", "nevus", 0],
    ["wart", "cyst", 3],
  ])("counts %j -> %j as %i edits (a transposition is one)", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});
