import { describe, expect, it } from "vitest";
import { createSession } from "../../src/incremental/index.ts";
import { inertVocabulary } from "../../src/incremental/vocabulary.ts";
import { suggest } from "../../src/index.ts";
import { defaultLexicon } from "../../src/pipeline/suggest.ts";
import { GRAMMAR_WORDS } from "../../src/text/grammar.ts";
import { fixtureNames, readFixture, seeded, wordOrSpaceEdit } from "./fixture-note.ts";

const BASE =
  "Shave biopsy of a 0.6 cm papule on the left upper back. Patient tolerated it nicely today.";

/** Inserts `insert` after the first occurrence of `after` in `note`. */
function editAfter(note: string, after: string, insert: string, remove = 0) {
  const at = note.indexOf(after) + after.length;
  return { start: at, end: at + remove, insert };
}

describe("inert edits (result moved, pipeline not run)", () => {
  it.each([
    ["a letter typed inside an ordinary word", BASE, editAfter(BASE, "nic", "e"), "shifted"],
    ["a letter deleted inside an ordinary word", BASE, editAfter(BASE, "nic", "", 1), "shifted"],
    ["a space added to a space between words", BASE, editAfter(BASE, "nicely", " "), "shifted"],
    [
      "a letter at the end of a word before a full stop",
      BASE,
      editAfter(BASE, "today", "s"),
      "full",
    ],
    ["a letter before the first letter of a word", BASE, editAfter(BASE, "it ", "q"), "full"],
    ["an upper-case letter", BASE, editAfter(BASE, "nic", "E"), "full"],
    ["a letter inside a lexicon word", BASE, editAfter(BASE, "tolera", "x"), "full"],
    ["a letter inside a mention", BASE, editAfter(BASE, "pap", "p"), "full"],
    ["a digit", BASE, editAfter(BASE, "nic", "4"), "full"],
    [
      "a letter inside a section header",
      "Procedure performd: shave biopsy of the left arm.",
      { start: 15, end: 15, insert: "e" },
      "full",
    ],
    [
      'a letter inside a clause joiner the code reads ("plus", src/text/grammar.ts)',
      "Two SKs on the back were shaved plus a 1.2 cm cyst on the neck was excised.",
      { start: 34, end: 35, insert: "a" },
      "full",
    ],
    [
      'a letter inside a coordinator the code reads ("also")',
      "Two SKs on the back were shaved, also a 1.2 cm cyst on the neck was excised.",
      { start: 36, end: 37, insert: "a" },
      "full",
    ],
    [
      'a letter inside a word of a multi-word diagnosis ("plana": "x16" after it counts lesions)',
      "Lesions plana x16 on the forehead, treated with LN2 today.",
      { start: 10, end: 11, insert: "m" },
      "full",
    ],
    [
      'a letter inside an inflected form the lexicon compiles ("starts" of "started")',
      "Seen for nodulocystic acne; he starts isotretinoin today. LN2 to one AK on the nose.",
      { start: 34, end: 35, insert: "l" },
      "full",
    ],
    [
      "a letter inside text a warning quotes (the procedure list's uncovered item)",
      "PROCEDURES: Shave biopsy of the left arm and partial glorbectomy.\nThe arm lesion was shaved and sent.",
      { start: 52, end: 52, insert: "y" },
      "full",
    ],
    [
      'a letter that gives a word a surgical ending ("-otomy")',
      "PROCEDURES: Shave biopsy of the left arm and bilateral glorbotoxy.\nThe arm lesion was shaved and sent.",
      { start: 63, end: 64, insert: "m" },
      "full",
    ],
    [
      "a space inside an upper-case line",
      "REVIEW OF SYSTEMS\nShave biopsy of the left arm.",
      { start: 6, end: 6, insert: " " },
      "full",
    ],
  ])("%s: takes the expected path and matches suggest", (_, note, edit, path) => {
    const session = createSession({ text: note });
    const update = session.applyEdit(edit);
    expect(update.path).toBe(path);
    expect(update.result).toEqual(suggest(session.text));
  });

  it("treats every word the code reads (src/text/grammar.ts) as a whole lexicon entry", () => {
    const vocabulary = inertVocabulary(defaultLexicon())!;
    const missing = [...GRAMMAR_WORDS].filter((w) => !vocabulary.singles.has(w));
    expect(missing).toEqual([]);
    expect(GRAMMAR_WORDS.has("plus")).toBe(true);
    expect(GRAMMAR_WORDS.has("within")).toBe(true);
  });

  it("stays exact on edits shaped like the fast path across every fixture note", () => {
    const random = seeded(99);
    let shifted = 0;
    for (const name of fixtureNames()) {
      const session = createSession({ text: readFixture(name) });
      for (let k = 0; k < 4; k++) {
        const edit = wordOrSpaceEdit(session.text, random);
        const update = session.applyEdit(edit);
        if (update.path === "shifted") shifted++;
        expect(update.result, `${name} after ${JSON.stringify(edit)}`).toEqual(
          suggest(session.text),
        );
      }
    }
    expect(shifted).toBeGreaterThan(50);
  });
});
