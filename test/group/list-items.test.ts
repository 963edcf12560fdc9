/** The item number a sentence opens: numbered, lettered and labelled list items. */
import { describe, expect, it } from "vitest";
import { extractMentions } from "../../src/extract/index.ts";
import { indexMentions, itemNumber } from "../../src/group/index-mentions.ts";
import { compileLexicon } from "../../src/lexicon/compile.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { docOf } from "../extract/mini-lexicon.ts";

describe("itemNumber", () => {
  it.each<[string, number, number | undefined]>([
    ["1. Excision of a cyst.", 0, 1],
    ["2) Back: cyst.", 0, 2],
    ["#3 Scalp: cyst.", 0, 3],
    ["(2) L chest 6 mm, excised.", 0, 2],
    ["A. Left temple: BCC.", 0, 1],
    ["b) Right forearm: nevus.", 0, 2],
    ["Excised.\nC. Chin: nevus.", 9, 3],
    // A letter opens an item only at the start of a line.
    ["Seen by Dr. X. B. Jones agreed.", 15, undefined],
    ["A 2 cm cyst was excised.", 0, undefined],
  ])("%j at %i opens item %s", (text, start, expected) => {
    expect(itemNumber(text, start, text.length)).toBe(expected);
  });
});

describe("labelled list items (a label word or a diagnosis, then a number or letter)", () => {
  const LEX = compileLexicon(loadLexicon());
  /** The item number of each sentence of the note that opens one ("-" for none). */
  function opened(note: string): string {
    const doc = docOf(note, LEX);
    const index = indexMentions(doc, extractMentions(doc, LEX), new Map(), LEX.itemLabels);
    return doc.sentences
      .map((s) => (index.itemOpens.has(s.index) ? String(index.itemNumber.get(s.index)) : "-"))
      .join(" ");
  }

  it.each([
    ["Two cysts excised. Cyst 1, back: 1.0 cm. Cyst 2, arm: 0.5 cm.", "- 1 2"],
    ["Excision of two lesions. Lesion A, back. Lesion B, arm.", "- 1 2"],
    ["Biopsies:\nSite 1: back.\nSite #2 arm.", "- 1 2"],
    ["Specimen 3 - arm.", "3"],
    // A size after the word is no label; nor is a word that labels nothing.
    ["Cyst 1.2 cm on the back. Cyst 2 cm on the arm.", "- -"],
    ["Stage 1: 3 blocks. Day 2, healing well.", "- -"],
  ])("%j opens items %s", (note, expected) => {
    expect(opened(note)).toBe(expected);
  });

  it("keeps the numbered-list map to numbered items", () => {
    const doc = docOf("Cyst 1, back: 1.0 cm. Cyst 2, arm.", LEX);
    const index = indexMentions(doc, extractMentions(doc, LEX), new Map(), LEX.itemLabels);
    expect(index.listNumber.size).toBe(0);
    expect([...index.itemNumber.values()]).toEqual([1, 2]);
  });
});
