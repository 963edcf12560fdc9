import { describe, expect, it } from "vitest";
import { PhraseTrie, TokenIds } from "../../src/lexicon/trie.ts";
import { tokenizeLiteral } from "../../src/text/tokens.ts";

function trieOf(literals: string[]): PhraseTrie<string> {
  const trie = new PhraseTrie<string>();
  for (const l of literals) trie.add(tokenizeLiteral(l), l);
  return trie;
}

const LITERALS = ["punch biopsy", "punch", "shave biopsy", "biopsy", "left upper arm", "arm"];
const NOTE = tokenizeLiteral(
  "a punch biopsy of the left upper arm and a shave biopsy of the arm then punch punch",
);

function found(trie: PhraseTrie<string>, ids?: { set: TokenIds; of: Int32Array }) {
  return trie.findAll(NOTE, 0, NOTE.length, ids).map((m) => [m.start, m.hit.payload]);
}

describe("PhraseTrie", () => {
  it("finds leftmost-longest matches", () => {
    expect(found(trieOf(LITERALS))).toEqual([
      [1, "punch biopsy"],
      [5, "left upper arm"],
      [10, "shave biopsy"],
      [14, "arm"],
      [16, "punch"],
      [17, "punch"],
    ]);
  });

  it("gives the same matches when tokens are skipped by id", () => {
    const ids = new TokenIds();
    const trie = trieOf(LITERALS).index(ids);
    const other = trieOf(["of the"]).index(ids); // ids shared by several tries
    const noteIds = { set: ids, of: ids.of(NOTE) };
    expect(found(trie, noteIds)).toEqual(found(trieOf(LITERALS)));
    expect(found(other, noteIds)).toEqual([
      [3, "of the"],
      [12, "of the"],
    ]);
  });

  it("ignores ids from another id set, and drops its index when a literal is added", () => {
    const ids = new TokenIds();
    const trie = trieOf(LITERALS).index(ids);
    const foreign = new TokenIds();
    expect(found(trie, { set: foreign, of: foreign.of(NOTE) })).toEqual(found(trieOf(LITERALS)));
    trie.add(tokenizeLiteral("then"), "then");
    // "then" has no id in `ids` (-1), yet it must still be found.
    expect(found(trie, { set: ids, of: ids.of(NOTE) })).toContainEqual([15, "then"]);
  });

  it("scanRanges finds in each range what findAll finds there, by id or by string", () => {
    const ids = new TokenIds();
    const indexed = trieOf(LITERALS).index(ids);
    // Ranges cut "punch biopsy" (1-3) and "left upper arm" (5-8) apart; the last is empty.
    const ranges = [
      { index: 0, firstToken: 0, lastToken: 2 },
      { index: 1, firstToken: 2, lastToken: 7 },
      { index: 2, firstToken: 7, lastToken: NOTE.length },
      { index: 3, firstToken: NOTE.length, lastToken: NOTE.length },
    ];
    const expected = ranges.flatMap((r) =>
      trieOf(LITERALS)
        .findAll(NOTE, r.firstToken, r.lastToken)
        .map((m) => [r.index, m.start, m.hit.payload, m.hit.length]),
    );
    expect(expected).toContainEqual([0, 1, "punch", 1]);
    expect(expected).toContainEqual([1, 2, "biopsy", 1]);
    for (const [trie, set] of [
      [indexed, ids],
      [trieOf(LITERALS), new TokenIds()],
    ] as const) {
      const got: unknown[] = [];
      trie.scanRanges(NOTE, ranges, { set, of: set.of(NOTE) }, (start, length, payload, range) =>
        got.push([range, start, payload, length]),
      );
      expect(got).toEqual(expected);
    }
  });

  it("occursIn tells whether findAll would find anything in the range", () => {
    const trie = trieOf(LITERALS);
    for (const [from, to] of [
      [0, NOTE.length],
      [0, 1],
      [1, 2],
      [2, 5],
      [3, 5],
      [6, 7],
      [NOTE.length, NOTE.length],
    ] as const) {
      expect(trie.occursIn(NOTE, from, to)).toBe(trie.findAll(NOTE, from, to).length > 0);
    }
    const ids = new TokenIds();
    const indexed = trieOf(LITERALS).index(ids);
    const noteIds = { set: ids, of: ids.of(NOTE) };
    for (const [from, to] of [
      [0, NOTE.length],
      [2, 5],
      [3, 5],
      [6, 7],
    ] as const) {
      expect(indexed.occursIn(NOTE, from, to, noteIds)).toBe(trie.occursIn(NOTE, from, to));
    }
    expect(trie.occursIn(NOTE, 3, 5)).toBe(false); // "of the"
    expect(trie.occursIn(NOTE, 6, 7)).toBe(false); // "upper" alone
  });

  it("matchAt respects the limit", () => {
    const trie = trieOf(LITERALS);
    expect(trie.matchAt(NOTE, 1, 2)?.payload).toBe("punch");
    expect(trie.matchAt(NOTE, 1, 3)?.payload).toBe("punch biopsy");
    expect(trie.matchAt(NOTE, 1, 1)).toBeUndefined();
  });
  it("matchRanges by start positions finds what findAll finds, with bits to spare or not", () => {
    const ids = new TokenIds();
    // More tries than start-position bits: the last ones scan every token instead.
    const tries = Array.from({ length: 34 }, (_, k) =>
      trieOf(k % 2 === 0 ? LITERALS : ["of the", "the arm", "biopsy of", "then"]),
    );
    for (const t of tries) t.index(ids);
    const noteIds = { set: ids, of: ids.of(NOTE) };
    const ranges = [
      { index: 0, firstToken: 0, lastToken: 2 },
      { index: 1, firstToken: 2, lastToken: 7 },
      { index: 2, firstToken: 9, lastToken: 9 },
      { index: 3, firstToken: 9, lastToken: NOTE.length },
    ];
    const shuffled = [ranges[3]!, ranges[0]!, ranges[1]!]; // out of order: scanned token by token
    for (const [k, trie] of tries.entries()) {
      const plain = trieOf(k % 2 === 0 ? LITERALS : ["of the", "the arm", "biopsy of", "then"]);
      for (const rs of [ranges, shuffled]) {
        const expected = rs.flatMap((r) =>
          plain.findAll(NOTE, r.firstToken, r.lastToken).map((m) => ({
            first: m.start,
            last: m.start + m.hit.length,
            payload: m.hit.payload,
            sentence: r.index,
          })),
        );
        expect(trie.matchRanges(NOTE, rs, noteIds, [])).toEqual(expected);
      }
    }
  });

  it("matchAt and occursIn reuse the ids of the last token array asked, and only of that one", () => {
    const ids = new TokenIds();
    const trie = trieOf(LITERALS).index(ids);
    const other = tokenizeLiteral("a shave biopsy");
    ids.of(NOTE);
    expect(trie.matchAt(NOTE, 1, NOTE.length)).toEqual({ payload: "punch biopsy", length: 2 });
    expect(trie.matchAt(other, 1, other.length)).toEqual({ payload: "shave biopsy", length: 2 });
    expect(trie.occursIn(other, 0, 2)).toBe(false);
    // A token given an id after the note's ids were taken: the strings are read instead.
    trieOf(["then"]).index(ids);
    expect(trie.matchAt(NOTE, 5, NOTE.length)).toEqual({ payload: "left upper arm", length: 3 });
  });
});
