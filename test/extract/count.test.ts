import { describe, expect, it } from "vitest";
import { extractCounts } from "../../src/extract/count.ts";
import {
  docOf,
  lexiconWith,
  MINI_COUNTS,
  MINI_HISTOLOGY,
  MINI_LEXICON,
  MINI_PROCEDURES,
  MINI_SECTIONS,
  MINI_SITES,
  MINI_UNITS,
} from "./mini-lexicon.ts";

/** Counts found in a note ("2+" for a vague count with minimum 2). */
function counts(note: string): string[] {
  return extractCounts(docOf(note), MINI_LEXICON).flatMap((m) =>
    m.kind === "count" ? [`${m.count}${m.vague ? "+" : ""}`] : [],
  );
}

describe("extractCounts", () => {
  it.each([
    ["Cryotherapy to AKs x 12", "12"],
    ["AKs x12", "12"],
    ["AK x 20", "20"],
    ["AK x three", "3"],
    ["warts x twelve", "12"],
    ["Cryotherapy x 12", "12"],
    ["three warts", "3"],
    ["twelve AKs", "12"],
    ["12 AKs on the scalp", "12"],
    ["8 lesions healing", "8"],
    ["Cryo to 4 AKs and 2 SKs", "4, 2"],
    ["Lesions #1-#4 frozen", "4"],
    ["#1 through #4", "4"],
    ["#1-#4 right temple, #5 nasal dorsum, #6-#8 scalp", "8"],
    ["#1, #2 and #3-#5 frozen", "5"],
    ["AKs: 9", "9"],
    ["Number of lesions: 5", "5"],
    ["lesions = 12", "12"],
    ["a total of 12 treated", "12"],
    ["LN2 x3: L cheek, nose, R cheek", "3"],
    ["multiple warts", "2+"],
    ["AKs, scalp (8) - LN2 today", "8"],
    ["AKs on the face (n=8)", "8"],
    ["AKs treated x 6 lesions", "6"],
    ["Number: 16", "16"],
    ["Count: 20", "20"],
    ["Qty: 12", "12"],
    ["AKs x4 right forearm", "4"],
  ])("counts %j as %s", (note, expected) => {
    expect(counts(note).join(", ")).toBe(expected);
  });

  it.each([
    "LN2 x2 freeze cycles to AKs",
    "LN2 x two freeze cycles to AKs",
    "LN2 x2 to AKs",
    "Cryo x2 cycles",
    "ED&C x3",
    "Closed with sutures x4",
    "Day 8 lesions healing",
    "Stage 2 lesions",
    "4 after excision of lesions",
    "1.2 x 3 cm lesion",
    "lesion #2",
    "Cryotherapy (2) today",
    "AKs (2019) treated",
    "biopsies: (1) right arm nodule, (2) left thigh plaque",
    "the first and second stages were taken",
    "the 1st lesion was frozen",
    "2nd AK on the scalp",
    // An "x N" after an episode word (or a procedure right after one) counts times.
    "Cyst on the back 1.5 cm, inflamed x3, excised",
    "AK right ear, treated x2 in the past",
    "AK right ear, failed LN2 x4",
    // A count field's label opens its line, and its number has no unit.
    "Number: 2 cm",
    "Call the office number: 5",
  ])("does not count %j as lesions", (note) => {
    expect(counts(note)).toEqual([]);
  });

  describe("ordinals listed before a site", () => {
    // The mini sites with a plural site word ("toes") added.
    const toes = {
      ...MINI_SITES.sites[1]!,
      id: "t.site.toe",
      site: "toe",
      literals: ["toe", "toes", "web space"],
    };
    const lex = lexiconWith({
      sites: { ...MINI_SITES, sites: [...MINI_SITES.sites, toes] },
      sections: MINI_SECTIONS,
      units: MINI_UNITS,
      counts: MINI_COUNTS,
      histology: MINI_HISTOLOGY,
      procedures: MINI_PROCEDURES,
    });
    const found = (note: string) =>
      extractCounts(docOf(note, lex), lex).flatMap((m) => (m.kind === "count" ? [m.count] : []));

    it.each([
      ["Lesions of the first and second toes were excised", [2]],
      ["AKs of the first, second and third left toes", [3]],
      // One place: between two ordinals, or a site in the singular.
      ["The lesion between the fourth and fifth toes", []],
      ["The lesion of the third and fourth web space", []],
      // Words that are keys of every JavaScript object are no ordinals.
      ["Lesions of the constructor and constructor toes were excised", []],
    ])("counts %j as %j", (note, expected) => {
      expect(found(note)).toEqual(expected);
    });
  });

  it("points a count at the lesion word it counts", () => {
    const note = "Cryo to 4 AKs and 2 SKs";
    const found = extractCounts(docOf(note), MINI_LEXICON);
    expect(found.map((m) => (m.kind === "count" ? note.slice(m.target) : ""))).toEqual([
      "AKs and 2 SKs",
      "SKs",
    ]);
  });

  it.each([
    ["All of her toenails were debrided.", "10", false],
    ["all the toenails debrided", "10", false],
    ["Her remaining toenails required debridement.", "10", true],
    ["The rest of the toenails were debrided.", "10", true],
  ])("counts the whole set named in %j as %s (remainder: %s)", (note, expected, remainder) => {
    const found = extractCounts(docOf(note), MINI_LEXICON);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "count", implied: true });
    if (found[0]?.kind !== "count") return;
    expect(String(found[0].count)).toBe(expected);
    expect(found[0].remainder ?? false).toBe(remainder);
    expect(note.slice(found[0].target)).toMatch(/^toenails/);
  });

  it.each(["The toenails were debrided.", "all eleven were treated", "the remaining lesion"])(
    "counts no whole set in %j",
    (note) => {
      expect(
        extractCounts(docOf(note), MINI_LEXICON).filter((m) => m.kind === "count" && m.implied),
      ).toEqual([]);
    },
  );

  it("marks a reference to one lesion", () => {
    const [ref] = extractCounts(docOf("ED&C of the same lesion"), MINI_LEXICON);
    expect(ref).toMatchObject({ kind: "lesion_ref", ref: "same", text: "the same lesion" });
  });
});
