import { describe, expect, it } from "vitest";
import { hash53, IdHashSet } from "../../src/io/id-hash-set.ts";
import { IdTracker } from "../../src/io/id-tracker.ts";

describe("IdHashSet", () => {
  it("finds every repeat and no false one across growth", () => {
    const set = new IdHashSet();
    const ids = Array.from({ length: 20_000 }, (_, i) => `note-${i}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(ids.some((id) => set.add(id))).toBe(false);
    expect(set.size).toBe(ids.length);
  });

  it("hashes to a non-zero 53-bit integer", () => {
    for (const id of ["", "a", "gen-0000001", "é😀"]) {
      const hash = hash53(id);
      expect(Number.isSafeInteger(hash) && hash > 0).toBe(true);
    }
  });
});

describe("IdTracker", () => {
  it("flags the second use of an id as a duplicate and codes it anyway", () => {
    const ids = new IdTracker();
    expect(ids.admit({ id: "a", text: "x" })).toEqual({ id: "a", text: "x" });
    expect(ids.admit({ id: "a", text: "y" })).toEqual({ id: "a", text: "y", duplicate: true });
    expect(ids.duplicates).toBe(1);
  });

  it("skips as many records of an id as the output already has", () => {
    const ids = new IdTracker(new Map([["a", 2]]));
    const admitted = ["a", "b", "a", "a"].map((id) => ids.admit({ id, text: "t" })?.id);
    expect(admitted).toEqual([undefined, "b", undefined, "a"]);
    expect(ids.skipped).toBe(2);
  });
});
