import { describe, expect, it } from "vitest";
import { extractHistology } from "../../src/extract/histology.ts";
import { docOf, MINI_LEXICON } from "./mini-lexicon.ts";

/** "BCC: bcc malignant (pathology)" for each diagnosis term; "status: final" for cues. */
function histology(note: string): string[] {
  return extractHistology(docOf(note), MINI_LEXICON).map((m) =>
    m.kind === "histology"
      ? `${m.text}: ${m.histology} ${m.malignancy}${m.fromPathology ? " (pathology)" : ""}`
      : `${m.text}: ${m.status}`,
  );
}

describe("extractHistology", () => {
  it.each([
    ["BCC of the nose", ["BCC: bcc malignant"]],
    ["basal cell carcinoma", ["basal cell carcinoma: bcc malignant"]],
    ["SCC in situ", ["SCC in situ: scc_in_situ malignant"]],
    ["Cryo to AKs", ["AKs: actinic_keratosis premalignant"]],
    ["irritated SK", ["SK: seborrheic_keratosis benign"]],
    ["Shave biopsy of a lesion", ["lesion: neoplasm_unspecified unknown"]],
    ["PATHOLOGY: SCC in situ", ["SCC in situ: scc_in_situ malignant (pathology)"]],
    ["biopsy-proven BCC", ["biopsy-proven: final", "BCC: bcc malignant (pathology)"]],
    ["BCC, path pending", ["path pending: pending", "BCC: bcc malignant"]],
    ["BCC. biopsy-proven", ["biopsy-proven: final", "BCC: bcc malignant"]],
    ["an SK-like nevus", ["nevus: nevus benign"]],
    ["a BCC like papule", []],
    // A bare "mass" is a lesion only where a depth places it beneath the skin.
    ["Excision of mass of the thigh.", []],
    ["The subcutaneous mass was excised.", ["mass: soft_tissue_mass unknown"]],
    ["The mass was removed from beneath the skin.", ["mass: soft_tissue_mass unknown"]],
  ])("reads %j as %j", (note, expected) => {
    expect(histology(note)).toEqual(expected);
  });

  it("carries the destruction family of the term", () => {
    const [ak] = extractHistology(docOf("AK"), MINI_LEXICON);
    expect(ak).toMatchObject({ kind: "histology", destruction: "premalignant" });
  });
});
