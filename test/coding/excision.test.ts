import { describe, expect, it } from "vitest";
import { codes, codesOf, run, shippedCodes } from "../group/notes.ts";

describe("excision codes", () => {
  it.each([
    ["Excision of a 1.0 x 0.5 cm nevus on the left arm with 0.2 cm margins.", "11402"],
    ["Excision of a 0.4 cm nevus on the back with a 0.1 cm margin.", "11401"],
    ["WLE of a 1.2 cm melanoma scar on the back with 1 cm margins.", "11604"],
    // The earlier biopsy's result makes the cancer proven, though today's specimen is pending.
    [
      "She underwent a biopsy, which showed basal cell carcinoma. Excision of the 1.0 cm lesion of the back with 3 mm margins; specimen submitted to pathology.",
      "11602",
    ],
    // The earlier excision named in the first sentence does not split today's re-excision.
    [
      "Re-excision left arm for a positive margin on an SCC excised 6 wks ago. Scar 2.0 cm, excised w/ 3 mm margins; simple closure.",
      "11603",
    ],
    [
      "Bx-proven BCCs: (1) back 8 mm, excised w/ 4 mm margins; (2) left arm 6 mm, excised w/ 4 mm margins.",
      "11602x2",
    ],
    ["Excision of a 12 mm dysplastic nevus on the scalp with 4 mm margins.", "11422"],
    [
      "Excision of a 0.6 cm nevus on the back with a 3 mm margin laterally and a 1 mm margin at the base.",
      "11401",
    ],
    ["Excision of a 0.6 cm nevus on the back with margins of 1 mm and 3 mm.", "11401"],
    [
      "Elliptical excision of a 1.0 cm nevus on the back with 2 mm margins; ellipse 4.2 cm long.",
      "11402",
    ],
    ["Excision of a 1.0 cm nevus on the back, excised diameter 2.2 cm.", "11403"],
    ["Excision of a 1.0 cm biopsy-proven melanoma in situ on the neck with 5 mm margins.", "11622"],
    ["Excision of 2 nevi on the back, each 0.5 cm with 1 mm margins.", "11401x2"],
    [
      "Two separate cysts were excised from the back: 1.5 cm and 2.5 cm, each with 1 mm margins, closed with intermediate repairs of 3.0 cm and 4.0 cm.",
      "11403 11402 12032",
    ],
    [
      "Three lesions were removed from the cheek by shave: 0.3 cm on the nose, 0.6 cm on the left cheek and 0.9 cm on the right cheek. All were seborrheic keratoses.",
      "11311x2 11310",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    [
      "pathology is pending",
      "Excision of a 1.0 cm lesion on the back with 2 mm margins; pathology pending.",
    ],
    [
      "cancer is only suspected",
      "Excision of a 1.0 cm lesion on the back with 2 mm margins, r/o melanoma.",
    ],
  ])("keeps the benign grid when %s", (_name, note) => {
    expect(codes(note)).toBe("11402");
  });

  it("codes on the lesion alone when no margin is written, and says so", () => {
    const result = run("Excision of a 2 cm epidermoid cyst of the back.");
    expect(codesOf(result)).toBe("11402");
    expect(result.warnings.map((w) => w.kind)).toContain("margin_missing");
  });

  it("suggests the smallest band with lower confidence when no size is written", () => {
    const result = run("Excision of a nevus on the back.");
    expect(codesOf(result)).toBe("11400");
    expect(result.codes[0]!.confidence).toBeLessThan(0.9);
    expect(result.codes[0]!.confidence).toBeLessThan(
      run("Excision of a 0.4 cm nevus on the back with a 0.1 cm margin.").codes[0]!.confidence,
    );
    expect(result.warnings.map((w) => w.kind)).toContain("size_missing");
  });

  it("codes no excision without a site group and warns", () => {
    const result = run("Excision of a 1.0 cm nevus with 2 mm margins.");
    expect(codesOf(result)).toBe("");
    expect(result.warnings.map((w) => w.kind)).toContain("site_missing");
  });
});

describe("a pathology result told in the procedure's own sentence", () => {
  it("reads 'sent to pathology, which showed' as a final result", () => {
    expect(
      codes(
        "Excision of a 1.0 cm SCC of the back with 4 mm margins; the specimen was sent to pathology, which showed clear margins.",
      ),
    ).toBe("11602");
  });
});

describe("sizes spoken with a decimal point", () => {
  it.each([
    ["Excision of one point two centimeter BCC of the back with 4 mm margins.", "11602"],
    ["Excision of a two point five cm nevus of the back with 2 mm margins.", "11403"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // No whole number before the point: 0.6 cm, not 6 cm.
    ["Excision of BCC of the right helix, lesion point six cm plus 2 mm margins.", "11641"],
    ["Excision of BCC of the right cheek, one point two by point eight cm, 3 mm margins.", "11642"],
  ])("codes %j as %s (shipped lexicon)", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a provisional benign code while the report may show a cancer", () => {
  it("is less sure of a suspected cancer coded on the benign grid than of a nevus", () => {
    const suspected = run(
      "Excision of a 1.0 cm lesion of the back suspicious for BCC with 4 mm margins; pathology pending.",
    ).codes[0]!;
    const nevus = run(
      "Excision of a 1.0 cm nevus of the back with 2 mm margins; pathology pending.",
    ).codes[0]!;
    expect(suspected.factors.map((f) => f.name)).toContain("pathology_pending");
    expect(suspected.confidence).toBeLessThan(nevus.confidence);
  });
});

describe("sizes that are not the lesion's", () => {
  it.each([
    // A written fraction.
    ["Epidermoid cyst of the neck measuring 1 1/2 cm, excised with 1 mm margins.", "11422"],
    // The specimen's gross size is not the lesion's.
    [
      "Excision of a 0.7 cm nevus of the back with 2 mm margins. Specimen received in formalin measuring 2.4 x 0.9 x 0.5 cm.",
      "11402",
    ],
    // A margin per side.
    [
      "Melanoma in situ of the arm, clinically 6 mm, excised with a 0.5 cm margin per side.",
      "11602",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("sizes told where the lesion was examined", () => {
  it.each([
    // Each lesion of the exam sizes the excision told later at its place (site and side); the
    // second one, "excised as well" on the other side, is its own excision.
    [
      "O: Lesion on the left forearm, 0.5 cm. A second lesion on the right forearm measures 3.1 x 1.8 cm. P: The benign lesion on the left arm was excised. The benign lesion on the right arm was excised as well.",
      "11404 11400",
    ],
    // However far the exam is from the plan.
    [
      "EXAM: A nevus of the right forearm measures 1.2 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: After informed consent and local anesthesia, the benign lesion of the right arm was excised. The wound was closed.",
      "11402",
    ],
    // A generic lesion word of the exam is the lesion the plan names.
    [
      "EXAM: A lesion of the left forearm measures 1.2 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: The nevus on the left arm was excised.",
      "11402",
    ],
    // Another diagnosis at the place, or two lesions measured there, size nothing (query).
    [
      "EXAM: A seborrheic keratosis of the left forearm measures 1.2 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: The nevus on the left arm was excised.",
      "11400",
    ],
    [
      "EXAM: A nevus of the left forearm measures 1.2 cm. A nevus of the left arm measures 0.4 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: The nevus on the left arm was excised.",
      "11400",
    ],
    // A lesion measured on one side does not size the one excised on the other.
    [
      "O: Seborrheic keratosis of the left arm, 0.6 cm. P: The benign lesion on the left forearm was excised. The benign lesion on the right forearm was also excised.",
      "11401 11400",
    ],
    // Two lesions excised together take the sizes of the two sentences measuring them ...
    [
      "EXAM: A lesion of the left forearm measures 1.1 cm. A second lesion of the forearm also measures 1.1 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: Both benign lesions of the left forearm were excised.",
      "11402x2",
    ],
    // ... but not one measurement for two, nor a sentence measuring two places.
    [
      "EXAM: A lesion of the left forearm measures 1.1 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: Both benign lesions of the left forearm were excised.",
      "11400x2",
    ],
    [
      "EXAM: Lesions of the left forearm, 1.1 cm, and of the back, 0.4 cm. The skin is otherwise clear. The patient has a history of eczema. No lymphadenopathy. Vitals stable. Heart regular. PLAN: The benign lesion of the left forearm was excised.",
      "11400",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a note's title line names the procedure its body details", () => {
  it.each([
    [
      "Excision note\nIndication: BCC.\nProcedure: Excision\nLocation: L upper back\nLesion size: 1.1 cm\nMargins: 4 mm",
      "11602",
    ],
    [
      "MOHS SURGERY\nPMH: s/p Mohs L nose 2021.\nToday: Mohs for bx-proven SCC, R helix.\nStage I: 3 blocks\nStage II: 1 block",
      "17311 17312",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a heading that counts the procedures described under it", () => {
  it("does not multiply the first excision by the heading's count", () => {
    expect(
      shippedCodes(
        "PROCEDURE NOTE - 2 excisions\nA) Excision of bx-proven BCC\nLocation: R mid back\nLesion size: 0.9 cm\nMargins: 4 mm\n\nB) Excision of bx-proven SCC in situ\nLocation: L lateral neck\nLesion size: 0.7 x 0.5 cm\nMargins: 3 mm",
      ),
    ).toBe("11622 11602");
  });
});

describe("a counted heading over a list of lesions", () => {
  it.each([
    [
      "Excisions x3 today:\n1. Scalp: 1.0 cm pilar cyst, excised with 1 mm margins; closed with staples.\n2. Upper back: 1.5 cm epidermoid cyst, excised with 1 mm margins.\n3. Left cheek: 0.8 cm nevus, 1 mm margins; 6-0 nylon simple interrupted.",
      "11422 11402 11441",
    ],
    [
      "Three excisions:\n1. Scalp: 1.0 cm pilar cyst, 1 mm margins.\n2. Upper back: 1.5 cm epidermoid cyst, excised with 1 mm margins.\n3. Left cheek: 0.8 cm nevus, 1 mm margins.",
      "11422 11402 11441",
    ],
    [
      "Excisions x2 (benign):\n#1 Upper back: 1.5 cm epidermoid cyst, excised with 1 mm margins.\n#2 Left forearm: 0.6 cm dermatofibroma, excised with 1 mm margins.\nPath: #1 epidermoid cyst, #2 dermatofibroma.",
      "11402 11401",
    ],
  ])("codes one excision per item, the heading's count on none: %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("operative notes whose titles list or name the lesion generically", () => {
  it("takes the cancer of the preoperative diagnosis for 'Excision of malignant lesion'", () => {
    expect(
      shippedCodes(
        "Preoperative diagnosis: Squamous cell carcinoma, right temple, biopsy proven.\nPostoperative diagnosis: Same.\nProcedure: Excision of malignant lesion of right temple with layered repair.\nFindings: 8 mm crusted papule at the biopsy site.\nDescription: The lesion was excised with 4 mm margins and closed in layers; repair length 3.5 cm.",
      ),
    ).toBe("11642 12052");
  });

  it("does not bill again the excisions its description retells ('Both sites ...')", () => {
    expect(
      shippedCodes(
        "PROCEDURES:\n1. Excision of basal cell carcinoma, right upper back (biopsy proven), lesion 1.1 cm, 4 mm margins.\n2. Excision of basal cell carcinoma, left flank (biopsy proven), lesion 0.9 cm, 4 mm margins.\nDESCRIPTION: Both sites were anesthetized and prepped. Each lesion was excised as an ellipse to fat and closed with simple interrupted sutures.",
      ),
    ).toBe("11602x2");
  });

  it("keeps each list item's repair length to its own wound", () => {
    expect(
      shippedCodes(
        "PROCEDURES PERFORMED:\n1. Excision of SCC of the right lower lip skin, 0.8 cm lesion with 4 mm margins; complex repair 2.0 cm.\n2. Excision of BCC of the left forearm, 1.0 cm lesion with 4 mm margins; intermediate repair 4.5 cm.\nDESCRIPTION: The lip lesion was excised and the wound closed in a complex fashion; complex repair measured 2.0 cm. The forearm lesion was excised and closed in layers, 4.5 cm.",
      ),
    ).toBe("11642 11602 13151 12032");
  });
});

describe("pathology results paired with lesions by their labels", () => {
  it.each([
    [
      "Two excisions today.\nA. Left temple: biopsy-proven BCC, 1.0 cm. Excised with 4 mm margins, simple closure.\nB. Right forearm: 0.6 cm pigmented papule. Excised with 2 mm margins, simple closure.\nPath: A - BCC, margins clear. B - compound nevus, margins clear.",
      "11642 11401",
    ],
    [
      "#1 Right upper back: 1.0 cm papule, excised with 2 mm margins.\n#2 Left shin: 0.8 cm papule, excised with 2 mm margins.\nPath: #1 superficial BCC; #2 dermatofibroma.",
      "11602 11402",
    ],
    [
      "Right cheek: 1.2 cm cyst. Excised, simple closure.\nLeft forearm: 0.5 cm cyst. Excised, simple closure.",
      "11442 11400",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("a lesion measured with a procedure the removal includes", () => {
  it.each([
    // The earlier-named biopsy is included in the excision of the same lesion; its size is the lesion's.
    [
      "Pt returns for treatment of a biopsy-proven BCC of the back measuring 1.2 cm. The dermatologist excised the lesion with 0.4 cm margins.",
      "11602",
    ],
    // Today's treatment is the excision, not the biopsy the result names, whatever size the excision gives.
    [
      "A man returns for treatment of a biopsy-proven BCC of the left upper back measuring 1.2 x 0.8 cm. The dermatologist excised a 1.5 cm lesion with 0.4 cm margins.",
      "11603",
    ],
    ["Biopsy-proven SCC of the left forearm was treated today with ED&C, lesion 1.1 cm.", "17262"],
    // The excision's own measurement wins.
    [
      "Pt returns for treatment of a biopsy-proven BCC of the back measuring 1.2 cm. The dermatologist excised the lesion, which measured 1.6 cm today, with 0.4 cm margins.",
      "11603",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a cancer proven by an earlier biopsy's result, with today's specimen sent", () => {
  // The diagnosis written after the result word of an earlier biopsy in its sentence is that
  // biopsy's pathology: sending today's excision to pathology does not make it pending.
  it.each([
    [
      "the biopsy named with its site",
      "Punch biopsy of the right upper arm lesion showed melanoma in situ. The 0.9 cm lesion was excised with 5 mm margins. The specimen was sent to pathology.",
      "11602",
    ],
    [
      "the result word 'revealed'",
      "A shave biopsy from the mid back revealed squamous cell carcinoma. The 1.2 cm lesion of the back was excised with 4 mm margins and submitted to pathology.",
      "11602",
    ],
    [
      "the result 'was consistent with'",
      "Shave biopsy of the left shin papule was consistent with basal cell carcinoma. Today the 0.8 cm lesion was excised with 3 mm margins; the specimen was sent to pathology.",
      "11602",
    ],
  ])("codes the excision as malignant with %s", (_why, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("still waits for pathology when only a clinical impression names the cancer", () => {
    expect(
      shippedCodes(
        "A 0.9 cm pigmented lesion of the right upper arm, concerning for melanoma, was excised with 2 mm margins. The specimen was sent to pathology.",
      ),
    ).toBe("11402");
  });
});

describe("margins written as the normal skin taken around the lesion", () => {
  it.each([
    [
      "A 1.0 cm nevus of the back was excised with 2 mm of normal-appearing skin on each side.",
      "11402",
    ],
    ["A 1.0 cm nevus of the back was excised with 2 mm of clinically uninvolved skin.", "11402"],
    ["A 1.0 cm nevus of the back was excised with a 2 mm cuff of normal tissue.", "11402"],
    ["A 1.0 cm nevus of the back was excised with 2 mm clearance.", "11402"],
    [
      "A 3.2 cm cyst of the neck was excised together with 5 mm of normal skin on each side.",
      "11426",
    ],
    // No margin written: the lesion alone sizes the excision.
    ["A 1.0 cm nevus of the back was excised.", "11401"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});
