/**
 * The canonicaliser maps a note's token to the lexicon's spelling: inflections by stem, typos one
 * edit away from a long word; a drug name that ends a lexicon word with another letter is left alone.
 */
import { describe, expect, it } from "vitest";
import { createCanonicaliser, verbInflections } from "../../src/lexicon/canon.ts";

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

describe("createCanonicaliser: typos of procedure words", () => {
  const words = [
    "biopsy",
    "excision",
    "cryotherapy",
    "debridement",
    "packing",
    "freezing",
    "removed",
  ];
  const c = createCanonicaliser(new Set([...words, "picking"]), [], [], new Map(), words);
  it.each([
    ["excison", "excision"],
    ["exicsion", "excision"],
    ["cyrotherapy", "cryotherapy"],
    ["cryotherpy", "cryotherapy"],
    ["debridment", "debridement"],
    ["bioposy", "biopsy"],
    ["biospy", "biopsy"],
  ])("maps %s to %s (a letter dropped, added or swapped)", (token, expected) => {
    expect(c(token)).toBe(expected);
  });

  it.each([
    ["biopsu", "a changed letter"],
    ["remover", "a changed letter (another word)"],
    ["pacing", "a typo of an inflected form (another word)"],
    ["freeing", "a typo of an inflected form (another word)"],
    ["picking", "a known word"],
    ["biopsyx", "a letter added after the whole word"],
  ])("leaves %s alone: %s", (token) => {
    expect(c(token)).toBe(token);
  });
});

describe("verbInflections", () => {
  const forms = verbInflections(
    ["incised", "drained", "snipped", "biopsied", "shaved", "layers"],
    new Set(["shaved"]),
  );
  it.each([
    ["incises", "incised"],
    ["incising", "incised"],
    ["drains", "drained"],
    ["draining", "drained"],
    ["snips", "snipped"],
    ["snipping", "snipped"],
    ["biopsies", "biopsied"],
    ["shaves", "shaved"],
  ])("maps %s to %s", (form, past) => {
    expect(forms.get(form)).toBe(past);
  });

  it("gives no gerund to a verb the lexicon writes in the passive, and no forms to a non-past word", () => {
    expect(forms.has("shaving")).toBe(false);
    expect(forms.has("layer")).toBe(false);
  });

  it("lets a known word keep its meaning over an inflection", () => {
    const c = createCanonicaliser(
      new Set(["biopsies"]),
      [],
      [],
      verbInflections(["biopsied", "incised"]),
    );
    expect(c("biopsies")).toBe("biopsies");
    expect(c("incises")).toBe("incised");
  });
});
