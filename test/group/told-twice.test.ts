/**
 * A procedure told twice (a list or an assessment line, then the narrative) is coded once: the
 * same count of a lesion type in another section, a family word heading counted lesions, and the
 * same area of a graft or debridement told again.
 */
import { describe, expect, it } from "vitest";
import { codes, run, shippedCodes } from "./notes.ts";

describe("the same count of a lesion type, told again in another section", () => {
  it.each([
    [
      "ASSESSMENT AND PLAN:\n1. Actinic keratoses of the scalp. 7 frozen with LN2 today.\n\nPROCEDURE: Cryosurgery.\nThe 7 actinic keratoses were treated with liquid nitrogen, two freeze-thaw cycles each.",
      "17000 17003x6",
    ],
    [
      "ASSESSMENT AND PLAN:\n1. Actinic keratoses, scalp. 10 were treated with liquid nitrogen today.\n2. Seborrheic keratoses, back. 11 irritated SKs on the back were treated with liquid nitrogen today.\n\nPROCEDURE: Cryosurgery (destruction) of premalignant and benign lesions.\nAfter consent, the 10 actinic keratoses were treated with liquid nitrogen. The 11 irritated seborrheic keratoses were treated in the same way.",
      "17000 17003x9 17110-XS",
    ],
    // Different numbers are different lesions: they add up.
    [
      "ASSESSMENT AND PLAN:\n1. Actinic keratoses of the scalp. 7 frozen with LN2 today.\n\nPROCEDURE: Cryosurgery.\nThe 5 actinic keratoses of the cheek were treated with liquid nitrogen.",
      "17000 17003x11",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("names the rule on the event told again", () => {
    const told = run(
      "ASSESSMENT AND PLAN:\n1. Actinic keratoses of the scalp. 7 frozen with LN2 today.\n\nPROCEDURE: Cryosurgery.\nThe 7 actinic keratoses were treated with liquid nitrogen.",
    ).procedures.find((p) => !p.assertion.billable);
    expect(told?.assertion.ruleIds).toContain("group.retold-count");
  });
});

describe("a family word heading counted lesions adds none", () => {
  it.each([
    [
      "DIAGNOSIS: Common warts.\n\nPROCEDURE: Destruction of benign lesions.\n\nDESCRIPTION: After consent, 14 common warts on the arm were treated with liquid nitrogen.",
      "17110",
    ],
    [
      "DIAGNOSES: Verrucae and molluscum.\n\nPROCEDURE: Destruction of benign lesions.\n\nDESCRIPTION: 8 verrucae on the arm were frozen with liquid nitrogen. 6 molluscum papules on the back were then frozen.",
      "17110",
    ],
    // A family word at a site of its own is a lesion of its own.
    [
      "PROCEDURE: 8 common warts on the arm were treated with liquid nitrogen. A benign lesion on the back was also frozen.",
      "17110",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("the same area told again", () => {
  it.each([
    // A debridement listed with its area and described over the same area.
    [
      "WOUND CARE PROCEDURE NOTE\n\nPROCEDURES:\n1. Excisional debridement, sacral wound, including subcutaneous tissue, 30 sq cm.\n2. Selective debridement, left heel wound, 6 sq cm.\n\nINDICATIONS: 77-year-old woman with nonhealing pressure injuries. Consent was given by her son.\n\nDESCRIPTION OF PROCEDURE: Sacral wound: After topical lidocaine, the wound measured 6.0 x 5.0 cm with 1.5 cm depth. Using a curette and scissors, nonviable slough and necrotic subcutaneous tissue were excised down to bleeding subcutaneous fat over the full 30 sq cm surface. No muscle was debrided.",
      "11042 11045 97597-XS",
    ],
    // A graft listed with its area and described by length and width of the same area.
    [
      "PROCEDURES:\n1. Mohs micrographic surgery, left helix, one stage.\n2. Full-thickness skin graft, left ear, 3.0 sq cm.\n\nDESCRIPTION OF PROCEDURE: Stage I was excised around the 0.6 cm tumor and was clear. The defect measured 1.6 x 1.5 cm. An FTSG measuring 2.0 x 1.5 cm was harvested from the preauricular skin and sutured into the defect.",
      "17311 15260",
    ],
  ])("%j -> %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
