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
