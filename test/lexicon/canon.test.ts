/**
 * The canonicaliser maps a note's token to the lexicon's spelling: inflections by stem, typos one
 * edit away from a long word; a drug name that ends a lexicon word with another letter is left alone.
 */
import { describe, expect, it } from "vitest";
import { createCanonicaliser } from "../../src/lexicon/canon.ts";

const canon = createCanonicaliser(
  new Set(["angioma", "angiomas", "keratosis", "seborrheic"]),
  ["excision"],
  ["angioma", "angiomas", "keratosis", "seborrheic"],
);

describe("createCanonicaliser", () => {
  it.each([
    ["seborheic", "seborrheic"],
    ["keratosus", "keratosis"],
    ["keratosiss", "keratosis"],
    ["excising", "excision"],
    ["angiomax", "angiomax"],
    ["angioma", "angioma"],
  ])("maps %s to %s", (token, expected) => {
    expect(canon(token)).toBe(expected);
  });
});
