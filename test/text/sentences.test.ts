import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../../src/pipeline/suggest.ts";
import { docOf } from "../extract/mini-lexicon.ts";

function sentences(note: string): string[] {
  return docOf(note).sentences.map((s) => note.slice(s.start, s.end));
}

describe("splitSentences", () => {
  it.each([
    ["Seen by Dr. Smith today. Biopsy done.", ["Seen by Dr. Smith today.", "Biopsy done."]],
    ["Pt. tolerated well.", ["Pt. tolerated well."]],
    ["approx. 5 lesions treated.", ["approx. 5 lesions treated."]],
    ["Bx of L. arm sent. Done.", ["Bx of L. arm sent.", "Done."]],
    ["Lesion measured 1.2 x 0.8 cm. Excised.", ["Lesion measured 1.2 x 0.8 cm.", "Excised."]],
    ["Lesion 0.5 cm on the back. 2 mm margins.", ["Lesion 0.5 cm on the back.", "2 mm margins."]],
    ["Is it a BCC? Biopsy done! Sent.", ["Is it a BCC?", "Biopsy done!", "Sent."]],
    ["Reviewed risks.benefits discussed.", ["Reviewed risks.benefits discussed."]],
    ["Site: left arm\nSize: 5 mm", ["Site: left arm", "Size: 5 mm"]],
    ["The lesion was\nexcised with 2 mm margins.", ["The lesion was\nexcised with 2 mm margins."]],
    ["done\n\nlowercase after a blank line", ["done", "lowercase after a blank line"]],
    ["#1 R forehead\n#2 L forehead\n#3 nose", ["#1 R forehead", "#2 L forehead", "#3 nose"]],
    ["1) shave left arm\n2) punch right leg", ["1) shave left arm", "2) punch right leg"]],
    [
      "BCCs: (1) back 8 mm, excised; (2) chest 6 mm, excised; dressed.",
      ["BCCs: (1) back 8 mm, excised;", "(2) chest 6 mm, excised; dressed."],
    ],
    ["Shave; cautery; dressing.", ["Shave; cautery; dressing."]],
    ["1. shave left arm\n2. punch right leg", ["1. shave left arm", "2. punch right leg"]],
    [
      "1. Shave biopsy left arm.\n2. Punch biopsy right leg.",
      ["1. Shave biopsy left arm.", "2. Punch biopsy right leg."],
    ],
    [
      "Procedures:\n1. Shave biopsy\n2. Punch biopsy",
      ["Procedures:", "1. Shave biopsy", "2. Punch biopsy"],
    ],
    ["- scalp: 8\n- face: 4", ["- scalp: 8", "- face: 4"]],
    // A list numbered "1.", "2." inside one line is split as if its items had lines of their own.
    [
      "Debridement of wounds: 1. Left heel ulcer. 2. Sacral ulcer, debrided to muscle. 3. Right hip.",
      [
        "Debridement of wounds:",
        "1. Left heel ulcer.",
        "2. Sacral ulcer, debrided to muscle.",
        "3. Right hip.",
      ],
    ],
    ["Lesions: 3. Site: left arm.", ["Lesions: 3.", "Site: left arm."]],
    ["Stage 1. 2 blocks taken.", ["Stage 1.", "2 blocks taken."]],
    ["  trailing spaces are trimmed.   ", ["trailing spaces are trimmed."]],
    // A lower-case word that opens a clause (clauseOpeners) ends the sentence before it.
    ["cryo to 3 warts R hand. mom ok w/ plan", ["cryo to 3 warts R hand.", "mom ok w/ plan"]],
    [
      "shave bx of L arm done. pt tolerated well.",
      ["shave bx of L arm done.", "pt tolerated well."],
    ],
    ["LN2 to 2 AKs! he declined bx", ["LN2 to 2 AKs!", "he declined bx"]],
    // ... but not after an abbreviation or a single letter, nor before another lower-case word.
    ["seen by dr. he said", ["seen by dr. he said"]],
    ["bx of L. mom ok", ["bx of L. mom ok"]],
    ["lesion L post. neck excised.", ["lesion L post. neck excised."]],
    ["cryo to 3 warts. momentary blanching.", ["cryo to 3 warts. momentary blanching."]],
  ])("splits %j into %j", (note, expected) => {
    expect(sentences(note)).toEqual(expected);
  });

  it("tags each sentence with its section and covers its tokens", () => {
    const note = "ASSESSMENT\nBCC of the nose.\nPlan: Mohs. Recheck in 3 months.";
    const doc = docOf(note);
    expect(doc.sentences.map((s) => [s.section, note.slice(s.start, s.end)])).toEqual([
      ["assessment", "BCC of the nose."],
      ["plan", "Mohs."],
      ["plan", "Recheck in 3 months."],
    ]);
    doc.sentences.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(doc.tokens[s.firstToken]!.start).toBe(s.start);
      expect(doc.tokens[s.lastToken - 1]!.end).toBe(s.end);
      for (let t = s.firstToken; t < s.lastToken; t++) expect(doc.sentenceOfToken[t]).toBe(i);
    });
  });

  it("reads a shipped abbreviation after a period as no sentence end", () => {
    const note = "Seen by Dr. Smith. Pt. tolerated well.";
    const doc = docOf(note, defaultLexicon());
    expect(doc.sentences.map((s) => note.slice(s.start, s.end))).toEqual([
      "Seen by Dr. Smith.",
      "Pt. tolerated well.",
    ]);
  });
});
