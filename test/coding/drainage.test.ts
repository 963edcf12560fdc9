/**
 * Drainage family (reference 8.2): what is drained chooses the code (abscess 10060/10061,
 * hematoma or seroma 10140, pilonidal cyst 10080/10081), a needle aspiration is 10160 and
 * comedone or milia extraction is acne surgery 10040.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { shippedCodes as codes } from "../group/notes.ts";

describe("drainage codes", () => {
  it.each([
    ["Incision and drainage of a 3 cm abscess of the right axilla.", "10060"],
    // The skin diagnosis beside "abscess" places the drainage on the skin.
    [
      "Assessment: epidermoid cyst with abscess, upper back\nProcedure: Incision and drainage",
      "10060",
    ],
    ["A fluctuant hematoma of the left shin was incised and drained of clot.", "10140"],
    ["Postoperative seroma of the back: incision and drainage, 40 mL serous fluid.", "10140"],
    ["Pilonidal cyst, simple I&D, 5 mL of pus.", "10080"],
    ["Pilonidal abscess: incised and drained, loculations broken up and packed.", "10081"],
    ["The 2 cm cyst of the back was aspirated with an 18-gauge needle.", "10160"],
    [
      "Tense bulla of the left ankle, 3 cm, aspirated with an 18-gauge needle, roof left intact.",
      "10160",
    ],
    // A step of a drainage told with its own lesion and site is not a detail of the next
    // drainage, placed elsewhere.
    [
      "A 4 cm hematoma on the right shin was incised and the clot evacuated. A 2 cm bulla on the left foot was aspirated with a needle.",
      "10140 10160",
    ],
    ["Comedone extraction performed on the forehead and nose.", "10040"],
    ["Milia were extracted from the lower eyelids.", "10040"],
    [
      "A wooden splinter was removed from the palm of the right hand through a small incision.",
      "10120",
    ],
    // Dissection or exploration to reach the foreign body makes its removal complicated.
    [
      "The physician makes a 1.5 cm incision, dissects through subcutaneous tissue, and retrieves the glass from the right palm.",
      "10121",
    ],
    [
      "Metal fragment of the left forearm: the incision was extended and blunt dissection carried down to the fragment, which was removed.",
      "10121",
    ],
    [
      "Removal of a foreign body (glass) from the subcutaneous tissue of the left forearm; complicated, required dissection.",
      "10121",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    "I&D of right auricular hematoma with bolster.",
    "Knee effusion was aspirated, 30 mL of straw-colored fluid.",
    "Pilonidal cyst excision with primary closure.",
    "Rigid bronchoscopy with foreign body removal from the right main stem bronchus.",
    "Foreign body was removed from the plantar right foot.",
  ])("codes no skin drainage or excision for %j", (note) => {
    expect(codes(note)).toBe("");
  });
});

describe("abscesses with their own drainage codes", () => {
  it("flags a perirectal abscess for the anal codes instead of 10060/10061", () => {
    const result = suggest("Incision and drainage of a perirectal abscess; the cavity was packed.");
    expect(result.codes).toEqual([]);
    expect(result.warnings.map((w) => w.message).join(" ")).toContain("46040");
  });
});

describe("ladder rationales name what was counted", () => {
  it.each([
    [
      "Incision and drainage of a buttock abscess, loculations broken, packed with iodoform.",
      "1 lesion treated at this visit; a complicated one counts as 2 or more",
    ],
    ["Debridement of mycotic toenails x 3.", "3 nails treated at this visit"],
    ["Patch testing: 80 allergens applied to the back.", "80 allergens treated at this visit"],
  ])("%j", (note, words) => {
    expect(suggest(note).codes[0]!.rationale).toContain(words);
  });
});

describe("drainage told by its steps", () => {
  it("codes an incised furuncle whose pus was expressed as an I&D", () => {
    expect(
      codes(
        "Furuncle R thigh, 2 cm, fluctuant. Incised with #11 blade, pus expressed, necrotic debris curetted from the cavity, irrigated and left open to drain.",
      ),
    ).toBe("10060");
  });
});

describe("drainage written as its steps", () => {
  it.each([
    ["Pilonidal cyst incised, purulent drainage expressed.", "10080"],
    ["I&D of a 3-cm abscess of the back.", "10060"],
    ["Hematoma L shin incised, clot evacuated.", "10140"],
    // Evacuating an intracranial or retroperitoneal hematoma is no skin drainage.
    ["The patient was taken to surgery and the subdural hematoma was evacuated.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a drainage that was only packed", () => {
  it("is simple by the descriptor, with a confidence that leaves it to the coder", () => {
    const r = suggest("Incision and drainage of a buttock abscess, packed with iodoform gauze.");
    expect(r.codes.map((c) => c.code)).toEqual(["10060"]);
    expect(r.codes[0]!.factors.map((f) => f.name)).toContain("drainage_packed");
    expect(r.codes[0]!.confidence).toBeLessThan(0.95);
  });

  it.each([
    [
      "loculations broken up",
      "Abscess of the left axilla incised and drained; loculations broken up and packed.",
    ],
    [
      "a drain",
      "Back abscess incised and drained; a Penrose drain was placed and the cavity packed.",
    ],
    // A tract explored or unroofed, or dead tissue debrided from the cavity, is more than a
    // simple single drainage (lexicon tech.iandd.complicated.tract).
    [
      "a tract unroofed",
      "Incision and drainage of left gluteal abscess. A tract of about 20 cm ran subcutaneously upward; I partially unroofed the tract, debrided it and packed it with iodoform gauze.",
    ],
    [
      "a tract being unroofed",
      "Buttock abscess incised and drained, to some degree unroofing the tract partially, then packed.",
    ],
    [
      "sinus tracts explored",
      "Axillary hidradenitis abscess incised and drained; two sinus tracts were probed and opened, and the wound was packed.",
    ],
    [
      "the cavity debrided",
      "The abscess of the right thigh was incised and drained, the cavity was sharply debrided and packed.",
    ],
  ])("is complicated with %s beside the packing", (_why, note) => {
    const r = suggest(note);
    expect(r.codes.map((c) => c.code)).toEqual(["10061"]);
    expect(r.codes[0]!.factors.map((f) => f.name)).not.toContain("drainage_packed");
  });
});

describe("a complexity cue that is negated", () => {
  // A technique word that qualifies the drainage from anywhere in its scope is asserted
  // wherever it stands, so a negation further down the narrative is read.
  it.each([
    [
      "two sentences after the drainage",
      "OPERATIVE NOTE: Pilonidal abscess of the sacrococcygeal region.\nDESCRIPTION OF PROCEDURE: The pilonidal abscess was opened through a 2 cm incision and 8 mL of pus was expressed. The wound was flushed with saline. One small pocket with no loculations was identified.",
      "10080",
    ],
    [
      "in a findings line of a thigh abscess",
      "PROCEDURE: Incision and drainage of an abscess of the left thigh.\nDESCRIPTION OF PROCEDURE: After local anesthesia a stab incision released purulent material. The cavity was probed bluntly. It was found to be free of loculations and septations.",
      "10060",
    ],
    [
      "said not to be complicated",
      "Incision and drainage of a back abscess. Purulent fluid was drained. The cavity was irrigated. The drainage was not complicated.",
      "10060",
    ],
  ])("is no cue %s", (_why, note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("still makes the drainage complicated when affirmed far from the incision", () => {
    const note =
      "DESCRIPTION OF PROCEDURE: The abscess of the right buttock was incised and drained of pus. The cavity was irrigated. Gauze was placed. Multiple loculations were then broken up with a hemostat.";
    expect(codes(note)).toBe("10061");
  });
});

describe("several abscesses drained at one visit", () => {
  it.each([
    // Abscesses on both sides of a site, or named in the plural at two places: 10061.
    ["I&D of abscesses of the R and L groin, packed.", "10061"],
    ["Incision and drainage of abscesses, bilateral axillae.", "10061"],
    ["I&D of furuncles of the right thigh and the left buttock.", "10061"],
    // One abscess, even when two places are named: 10060.
    ["I&D of an abscess of the left buttock and thigh.", "10060"],
    ["I&D of abscess R axilla.", "10060"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});
