/**
 * Where a count belongs: to the procedure phrase it is written in (not to another procedure of
 * its sentence), and to the whole numbered list a counting sentence heads (not to its first item).
 */
import { describe, expect, it } from "vitest";
import { codes, run } from "./notes.ts";

/** "biopsy/punch x2, biopsy/tangential x1": each procedure's kind, technique and count. */
function counts(note: string): string {
  return run(note)
    .procedures.filter((p) => p.kind !== "repair")
    .map((p) => `${p.kind}${p.technique ? `/${p.technique}` : ""} x${p.count ?? 1}`)
    .join(", ");
}

function warnedRules(note: string): string[] {
  return run(note).warnings.flatMap((w) => (w.ruleId ? [w.ruleId] : []));
}

describe("a count stays in the procedure phrase it is written in", () => {
  it.each([
    // The count written after the second technique is that technique's only.
    [
      "Punch biopsy of the right forearm, tangential biopsies of two lesions on the back.",
      "11104 11103x2",
    ],
    // A real count on the first item still counts it, and only it.
    [
      "Punch biopsies of three lesions of the back, tangential biopsy of the arm.",
      "11104 11105x2 11103",
    ],
    // A count right before its procedure word counts that word.
    ["Two punch biopsies of the back and a shave biopsy of the arm.", "11104 11105 11103"],
    ["Shave biopsy of the arm and punch biopsies x2 of the back.", "11104 11105 11103"],
    // Another event of the same technique does not take it either.
    ["Punch biopsies of two lesions of the back and a punch biopsy of the arm.", "11104 11105x2"],
    // Destruction and biopsy in one list.
    ["Shave biopsy of the left arm, cryotherapy of 4 AKs on the scalp.", "11102 17000-XS 17003x3"],
    ["Cryotherapy of 4 AKs on the scalp, shave biopsy of the left arm.", "11102 17000-XS 17003x3"],
    ["Destruction of 3 warts on the arm and shave biopsy of the back.", "11102 17110-XS"],
    // "treated with X": the generic word is X's, so the count before it is X's too.
    [
      "Actinic keratoses of the back, 3 lesions: pared and treated with cryotherapy.",
      "17000 17003x2",
    ],
    // A ";" parts the count from the procedure before it; it counts the one it precedes.
    ["Shave biopsy of the arm; 4 AKs on the scalp were frozen with LN2.", "11102 17000-XS 17003x3"],
    // Procedure words joined by "and" share the phrase and its count.
    ["Painful warts on the arm, eight in total, pared and frozen.", "17110"],
    // A word saying how the lesions were diagnosed heads no phrase of its own.
    ["Excision of two bx-proven BCCs of the back, 1.0 cm and 1.2 cm, 4 mm margins.", "11602x2"],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    [
      "Shave biopsy of the arm, ED&C of 2 BCCs of the back.",
      "biopsy/tangential x1, destruction/curettage x2",
    ],
    [
      "ED&C of 2 BCCs of the back, shave biopsy of the arm.",
      "destruction/curettage x2, biopsy/tangential x1",
    ],
    [
      "Shave removal of an SK of the arm and excision of 2 cysts of the back.",
      "shave x1, excision x2",
    ],
    [
      "Excision of two lesions of the back with 2 mm margins, shave removal of a lesion of the arm.",
      "excision x2, shave x1",
    ],
    [
      "Shave removal of two lesions of the arm and excision of a lesion of the back.",
      "shave x2, excision x1",
    ],
  ])("%j counts %s", (note, expected) => {
    expect(counts(note)).toBe(expected);
  });
});

describe("a count over a numbered list is the list's", () => {
  it.each([
    // The items name no procedure: one lesion each, with its own site and size.
    [
      "Two cysts excised. Cyst 1, back: 1.0 cm, 1 mm margins. Cyst 2, arm: 0.5 cm, 1 mm margins. Intermediate repair, 5.0 cm total.",
      "11402 11401 12032",
    ],
    // Each item tells its own excision: the first is not counted twice.
    [
      "Two cysts excised.\nCyst 1, back: 1.0 cm, 1 mm margins, excised.\nCyst 2, arm: 0.5 cm, 1 mm margins, excised.\nIntermediate repair, 5.0 cm total.",
      "11402 11401 12032",
    ],
    [
      "2 lesions excised today.\n#1 back: 1.2 cm nevus, 2 mm margins.\n#2 arm: 0.6 cm nevus, 2 mm margins.",
      "11402 11401",
    ],
    [
      "Two shave removals performed.\n1) Right cheek: 0.5 cm SK.\n2) Nose: 0.8 cm SK.",
      "11311 11310",
    ],
    [
      "Excision of two lesions. Lesion A, back: 1.0 cm, 2 mm margins. Lesion B, scalp: 0.4 cm, 2 mm margins.",
      "11402 11421",
    ],
    [
      "Two cysts excised. Site 1, back: 1.0 cm, 1 mm margins. Site 2, arm: 0.5 cm, 1 mm margins.",
      "11402 11401",
    ],
    // A sentence continuing an item on its line belongs to that item.
    [
      "Two cysts excised. Cyst 1, back: 1.0 cm. 1 mm margins. Cyst 2, arm: 0.5 cm. 1 mm margins.",
      "11402 11401",
    ],
    // Not a list: sizes in the sentence itself, one per counted lesion.
    ["Two cysts excised from the back, 1.0 cm and 1.5 cm, each with 1 mm margins.", "11402x2"],
    // Lesions counted by the visit (AKs) keep the count over a list of their sites.
    ["Cryotherapy to 5 AKs.\n1) scalp\n2) nose\n3) cheek", "17000 17003x4"],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
    expect(warnedRules(note)).not.toContain("group.counted-list");
  });

  it.each([
    // More counted than listed: the listed lesions, each sized, are coded; the count is queried.
    [
      "Three cysts excised. Cyst 1, back: 1.0 cm, 1 mm margins. Cyst 2, arm: 0.5 cm, 1 mm margins.",
      "11402 11401",
    ],
    [
      "Three cysts excised.\nCyst 1, back: 1.0 cm, 1 mm margins, excised.\nCyst 2, arm: 0.5 cm, 1 mm margins, excised.",
      "11402 11401",
    ],
    // Fewer counted than listed: every listed lesion is coded.
    [
      "Two cysts excised. Cyst 1, back: 1.0 cm, 1 mm margins. Cyst 2, arm: 0.5 cm, 1 mm margins. Cyst 3, scalp: 0.8 cm, 1 mm margins.",
      "11402 11421 11401",
    ],
    [
      "Excisions x3:\n#1 Scalp: 1.0 cm cyst, 1 mm margins.\n#2 Back: 0.8 cm nevus, 1 mm margins.",
      "11422 11401",
    ],
  ])("%j -> %s, and warns that the count differs", (note, expected) => {
    expect(codes(note)).toBe(expected);
    const warnings = run(note).warnings.filter((w) => w.ruleId === "group.counted-list");
    expect(warnings).toHaveLength(1);
    const warning = warnings[0];
    expect(warning?.kind).toBe("count_ambiguous");
    expect(warning?.span?.text).toMatch(/^(Three|Two|x3)$/i);
  });
});
