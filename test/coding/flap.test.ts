import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { codesOf, shippedCodes } from "../group/notes.ts";

const codes = (note: string) => codesOf(suggest(note));

describe("local flaps (adjacent tissue transfer, 14000-14302)", () => {
  it.each([
    [
      "Excision of a biopsy-proven BCC of the left nasal ala, 0.6 cm with 2 mm margins; the 1.0 x 1.0 cm defect was closed with a bilobed flap.",
      "14060",
    ],
    [
      "Excision of biopsy-proven melanoma in situ of the upper back, 2.0 cm with 5 mm margins. The defect was closed with a rhomboid flap, total defect area 12 sq cm.",
      "14001",
    ],
    [
      "Excision of biopsy-proven SCC of the right cheek, 1.0 cm with 4 mm margins, closed with a rotation flap. The flap was inset with 5-0 Monocryl.",
      "14040",
    ],
    [
      "Excision of biopsy-proven BCC of the scalp, 1.5 cm with 4 mm margins, closed with an advancement flap. Layered closure of the secondary defect.",
      "14020",
    ],
  ])("codes the flap and not the excision or closure it includes: %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    ["Will schedule excision with a rotation flap for the nasal BCC."],
    ["The palate was closed in two layers with opposing Z-plasties of the nasal and oral mucosa."],
  ])("does not code a planned or non-skin flap: %s", (note) => {
    expect(codes(note)).toBe("");
  });

  it("reports an interpolated flap as not covered and does not code the excision it includes", () => {
    const r = suggest(
      "Excision of biopsy-proven BCC of the nasal tip, 1.2 cm with 3 mm margins; reconstruction with a paramedian forehead flap.",
    );
    expect(r.codes).toEqual([]);
    expect(r.warnings.map((w) => w.kind)).toContain("procedure_not_covered");
  });

  it("says how the defect area was obtained and lowers confidence when it was estimated", () => {
    const documented = suggest(
      "Excision of biopsy-proven BCC of the left nasal ala; the 1.0 x 0.8 cm defect was closed with a bilobed flap.",
    ).codes[0]!;
    const estimated = suggest(
      "Excision of biopsy-proven BCC of the left nasal ala, 0.6 cm with 2 mm margins, closed with a bilobed flap.",
    ).codes[0]!;
    expect(documented.code).toBe("14060");
    expect(documented.rationale).toContain("1 x 0.8 cm defect");
    expect(estimated.code).toBe("14060");
    expect(estimated.rationale).toContain("estimated");
    expect(estimated.factors.map((f) => f.name)).toContain("flap_area_estimated");
    expect(estimated.confidence).toBeLessThan(documented.confidence);
  });
});

describe("Mohs with a flap", () => {
  it("codes the Mohs stages and the flap of the final defect, flap first", () => {
    const r = suggest(
      "Mohs micrographic surgery for biopsy-proven BCC of the right cheek. Stage 1: 1 block, positive. Stage 2: 1 block, clear. The final defect measured 2.2 x 1.8 cm and was repaired with an advancement flap.",
    );
    expect(codesOf(r)).toBe("14040 17311 17312");
  });
});

describe("a flap's secondary defect", () => {
  it("adds the secondary defect to the primary one for the flap area", () => {
    expect(
      shippedCodes(
        "Biopsy-proven SCC of the right dorsal forearm excised. Rotation flap: primary defect 2.5 x 2.5 cm, secondary defect 4 x 2 cm.",
      ),
    ).toBe("14021");
  });
});

describe("scar revision", () => {
  it("reads a scar as skin, so a Z-plasty of a measured scar defect is a flap", () => {
    expect(
      shippedCodes("PROCEDURE: Scar revision of the left cheek with Z-plasty, defect 2 x 1.5 cm."),
    ).toBe("14040");
  });

  // A Z-plasty, W-plasty or V-Y plasty of a scar or wound is an adjacent tissue transfer with no
  // lesion excised; with no area written, the smallest band of the site (and a size warning).
  it.each([
    [
      "PROCEDURE: Z-plasty revision of left nasolabial fold scar. A Z-plasty was designed along the previous scar. It was incised down to subcutaneous tissue, and the flaps were transposed and sutured.",
      "14040",
    ],
    ["Double Z-plasty release of the first web space scar contracture of the left hand.", "14040"],
    ["The forehead laceration was closed with a V-Y advancement flap.", "14040"],
    ["Z plasty release of a burn scar contracture of the right axilla, 6 x 3 cm.", "14041"],
  ])("codes a tissue rearrangement of a scar or wound: %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it.each([
    // No scar or wound named: a flap on what is not known.
    ["Z-plasty of the left cheek."],
    // A tendon or a mucosal scar is no skin.
    ["Z-plasty lengthening of the right Achilles tendon."],
    ["Z-plasty revision of the soft palate scar."],
  ])("does not code a rearrangement of no skin scar or wound: %s", (note) => {
    expect(shippedCodes(note)).toBe("");
  });

  it("keeps a scar revision closed in layers, with no flap, a repair", () => {
    expect(shippedCodes("Scar revision of the left forearm scar with layered closure, 4 cm.")).toBe(
      "12032",
    );
  });

  it("cites the rule that reads the rearrangement of a scar as a flap", () => {
    const r = suggest("Z-plasty revision of the left cheek scar.");
    expect(r.codes.map((c) => c.code)).toEqual(["14040"]);
    expect(r.codes[0]!.ruleIds).toContain("proc.flap.scar-rearrangement");
  });
});

describe("a flap's area written a few sentences on", () => {
  it.each([
    [
      "PROCEDURE: Excision of BCC of the right cheek with rotation flap.\nDESCRIPTION: The 1.2 cm BCC was excised with 3 mm margins, leaving a 2.0 x 2.0 cm defect. A rotation flap was designed. The flap was incised, elevated and inset with 5-0 sutures. The total area of the primary and secondary defects was 16 sq cm.",
      "14041",
    ],
    [
      "PROCEDURE: Excision with advancement flap closure.\nDESCRIPTION: The 1.5 cm biopsy-proven SCC of the mid back was excised with 5 mm margins, leaving a 2.5 x 2.5 cm defect. Bilateral advancement flaps were designed. The flaps were elevated and inset in layers. Total flap area including the primary defect was 20 sq cm.",
      "14001",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("a flap's area written with its name", () => {
  it.each([
    [
      "OPERATION PERFORMED: Excision of SCC of the scalp. Advancement flap closure, with total undermined area 18 centimeters by 16 centimeters.\nINDICATIONS: 7 cm biopsy-proven squamous cell carcinoma of the scalp.",
      "14301 14302x8",
    ],
    [
      "Excision of a biopsy-proven SCC of the right cheek, 1.2 cm with 4 mm margins. Rotation flap repair, 4 cm by 3 cm.",
      "14041",
    ],
  ])("measures the flap by its own dimensions, not as a repair length: %j", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("links a lesion that was resected to the flaps that close it", () => {
    expect(
      codes(
        "Large exophytic 7 cm lesion of the scalp, biopsy-positive for squamous cell carcinoma, was resected to periosteum.\nAdvancement flaps were created on both sides, with the total undermined area being approximately 18 cm by 16 cm.",
      ),
    ).toBe("14301 14302x8");
  });
});

describe("a flap closing the defect a removal left", () => {
  it.each([
    // A Mohs named after the flap, in the flap's own sentence, is the defect it closes.
    [
      "Rotation flap repair of a 1.2 x 1.2 cm defect of the right cheek following Mohs; the flap measured 7 sq cm including the secondary defect.",
      "14040 17311",
    ],
    [
      "Advancement flap used to close the 1 x 1 cm Mohs defect of the lower lip; flap area 5 sq cm.",
      "14060 17311",
    ],
    [
      "Bilobed flap reconstruction of the post-Mohs defect of the left nasal sidewall, 1.0 x 0.9 cm; primary and secondary defects together measured 4 sq cm.",
      "14060 17311",
    ],
    // With no lesion procedure told, a surgical or excisional defect is still a skin defect.
    [
      "Rotation flap repair of a 2 x 2 cm surgical defect of the left temple; flap area 9 sq cm.",
      "14040",
    ],
    ["Transposition flap to the 1.5 x 1.5 cm excisional defect of the chin.", "14040"],
    [
      "O-to-Z advancement flap closing the defect left after excision of the lesion on the scalp, 3 x 3 cm; total area including the secondary defect 16 sq cm.",
      "14021",
    ],
  ])("codes the adjacent tissue transfer: %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("cites the rule that reads a removal's defect as skin", () => {
    const r = suggest("Rotation flap repair of a 2 x 2 cm surgical defect of the left cheek.");
    expect(r.codes[0]!.code).toBe("14040");
    expect(r.codes[0]!.ruleIds).toContain("proc.flap.removal-defect");
  });

  it("still does not code a flap of another organ's surgical defect", () => {
    expect(
      codes("The surgical defect of the hard palate, 2 x 2 cm, was closed with a rotation flap."),
    ).toBe("");
  });

  it.each([
    // An area stated to include the secondary defect is the flap's whole area, not one to add.
    [
      "Rotation flap repair of a surgical defect of the left cheek. Primary defect 2.25 sq cm; total area including the secondary defect 8 sq cm.",
      "14040",
    ],
    [
      "Rotation flap for the surgical defect of the right cheek; primary defect 3 sq cm, primary and secondary defects together 9 sq cm.",
      "14040",
    ],
    // Separate primary and secondary areas add up.
    [
      "Rotation flap repair of a surgical defect of the chin; primary defect 4 sq cm and secondary defect 7 sq cm.",
      "14041",
    ],
    [
      "Advancement flap repair of a surgical defect of the right cheek. Primary defect 1.5 x 1.5 cm; secondary defect 2 x 3 cm.",
      "14040",
    ],
  ])("reads the flap area from the primary and secondary defects: %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
