/**
 * Skin grafts: full-thickness grafts by the flap site groups per 20 sq cm, split-thickness by
 * trunk/limbs versus face/hands/feet per 100 sq cm. Unlike a flap, a graft does not include the
 * excision; like a flap, it includes the closure of its defect.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";
import { shippedCodes as codes, codesOf } from "../group/notes.ts";

describe("skin graft codes", () => {
  it.each([
    ["Full-thickness skin graft to the nasal ala, 2 x 2 cm defect.", "15260"],
    ["FTSG to a 3 x 3 cm defect of the right cheek.", "15240"],
    ["Full-thickness skin graft to a 5 x 5 cm defect of the left cheek.", "15240 15241"],
    ["Full-thickness graft to a 4 x 3 cm defect of the scalp.", "15220"],
    ["Full-thickness skin graft to a 3 x 2 cm defect of the back.", "15200"],
    ["Split-thickness skin graft to a 10 x 8 cm wound of the left leg.", "15100"],
    ["Split-thickness skin graft, 15 x 10 cm, to the right thigh wound.", "15100 15101"],
    ["STSG to a 4 x 3 cm defect of the dorsal hand.", "15120"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("reports the excision with the graft that closes its defect, but not a repair of it", () => {
    expect(
      codes(
        "Excision of a 1.5 cm biopsy-proven SCC of the right temple with 4 mm margins; the 2.3 x 2.3 cm defect was closed with a full-thickness skin graft from the neck. Donor site closed with 5-0 nylon.",
      ),
    ).toBe("15240 11643");
  });

  it("still includes the excision in a flap that closes its defect", () => {
    expect(
      codes(
        "Excision of a 1.0 cm BCC of the left cheek with 3 mm margins; the 1.6 x 1.6 cm defect was closed with a rhomboid flap.",
      ),
    ).toBe("14040");
  });

  it("warns about a graft of unstated type and keeps the excision", () => {
    const result = suggest(
      "Excision of a 1.0 cm BCC of the back with 4 mm margins. The defect was closed with a skin graft.",
    );
    expect(codesOf(result)).toBe("11602");
    expect(result.warnings.map((w) => w.kind)).toContain("procedure_not_covered");
  });
});

describe("graft donor sites", () => {
  it("codes the graft at the defect, not at the donor site it was harvested from", () => {
    expect(
      codes(
        "Mohs surgery for SCC of the left dorsal hand, 1 stage. Defect 2.5 x 2.2 cm repaired with a full-thickness skin graft from the left upper arm.",
      ),
    ).toBe("17311 15240");
  });
});

describe("graft areas", () => {
  it("adds up the areas a split-thickness graft lists without a total", () => {
    expect(
      codes(
        "Split-thickness skin grafting of approximately 15 x 18 cm on the right leg and 15 x 15 cm on the left leg.",
      ),
    ).toBe("15100 15101x4");
  });
});

describe("a graft named again without its type", () => {
  it("is the typed graft, not a second one of unstated type", () => {
    const result = suggest(
      "Excision of a 1.0 cm BCC of the right lower eyelid with 3 mm margins. A full-thickness skin graft, 2 x 2 cm, was harvested from the left upper eyelid and the skin graft was sutured into the defect.",
    );
    expect(codesOf(result)).toContain("15260");
    expect(result.warnings.map((w) => w.message).join(" ")).not.toContain("unstated type");
  });
});

describe("a graft known by its donor site or harvest", () => {
  it.each([
    [
      "Excision of BCC, right lower eyelid, with preauricular skin graft. The lesion was excised with 3 mm margins. A 2 x 2 cm graft was excised from the right preauricular skin, defatted and sutured into the eyelid defect.",
      "15260 11640",
    ],
    [
      "Repair of the left nasal ala defect, 1.5 x 1.5 cm, with a postauricular graft. The graft was defatted and sewn into the defect.",
      "15260",
    ],
  ])("codes %j as a full-thickness graft (%s)", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("sizes the graft, not the lesion, by the graft's own dimensions", () => {
    const result = suggest(
      "Excision of BCC, right lower eyelid, with preauricular skin graft. The lesion was excised with 3 mm margins. A 2 x 2 cm graft was excised from the right preauricular skin, defatted and sutured into the eyelid defect.",
    );
    expect(codesOf(result)).not.toContain("11643");
    expect(result.warnings.map((w) => w.kind)).toContain("size_missing");
  });
});

describe("a full-thickness skin graft onto a mucosal defect", () => {
  it("is coded by its recipient area", () => {
    expect(
      codes(
        "Procedure: Wide local excision of left buccal mucosal lesion with full thickness skin graft closure.\nThe buccal lesion was excised. A 3 x 4 cm full thickness skin graft was taken from the left supraclavicular region, defatted and sutured into the buccal defect.",
      ),
    ).toBe("15240");
  });
});

describe("a graft's donor site is never its recipient site", () => {
  const opNote = (description: string) =>
    `PREOPERATIVE DIAGNOSIS: Squamous cell carcinoma defect of the scalp vertex.\nPROCEDURE: Split-thickness skin graft.\nDESCRIPTION: The wound bed was prepared. ${description}`;
  it.each([
    [
      "harvested from, in the sentence of the graft",
      "A split-thickness skin graft was harvested from the left thigh with a dermatome and secured over the defect, 40 sq cm.",
    ],
    [
      "taken from, in a sentence of its own",
      "A split-thickness skin graft, 40 sq cm, was sutured over the defect. The graft was taken from the right thigh.",
    ],
    [
      "donor site: ...",
      "A split-thickness skin graft, 40 sq cm, was sutured over the defect. Donor site: left thigh.",
    ],
    [
      "the donor site was ...",
      "A split-thickness skin graft, 40 sq cm, was sutured over the defect. The donor site was the left thigh.",
    ],
  ])("%s: the recipient is the diagnosis's scalp", (_name, description) => {
    expect(codes(opNote(description))).toBe("15120");
  });
});
