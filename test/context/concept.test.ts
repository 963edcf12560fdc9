/**
 * Locating the annotated concept of a NegEx/ConText TSV row, and tokenising for matching.
 */
import { describe, expect, it } from "vitest";
import { findConcept } from "../../src/context/index.ts";
import { literalTokens, tokenize } from "../../src/context/tokens.ts";

describe("findConcept", () => {
  it.each([
    ["finds a concept case-insensitively", "No rash today.", "RASH", [3, 7]],
    [
      "treats runs of white space as one space",
      "No shortness   of breath.",
      "shortness of breath",
      [3, 24],
    ],
    ["prefers the upper-cased occurrence", "rash and RASH", "rash", [9, 13]],
    [
      "prefers capitals amid lower case over a capitalised header",
      "ALLERGIES: has no known ALLERGIES.",
      "allergies",
      [24, 33],
    ],
    ["prefers a whole word to a part of one", "rashes, rash", "rash", [8, 12]],
  ] as const)("%s", (_title, sentence, concept, [start, end]) => {
    expect(findConcept(sentence, concept)).toEqual({ start, end });
  });

  it("returns null when the concept is absent", () => {
    expect(findConcept("No fever.", "rash")).toBeNull();
  });
});

describe("tokenize", () => {
  it("keeps offsets, splits punctuation and keeps decimals and inner apostrophes", () => {
    const text = "Pt's 2.5 cm r/o BCC: no.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual([
      "pt's",
      "2.5",
      "cm",
      "r",
      "/",
      "o",
      "bcc",
      ":",
      "no",
      ".",
    ]);
    expect(tokens.every((t) => text.slice(t.start, t.end).toLowerCase() === t.norm)).toBe(true);
  });

  it("tokenises a sub-range of a note in place", () => {
    const note = "Plan: none.\nNo rash.";
    const tokens = tokenize(note, 12, note.length);
    expect(tokens[0]).toMatchObject({ start: 12, end: 14, norm: "no", lineStart: true });
  });

  it("turns a trigger literal into the same tokens", () => {
    expect(literalTokens("s/p")).toEqual(["s", "/", "p"]);
  });
});
