import { describe, expect, it } from "vitest";
import type { Procedure } from "../../src/schemas/api.ts";
import { run } from "./notes.ts";

function procedures(note: string): Procedure[] {
  return run(note).procedures;
}

/** "excision back A_TAL left" for the first procedure. */
function where(p: Procedure): string {
  const s = p.site;
  return [p.kind, s?.key, s?.siteGroup, s?.laterality].filter(Boolean).join(" ");
}

describe("grouping: procedure events", () => {
  it.each([
    ["Excision of a 1.0 cm nevus on the back with 2 mm margins.", "excision back A_TAL"],
    ["Shave removal of a 6 mm SK on the right cheek.", "shave cheek C_FACE right"],
    ["Punch biopsy of a nevus on the L arm.", "biopsy arm A_TAL left"],
    ["Cryotherapy of 12 AKs on the scalp.", "destruction scalp B_SNHFG"],
    ["Procedure: Excision\nSite: L neck\nSize: 1.2 cm", "excision neck B_SNHFG left"],
  ])("attaches the site of %j (%s)", (note, expected) => {
    expect(where(procedures(note)[0]!)).toBe(expected);
  });

  it.each([
    [
      "Excision of a 1.0 x 0.5 cm nevus on the back with 0.2 cm margins.",
      { lesionCm: 1, marginCm: 0.2, excisedDiameterCm: 1.4 },
    ],
    [
      "Excision of a 0.6 cm nevus on the back with a 3 mm margin laterally and a 1 mm margin at the base.",
      { lesionCm: 0.6, marginCm: 0.1, excisedDiameterCm: 0.8 },
    ],
    [
      "Excision of a 12 mm nevus on the scalp with 4 mm margins.",
      { lesionCm: 1.2, marginCm: 0.4, excisedDiameterCm: 2 },
    ],
    [
      "Excision of a nevus on the L cheek, excised diameter 1.4 cm.",
      { defectCm: 1.4, excisedDiameterCm: 1.4 },
    ],
    [
      "Elliptical excision of a 1.0 cm nevus on the back with 2 mm margins; ellipse 4.2 cm long.",
      { lesionCm: 1, marginCm: 0.2, excisedDiameterCm: 1.4, repairLengthCm: 4.2 },
    ],
  ])("derives the excised diameter of %j", (note, expected) => {
    const { all, ...sizes } = procedures(note)[0]!.sizes;
    expect(sizes).toEqual(expected);
  });

  it.each([
    ["Cryotherapy of 12 AKs on the scalp.", 12],
    ["LN2 to AKs x 9 on the scalp.", 9],
    ["Cryotherapy to 4 AKs and 6 warts on the left arm.", 10],
    ["Tangential biopsy of 4 nevi on the back.", 4],
  ])("counts the lesions of %j (%i)", (note, expected) => {
    expect(procedures(note)[0]!.count).toBe(expected);
  });

  it.each([
    ["a clinical diagnosis", "Shave removal of a 6 mm SK on the right cheek.", "benign"],
    [
      "a proven cancer",
      "Excision of a 1.0 cm biopsy-proven BCC on the back with 2 mm margins.",
      "malignant",
    ],
    [
      "a pathology section",
      "Excision of a 1.0 cm lesion on the back with 2 mm margins.\nPATHOLOGY: basal cell carcinoma.",
      "malignant",
    ],
    [
      "pending pathology",
      "Excision of a 1.0 cm lesion on the back with 2 mm margins, path pending.",
      "pending",
    ],
    ["a suspected cancer", "Shave biopsy of a lesion on the left arm, r/o BCC.", "uncertain"],
    ["an AK", "Cryotherapy of 12 AKs on the scalp.", "premalignant"],
  ])("takes the malignancy from %s", (_name, note, expected) => {
    expect(procedures(note)[0]!.malignancy).toBe(expected);
  });

  it.each([
    ["negated", "No biopsy was performed today."],
    ["planned", "Plan: excision of the nevus on the back next visit."],
    ["historical", "History of BCC excision on the back in 2019."],
  ])("keeps a %s procedure but does not bill it", (_name, note) => {
    const result = run(note);
    expect(result.procedures).toHaveLength(1);
    expect(result.procedures[0]!.assertion.billable).toBe(false);
    expect(result.procedures[0]!.assertion.reason).toBeTruthy();
    expect(result.codes).toEqual([]);
  });

  it("gives procedures on the same lesion one lesion index", () => {
    const [biopsy, edc] = procedures(
      "Shave biopsy of a 0.8 cm lesion on the left arm, then ED&C of the same lesion. Path: BCC.",
    );
    expect(biopsy!.lesion).toBe(edc!.lesion);
  });

  it.each([
    [
      "different sides",
      "Punch biopsy of a nevus on the L arm. Punch biopsy of a nevus on the R arm.",
    ],
    [
      "different sites",
      "Shave biopsy of an SK on the back. Excision of a 1.0 cm nevus on the scalp with 2 mm margins.",
    ],
  ])("keeps procedures on %s as different lesions", (_name, note) => {
    const [a, b] = procedures(note);
    expect(a!.lesion).not.toBe(b!.lesion);
    expect([a!.assertion.billable, b!.assertion.billable]).toEqual([true, true]);
  });

  it("attaches the repair of an excision wound to that lesion", () => {
    const [excision, repair] = procedures(
      "Excision of a 1.2 x 0.8 cm nevus on the scalp with 2 mm margins; layered closure 4.5 cm.",
    );
    expect(repair).toMatchObject({ kind: "repair", lesion: excision!.lesion });
    expect(repair!.site).toMatchObject({ key: "scalp", repairGroup: "I_TRUNK" });
    expect(repair!.sizes.repairLengthCm).toBe(4.5);
  });
});
