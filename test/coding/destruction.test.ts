import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";
import { lexiconWith, MINI_SITES } from "../extract/mini-lexicon.ts";
import { codes, codesOf, run, shippedCodes } from "../group/notes.ts";

describe("premalignant destruction (AK ladder)", () => {
  it.each([
    ["Cryotherapy of 1 AK on the right cheek.", "17000"],
    ["Cryotherapy of 2 AKs on the scalp.", "17000 17003"],
    ["Cryotherapy of 12 AKs on the scalp.", "17000 17003x11"],
    ["Cryotherapy of twelve AKs on the scalp.", "17000 17003x11"],
    ["LN2 to AKs x12, face and scalp.", "17000 17003x11"],
    ["Cryotherapy of 14 AKs on the scalp.", "17000 17003x13"],
    ["Cryotherapy of 15 AKs on the scalp.", "17004"],
    ["Cryotherapy of 20 AKs on the scalp.", "17004"],
    ["Cryotherapy of 8 AKs on the scalp. Cryotherapy of 9 AKs on the left arm.", "17004"],
    ["LN2 x2 freeze-thaw cycles to 3 AKs on the nose.", "17000 17003x2"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([14, 15, 19, 30, 60])(
    "never reports 17003 over 13 units or beside 17004 (%i AKs)",
    (n) => {
      const lines = run(`Cryotherapy of ${n} AKs on the scalp.`).codes;
      const addon = lines.find((l) => l.code === "17003");
      expect(addon?.units ?? 0).toBeLessThanOrEqual(13);
      if (lines.some((l) => l.code === "17004")) expect(addon).toBeUndefined();
    },
  );
});

describe("benign destruction (one unit per visit)", () => {
  it.each([
    ["Cryotherapy of 1 wart on the left arm.", "17110"],
    ["Cryotherapy of 14 warts on the left arm.", "17110"],
    ["Cryotherapy of 15 warts on the left arm.", "17111"],
    [
      "Cryotherapy of 8 warts on the left arm. Cryotherapy of 7 seborrheic keratoses on the back.",
      "17111",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("skin tags", () => {
  it.each([
    ["Removal of 1 skin tag from the neck with scissors.", "11200"],
    ["Removal of 15 skin tags from the neck with scissors.", "11200"],
    ["Removal of 16 skin tags from the neck with scissors.", "11200 11201"],
    ["Removal of 25 skin tags from the neck with scissors.", "11200 11201"],
    ["Removal of 26 skin tags from the neck with scissors.", "11200 11201x2"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("unit limits (lexicon/edits.json unitLimit)", () => {
  /** An AK ladder with no 17004 step, so that only the MUE rule can cap 17003. */
  const uncapped = lexiconWith({
    sites: MINI_SITES,
    codesDestruction: {
      version: "0.0.1",
      tables: [
        {
          kind: "ladder",
          id: "t.table.ak-open",
          procedure: "destruction",
          when: { destruction: ["premalignant"] },
          per: "visit",
          steps: [
            {
              from: 1,
              lines: [
                { code: "17000", units: 1, label: "first AK" },
                { code: "17003", units: { countMinus: 1, per: 1 }, label: "each further AK" },
              ],
            },
          ],
        },
      ],
    },
  });

  it("caps 17003 at 13 units when a table would report more, and says so", () => {
    const result = suggest("Cryotherapy of 20 AKs on the scalp.", {}, uncapped);
    expect(codesOf(result)).toBe("17000 17003x13");
    expect(result.warnings.map((w) => w.kind)).toContain("units_capped");
    expect(result.codes[1]!.ruleIds).toContain("mue.17003");
  });

  it("leaves 17003 alone within its limit", () => {
    const result = suggest("Cryotherapy of 14 AKs on the scalp.", {}, uncapped);
    expect(codesOf(result)).toBe("17000 17003x13");
    expect(result.warnings.map((w) => w.kind)).not.toContain("units_capped");
  });
});

describe("vascular, granulation-tissue and acne destruction (reference 6.6-6.7)", () => {
  it.each([
    ["Vbeam to the infantile hemangioma of the scalp, area 6 cm2.", "17106"],
    [
      "Pulsed dye laser treatment of a port-wine stain of the left cheek, treated area 24 sq cm.",
      "17107",
    ],
    ["PDL to a port-wine stain of the back, treated area 50 sq cm.", "17107"],
    ["PDL to port-wine stain of the back, 60 cm2 treated.", "17108"],
    ["Cryotherapy to 3 cherry angiomas of the trunk.", "17110"],
    ["Hypergranulation tissue at the umbilicus was cauterized with silver nitrate.", "17250"],
    ["Silver nitrate applied to granulation tissue at the old ingrown toenail site.", "17250"],
    // Granulation tissue is a wound's: with no organ named it needs no skin site.
    [
      "Hypergranulation tissue at the gastrostomy site was cauterized with silver nitrate.",
      "17250",
    ],
    ["Hypergranulation tissue was cauterized with silver nitrate.", "17250"],
    ["Granulation tissue of the trachea was cauterized with silver nitrate.", ""],
    // 17250 is chemical cautery: curetting granulation tissue is not.
    ["Granulation tissue at the biopsy site was curetted.", ""],
    ["Shave biopsy of a nevus of the back; hemostasis with silver nitrate cautery.", "11102"],
    // 17340: cryotherapy applied to acne, once per session (reference 6.7).
    ["Cryotherapy for acne of the face.", "17340"],
    ["Liquid nitrogen slush applied to the nodulocystic acne of the back.", "17340"],
    ["Acne of the face and chest treated with cryotherapy today.", "17340"],
    // Acne managed at the visit is no treatment of the acne by cold.
    ["Acne: continue tretinoin. LN2 to 3 AKs on the scalp.", "17000 17003x2"],
    ["Acne cysts injected with triamcinolone; no cryotherapy today.", "11900"],
  ])("codes %j as %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });

  it("codes a vascular lesion without a treated area in the smallest band and says so", () => {
    const result = suggest("Laser treatment of a venous lake of the lower lip.");
    expect(codesOf(result)).toBe("17106");
    expect(result.warnings.map((w) => w.kind)).toContain("size_missing");
  });
});

describe("destruction beside other lesions", () => {
  it("does not call a lesion type missing when the destroyed lesions have one", () => {
    const result = suggest(
      "Shave removal of a 0.4 cm skin tag-like nevus on the eyelid and destruction of 5 common warts on the fingers with liquid nitrogen.",
    );
    expect(codesOf(result)).toBe("11310 17110");
    expect(result.warnings.map((w) => w.kind)).not.toContain("lesion_type_missing");
  });

  it("keeps a treatment word after a list of sites in the procedure it describes", () => {
    const result = suggest(
      "Vbeam PDL to a port wine stain of the right cheek and temple, approximately 30 sq cm treated.",
    );
    expect(codesOf(result)).toBe("17107");
    expect(result.warnings).toEqual([]);
  });

  it("reads 'total treated area' as a size, not a treatment", () => {
    const result = suggest(
      "Excimer laser to psoriasis plaques on the elbows and knees, total treated area 520 sq cm.",
    );
    expect(codesOf(result)).toBe("96922");
    expect(result.warnings).toEqual([]);
  });
});

describe("counts listed per site", () => {
  it.each([
    ["AKs treated with LN2: forehead (4), scalp (6), hands (3).", "17000 17003x12"],
    [
      "Skin tags removed today: neck (12), left axilla (6), right axilla (5). Snip excision.",
      "11200 11201",
    ],
  ])("adds up %j", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("destroys keloids with the benign destruction code", () => {
    expect(shippedCodes("Cryotherapy to two keloids on the back.")).toBe("17110");
  });
});

describe("treatment words in a sentence listing several destructions", () => {
  it("keeps each 'treated' with the destruction next to it", () => {
    expect(
      shippedCodes(
        "ED&C of a 0.9 cm BCC on the left cheek, final defect 1.4 cm. Also 6 AKs of the scalp treated with LN2, and an irritated SK of the back treated with LN2.",
      ),
    ).toBe("17282 17000 17003x5 17110-XS");
  });
});

describe("a number whose lesion word was left out", () => {
  it.each([
    ["Cryotherapy of 12 verrucae on both hands and 3 on the right foot.", "17111"],
    ["LN2 to 10 AKs on the scalp and 5 on the forearms.", "17004"],
    ["LN2 to 5 AKs: 3 on the scalp, 2 on the right dorsal hand.", "17000 17003x4"],
  ])("counts %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("counts written around the technique", () => {
  it.each([
    // A lesion word right after "x 12" makes it a count, even after a cycle word.
    ["LN2 FTC x 12 AKs of the face and scalp.", "17000 17003x11"],
    ["LN2 x2 freeze-thaw cycles to 3 AKs of the scalp.", "17000 17003x2"],
    // "each" with a paired site: the count is per side.
    ["2 AKs on each cheek treated with LN2.", "17000 17003x3"],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("keeps skin tags removed in one sentence apart from an AK frozen in the next", () => {
    const result = suggest(
      "Removal of 4 irritated acrochordons of the left axilla with scissors. LN2 to 1 AK on the nose.",
    );
    expect(codesOf(result)).toBe("17000 11200");
    expect(result.procedures.map((p) => p.kind)).toEqual(["removal", "destruction"]);
  });
});

describe("lesion counts listed by site", () => {
  it.each([
    [
      "LN2 to actinic keratoses today: 6 on the scalp, 4 on the left forearm and 3 on the right forearm.",
      "17000 17003x12",
    ],
    ["Liquid nitrogen to 9 common warts on the right hand and 6 on the left hand.", "17111"],
    ["5 AKs: 3 on the scalp, 2 on the hand, treated with LN2.", "17000 17003x4"],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("'EDC' outside dermatology", () => {
  it("reads EDC in an obstetric sentence as the estimated date of confinement", () => {
    const obstetric = suggest("G2 P0 at 35 weeks by a stated EDC of 01/21/09.");
    expect(obstetric.procedures).toEqual([]);
    expect(obstetric.codes).toEqual([]);
    expect(shippedCodes("EDC of a superficial BCC of the left arm, 1.1 cm.")).toBe("17262");
  });
});

describe("counts given per site, in one list or in separate sentences", () => {
  it.each([
    ["Face: AK x 4. Scalp: AK x 7. Cryotherapy applied to all.", "17000 17003x10"],
    [
      "Actinic keratoses: forehead x 5, left hand x 3. All treated with liquid nitrogen.",
      "17000 17003x7",
    ],
    ["Right forearm: AK x 2. Left forearm: AK x 3. LN2 to each.", "17000 17003x4"],
    // The same site counted again is the same lesions.
    ["Scalp: AK x 5. Liquid nitrogen to the scalp AKs x 5.", "17000 17003x4"],
  ])("adds up %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("each site's count of a sum is evidence of the destruction", () => {
  it.each([
    ["AKs x 8 (face x 5, scalp x 3) treated with LN2.", ["x 8", "x 5", "x 3"]],
    ["LN2 destruction of AKs\nFace: 3\nScalp: 2", ["Face: 3", "Scalp: 2"]],
  ])("%j", (note, counts) => {
    const line = suggest(note).codes.find((c) => c.code === "17000")!;
    const texts = line.evidence.map((span) => span.text);
    for (const count of counts) expect(texts).toContain(count);
  });
});

describe("counts listed by region on field lines", () => {
  it.each([
    ["LN2 destruction of AKs\nFace: 3\nScalp: 2\nR dorsal hand: 1", "17000 17003x5"],
    [
      "LN2 destruction of AKs:\nFace: 4\nScalp: 3\nDorsal hands: 8\nTotal lesions treated: 15",
      "17004",
    ],
    // One region line is the event's count, not a breakdown to add.
    ["Cryotherapy of 3 AKs.\nScalp: 2", "17000 17003x2"],
    // "Neck: 10" is a count line, not the exam's neck section.
    ["Skin tags removed with scissors.\nNeck: 10\nL axilla: 5\nR axilla: 3", "11200 11201"],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("skin tags removed in two ways in one sentence", () => {
  it("counts each clause's tags once (15 + 1)", () => {
    expect(
      shippedCodes(
        "Removed 15 irritated acrochordons from the neck with curved iris scissors; one additional tag on the L upper eyelid destroyed with hyfrecator.",
      ),
    ).toBe("11200 11201");
  });
});

describe("intralesional injections", () => {
  it.each([
    // "Intralesional" says the drug went into skin lesions: a skin site is enough, with no
    // diagnosis named.
    ["Intralesional triamcinolone was injected into 5 patches on the scalp.", "11900"],
    ["ILK 10 mg/mL to 3 areas of the left forearm.", "11900"],
    ["ILK to 5 keloids on the chest and 3 keloids on the back.", "11901"],
    // A steroid injection named by its drug alone is no skin procedure without a skin lesion.
    ["The left knee joint was injected with kenalog 40 mg.", ""],
    ["Kenalog 10 mg/mL, 0.3 mL was injected into a keloid on the chest.", "11900"],
  ])("codes %j as %j", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});
