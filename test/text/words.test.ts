/**
 * The word table gives each token the same string, canonical spelling and token id as cutting
 * the token out of the note and looking it up, whether the word is new, known, or past the
 * table's bound.
 */
import { describe, expect, it } from "vitest";
import { TokenIds } from "../../src/lexicon/trie.ts";
import { normalize } from "../../src/text/normalize.ts";
import { tokenize, tokenizeWords } from "../../src/text/tokens.ts";
import { WordTable } from "../../src/text/words.ts";

const canonOf = (token: string) => (token === "excising" ? "excision" : token);
const ids = new TokenIds();
for (const t of ["excision", "cm", ",", "2.5"]) ids.add(t);

const notes = [
  "Excising 2.5 cm lesion, excising again; EXCISING 2.5cm.",
  "2.5 cm, 2.5 cm, excisingx excisin excising",
  `${"a".repeat(41)} ${"a".repeat(41)} ${"b".repeat(40)} ${"b".repeat(40)} 😀 ×`,
];

function expected(note: string) {
  const tokens = tokenize(note, normalize(note).lower);
  const canon = tokens.map((t) => canonOf(t.norm));
  return { tokens, canon, ids: Int32Array.from(canon, (c) => ids.idOf(c)) };
}

describe("tokenizeWords", () => {
  it.each([1_000, 3])("reads tokens, spellings and ids as a lookup would (bound %i)", (limit) => {
    const table = new WordTable(canonOf, ids, limit);
    for (let pass = 0; pass < 2; pass++)
      for (const note of notes)
        expect(tokenizeWords(normalize(note).lower, table)).toEqual(expected(note));
  });

  it("keeps each word once", () => {
    const table = new WordTable(canonOf, ids);
    const { tokens } = tokenizeWords("excising, excising", table);
    expect(tokens[0]!.norm).toBe("excising");
    expect(table.norm).toEqual(["excising", ","]);
  });

  it("finds every word again after the slots grow", () => {
    const table = new WordTable(canonOf, ids);
    // Letters only ("ab", "ac", ...), so each is one token: more words than the first slots hold.
    const words = Array.from({ length: 5_000 }, (_, i) =>
      [...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join(""),
    );
    const lower = words.join(" ");
    tokenizeWords(lower, table);
    const size = table.norm.length;
    expect(size).toBe(5_000);
    expect(tokenizeWords(lower, table).tokens.map((t) => t.norm)).toEqual(
      tokenize(lower, lower).map((t) => t.norm),
    );
    expect(table.norm.length).toBe(size);
  });
});
