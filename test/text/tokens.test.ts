import { describe, expect, it } from "vitest";
import { normalize } from "../../src/text/normalize.ts";
import { tokenAt, tokenize, tokenizeLiteral } from "../../src/text/tokens.ts";

function tokens(note: string) {
  const { text, lower } = normalize(note);
  return tokenize(text, lower);
}

describe("tokenize", () => {
  it.each([
    ["6mm punch bx, R cheek", ["6", "mm", "punch", "bx", ",", "r", "cheek"]],
    ["1.2×0.8 cm", ["1.2", "x", "0.8", "cm"]],
    ["lesion .5 cm", ["lesion", ".5", "cm"]],
    ["AKs x12", ["aks", "x", "12"]],
    ["#1-#4", ["#", "1", "-", "#", "4"]],
    ["ED&C", ["ed", "&", "c"]],
    ["LN2", ["ln", "2"]],
    ["6–7 mm", ["6", "-", "7", "mm"]],
    ["Bowen’s", ["bowen", "'", "s"]],
  ])("splits %j into %j", (note, expected) => {
    expect(tokens(note).map((t) => t.norm)).toEqual(expected);
  });

  it.each([
    "6mm punch bx, R cheek",
    "1.2 × 0.8 cm on the left — back",
    "😀 emoji then 5\u00a0mm SCC",
    "İ dotted capital before Scalp",
  ])("gives every token of %j a span whose text is the note's", (note) => {
    const list = tokens(note);
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) {
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.norm).toHaveLength(t.end - t.start);
      expect(t.norm).toBe(normalize(note).lower.slice(t.start, t.end));
    }
  });

  it("scans exactly the tokens of the documented pattern, whatever the characters", () => {
    const pattern = /\d+(?:\.\d+)?|\.\d+|[a-z]+|[^\sa-z\d]/g;
    let text = "1.2.3 .. 1. .1a 12.x \ud83d\ude00 x\ud83d";
    for (let c = 0; c < 0x3100; c += 7) text += `${String.fromCharCode(c)}a1.2 .5x`;
    for (const c of [0x1680, 0x2005, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff])
      text += `b${String.fromCharCode(c)}c`;
    const expected = [...text.matchAll(pattern)].map((m) => [m.index, m[0]]);
    expect(tokenize(text, text).map((t) => [t.start, t.norm])).toEqual(expected);
  });

  it("tokenises a lexicon literal the same way as note text", () => {
    expect(tokenizeLiteral("ED&C")).toEqual(tokens("ED&C").map((t) => t.norm));
    expect(tokenizeLiteral("sq. cm")).toEqual(["sq", ".", "cm"]);
  });

  it.each([
    [0, 0],
    [1, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [100, 7],
  ])("finds the first token at or after offset %i (token %i)", (offset, expected) => {
    expect(tokenAt(tokens("6mm punch bx, R cheek"), offset)).toBe(expected);
  });
});
