import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

describe("procedures that are not skin procedures", () => {
  it.each([
    [
      "Excisional biopsy of a right cervical lymph node, 2 cm. The wound was closed in layers and the skin with a running subcuticular closure.",
    ],
    ["EGD: multiple biopsies were taken from the gastric antrum and duodenum."],
    [
      "Term newborn with hyperbilirubinemia, phototherapy started, bilirubin rechecked in 12 hours.",
    ],
    ["Left upper lid chalazion. Mild conjunctival injection over the lesion. Warm compresses."],
    ["Bunionectomy of the right foot; the capsule was closed with simple interrupted sutures."],
    [
      "PROCEDURE: Right total knee arthroplasty. The tibia was cut and then punched in standard fashion.",
    ],
    ["Ultrasound-guided core needle biopsy of the left breast mass at 2 o'clock, 1 cm."],
    ["Biopsy confirmed tumor persistence in the right glottic region."],
    ["A biopsy clip was placed at the end of the procedure."],
    ["Rigid bronchoscopy: the granulation tissue was biopsied and removed with forceps."],
    ["Bilateral myringotomy: thick fluid was aspirated from the middle ear and tubes placed."],
    [
      "PROCEDURE PERFORMED: Wedge resection of the right lung.\nDESCRIPTION: A 2 cm lesion of the right chest was excised with a stapler. The skin was closed with staples.",
    ],
    [
      "PROCEDURE PERFORMED: Excisional breast biopsy with needle localization.\nPROCEDURE: The wire was identified. An incision was made in the skin of the right breast and the 1 cm lesion was excised with a margin of normal tissue. The skin was closed with 4-0 Vicryl.",
    ],
    ["Arthroscopy: the menisci were intact. We drained the knee and washed out the joint."],
    [
      "A mixture of lidocaine, Marcaine and Kenalog was injected into the right foot in an infiltrative type block.",
    ],
    [
      "OPERATION: Cystoscopy and fulguration of bladder tumors. Using a cold punch biopsy forceps, a random biopsy was obtained.",
    ],
    [
      "PROCEDURE: Tympanomastoidectomy. The mastoid cavity was saucerized and the facial ridge lowered.",
    ],
    [
      "PROCEDURE: Removal of chest wall mass. The incision was carried down to the ribs and the mass was excised together with the involved costal cartilages.",
    ],
    [
      "Left neck mass biopsy. On fresh frozen the mass showed squamous cell carcinoma, so a neck dissection was carried out.",
    ],
    ["The facial vein was ligated and excised to expose the gland."],
    [
      "PROCEDURE: Open reduction and internal fixation of a left ankle fracture. Devitalized tissue was excised from the fracture site.",
    ],
    [
      "Diagnostic mammogram and left breast ultrasound. The 8 mm circumscribed density at 2 o'clock of the left breast was biopsied.",
    ],
    ["PROCEDURE: Direct brow lift. The redundant brow tissue was excised and closed in layers."],
    ["Total laryngectomy. A frozen section biopsy confirmed squamous cell carcinoma."],
    [
      "PROCEDURE: Partial rhinectomy.\nINDICATIONS: Biopsy-proven squamous cell carcinoma of the left nasal cavity.\nAn alar incision was made and carried full thickness through the lower lateral cartilage. The full unit of the left nasal tip was excised completely and sent to pathology.",
    ],
    [
      "PREOPERATIVE DIAGNOSIS: Squamous cell carcinoma, right nasal cavity.\nOPERATION: Partial rhinectomy.\nPROCEDURE: The full thickness of the right ala was excised and sent for frozen section.",
    ],
    [
      "PROCEDURES\n1. Incision and drainage of left gluteal abscess.\n2. Removal of pigtail catheter.\nDESCRIPTION: The catheter was removed and the peritoneal drain site was drained and debrided.",
    ],
  ])("codes nothing for: %s", (note) => {
    expect(suggest(note).codes).toEqual([]);
  });

  it.each([
    "A 2 cm inflamed cyst on the upper back was drained.",
    "Fluctuant abscess of the left axilla; it was incised and drained of purulent material.",
    "The swollen area of the right heel was incised with a scalpel and we drained the pus.",
  ])("still codes the drainage of a named abscess or cyst: %s", (note) => {
    expect(suggest(note).codes.map((l) => l.code)).toEqual(["10060"]);
  });

  it("flags a lip wedge excision as the lip's own code family", () => {
    const result = suggest(
      "Indication: biopsy-proven SCC of the right lower lip vermilion. Procedure: wedge excision of the lower lip with primary layered closure.",
    );
    expect(result.codes).toEqual([]);
    expect(result.warnings.map((w) => w.kind)).toContain("procedure_not_covered");
  });

  it("does not code an I&D that names nothing to drain (a laceration's washout)", () => {
    const result = suggest(
      "OPERATION PERFORMED: Incision and drainage (I&D) with primary wound closure of scalp lacerations.",
    );
    expect(result.codes.map((l) => l.code)).not.toContain("10060");
  });

  it("does not code infected tissue that was cut away as a lesion excision", () => {
    const result = suggest(
      "The abscess of the left lower abdomen was opened, pus was evacuated and the necrotic skin around it was excised.",
    );
    expect(result.codes.map((l) => l.code).filter((c) => c.startsWith("114"))).toEqual([]);
  });

  it("still codes the excision of an inflamed cyst as a lesion excision", () => {
    const result = suggest("Excision of a 1.5 cm inflamed cyst of the back, 1 mm margins.");
    expect(result.codes.map((l) => l.code)).toEqual(["11402"]);
  });

  it("still codes a lesion that was 'punched' when nothing says it is not skin", () => {
    const codes = suggest("The 5 mm papule on the left forearm was punched and sent to pathology.");
    expect(codes.codes.map((l) => l.code)).toEqual(["11104"]);
  });

  it.each([
    [
      "PROCEDURES\n1.  Incision and drainage of left gluteal abscess.\n2.  Removal of pigtail catheter.\nDESCRIPTION OF PROCEDURE:  The left gluteal abscess opening was probed; a tract of about 2 cm ran subcutaneously. It was drained and packed.",
      ["10060"],
    ],
    [
      "PROCEDURES\n1. I&D of right axillary abscess.\n2. Removal of central venous catheter.\nThe abscess was incised and drained of pus; the subcutaneous cavity was packed.",
      ["10060"],
    ],
    [
      "PROCEDURE PERFORMED:  Debridement of necrotic tissue of the left lower abdomen and left peritoneal area.\nA 4 cm x 3 cm elliptical incision was made around the necrotic skin. The necrotic skin and subcutaneous fat were excised down to the fascia.",
      ["11042"],
    ],
    [
      "PROCEDURE PERFORMED: Debridement of the necrotic tissue of the right thigh as well as the right peritoneal area.\nThe necrotic skin and subcutaneous tissue of the thigh were excised down to the fascia.",
      ["11042"],
    ],
  ])(
    "keeps the skin procedure when the organ word belongs to another item or place: %s",
    (note, codes) => {
      expect(suggest(note).codes.map((l) => l.code)).toEqual(codes);
    },
  );

  it.each([
    [
      "PREOPERATIVE DIAGNOSES:\n1. Left gluteal abscess.\n2. Intraperitoneal pigtail catheter.\nPROCEDURES:\n1. Incision and drainage of left gluteal abscess.\n2. Removal of pigtail catheter.\nDESCRIPTION: The abscess was opened, drained and packed. The catheter was then removed from the abdomen.",
      ["10060"],
    ],
    [
      "PROCEDURES PERFORMED:\n1. Carpal tunnel release, right wrist.\n2. Excision of lesion, right forearm.\nDESCRIPTION: The 1.5 cm lesion of the right forearm was excised into the subcutaneous fat and sent to pathology.",
      ["11402"],
    ],
    [
      "PROCEDURES:\n1. Umbilical hernia repair.\n2. Excision of sebaceous cyst, upper back.\nThe 1.5 cm cyst of the upper back was excised and closed with simple sutures.",
      ["11402"],
    ],
  ])(
    "codes a listed skin procedure beside another item's organ operation: %s",
    (note, expected) => {
      expect(suggest(note).codes.map((l) => l.code)).toEqual(expected);
    },
  );

  it("keeps a weak word of one procedure-list item out of another item's procedure", () => {
    const note =
      "PROCEDURES:\n1. Incision and drainage of left gluteal abscess.\n2. Removal of pigtail catheter.";
    const iandd = suggest(note).procedures.find((p) => p.kind === "i_and_d");
    expect(iandd?.evidence.map((e) => e.text)).not.toContain("Removal");
  });

  it("still codes the skin excision of a note that also names an organ elsewhere", () => {
    const codes = suggest(
      "History of colon cancer. Excision of a 1.0 cm nevus of the back with 2 mm margins; simple closure.",
    ).codes.map((l) => l.code);
    expect(codes).toEqual(["11402"]);
  });
});

describe("words that look like skin procedures but are not", () => {
  it.each([
    [
      "a frozen-section result",
      "Shave biopsy of a papule on the left arm; on frozen it was benign.",
      "11102",
    ],
    [
      "hair shaved for the prep",
      "The scalp was shaved and prepped. Excision of a 1.0 cm epidermoid cyst of the scalp with 2 mm margins.",
      "11422",
    ],
    [
      "a subcutaneous foreign body named in the diagnosis",
      "DIAGNOSIS: Foreign body of the right thigh.\nPROCEDURE: Removal of a foreign body (sewing needle) from the subcutaneous tissue of the thigh through a small incision.",
      "10120",
    ],
  ])("%s", (_name, note, expected) => {
    expect(
      suggest(note)
        .codes.map((l) => l.code)
        .join(" "),
    ).toBe(expected);
  });

  it("warns once about a flap of another organ's operation named several times", () => {
    const result = suggest(
      "Excision of a 1.0 cm BCC of the back with 4 mm margins. The defect was closed with a flap. The flap was inset and the flap edges sutured.",
    );
    const flapWarnings = result.warnings.filter((w) => w.kind === "procedure_not_covered");
    expect(flapWarnings).toHaveLength(1);
  });
});

describe("a procedure with no skin evidence", () => {
  const note =
    "EGD: the gastric mucosa was erythematous. Biopsies were obtained for histology. A 15 mm balloon was passed.";

  it("says why it has no code line and suggests no diagnosis for it", () => {
    const result = suggest(note);
    expect(result.codes).toEqual([]);
    expect(result.diagnoses).toEqual([]);
    const biopsy = result.procedures.find((p) => p.kind === "biopsy" && p.assertion.billable);
    expect(biopsy?.notCoded).toMatch(/no skin/);
  });

  it("codes no diagnosis from a generic word of a procedure not done today", () => {
    const result = suggest(
      "Brain MRI shows a frontal tumor. Plan: resection of the tumor next week.",
    );
    expect(result.diagnoses).toEqual([]);
  });

  it("gives no reason on a coded procedure", () => {
    const result = suggest("Shave biopsy of a papule on the left forearm.");
    expect(result.codes.map((l) => l.code)).toEqual(["11102"]);
    expect(result.procedures[0]!.notCoded).toBeUndefined();
  });
});

describe("'punched' as an injury", () => {
  it("reads 'punched the wall' as no punch biopsy", () => {
    const result = suggest(
      "He punched the wall today. There is a 1 cm laceration of the right hand skin which was closed with two simple sutures.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["12001"]);
    expect(result.procedures.map((p) => p.kind)).toEqual(["repair"]);
  });
});

describe("a lesion excision taken into an uncoded operation on another organ", () => {
  it("is not coded but warns, so it is never dropped unseen", () => {
    const note =
      "PROCEDURES\n1. Right breast flap revision.\n2. Excision of right breast medial lesion.\nPROCEDURE: Liposuction of the right breast flap was performed and the incision closed. The 1.3 cm medial lesion of the right breast was then excised and sent to pathology.";
    const result = suggest(note);
    expect(result.codes).toEqual([]);
    const warning = result.warnings.find((w) => w.message.includes("taken as part of"));
    expect(warning?.kind).toBe("procedure_not_covered");
    expect(warning?.span?.text).toBe("Excision");
    const excision = result.procedures.find((p) => p.kind === "excision");
    expect(excision?.assertion.billable).toBe(false);
  });
});

describe("an organ named only as the depth a skin excision reached", () => {
  // "to the ... fascia/capsule", "down to", "to the level of": the structure is the floor of the
  // cut, not the organ excised (lexicon sites depthLandmarks).
  it.each([
    [
      "SCC of the left preauricular skin, proven on punch biopsy. The 1.0 cm lesion was excised with 5 mm margins to the superficial parotid fascia.",
      "11642",
    ],
    [
      "Biopsy-proven BCC of the right cheek. The 0.8 cm tumor was excised with 4 mm margins down to the parotid, which was not entered.",
      "11642",
    ],
    [
      "Excision of a 1.0 cm epidermoid cyst of the anterior neck to the level of the thyroid capsule.",
      "11421",
    ],
  ])("codes the skin excision in %j", (note, expected) => {
    expect(suggest(note).codes.map((c) => c.code)).toEqual([expected]);
  });

  it("still reads a cut taken deep to the organ's fascia as an operation on the organ", () => {
    const note =
      "The 2 cm mass of the left cheek was excised with a cuff of tissue deep to the parotid fascia.";
    expect(suggest(note).codes).toEqual([]);
  });
});
