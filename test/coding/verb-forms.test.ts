/**
 * Procedure verbs in any regular form: a note written in the present tense ("the physician
 * incises and drains"), with a gerund or a present passive codes like the past-tense note. The
 * compiler derives the forms of every past form in the procedure lexicon (canon verbInflections),
 * so no verb is listed twice. Nouns keep their meaning, and a gerund after "was" is progressive.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { shippedCodes as codes } from "../group/notes.ts";

describe("present-tense and gerund procedure verbs", () => {
  it.each([
    ["The surgeon incises and drains a 2 cm abscess of the left flank.", "10060"],
    ["Hematoma of the right calf: the surgeon incises it and evacuates clot.", "10140"],
    ["A tense blister of the left ankle is punctured and aspirated with a needle.", "10160"],
    ["The surgeon aspirates the bulla on the dorsum of the left foot.", "10160"],
    ["The surgeon shaves a 7 mm nevus on the left shoulder.", "11301"],
    ["The surgeon debrides seven dystrophic mycotic toenails.", "11721"],
    ["The surgeon cauterizes 2 warts on the right index finger.", "17110"],
    ["The surgeon cauterized 2 warts on the right index finger.", "17110"],
    ["The surgeon snips 8 skin tags from the axillae.", "11200"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    ["Biopsies of two lesions on the left arm were taken by shave technique.", "11102 11103"],
    ["Excisions of a 1.2 cm epidermoid cyst of the back.", "11402"],
  ])("keeps plural nouns as nouns: %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    "Folliculitis of the beard area after shaving; a 5 mm nevus of the chin is noted.",
    "The abscess of the right thigh was draining pus on arrival; warm compresses advised.",
    "Bleeding vessels were cauterized for hemostasis.",
    // "curettes" is the instrument in real notes ("rongeurs and curettes"), not a verb.
    "The bone was cleaned with angled curettes and irrigated.",
  ])("codes no procedure for %j", (note) => {
    expect(codes(note)).toBe("");
  });
});

describe("foreign body words near a removal verb", () => {
  it.each([
    [
      "The surgeon retrieves a glass fragment from the subcutaneous tissue of the left palm.",
      "10120",
    ],
    ["A metal sliver was removed from the subcutaneous tissue of the right thumb.", "10120"],
    ["The glass was removed from the subcutaneous tissue of the left forearm.", "10120"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});

describe("modifier 25 cues in the present tense", () => {
  const ln2 = "Liquid nitrogen to 2 actinic keratoses of the right temple.";
  it.each([
    "Acne vulgaris: the physician starts isotretinoin.",
    "Rosacea: the physician prescribes metronidazole gel.",
    "Psoriasis: the physician adjusts the topical regimen.",
    "Acne vulgaris worsening: the physician orders baseline labs.",
  ])("hints modifier 25 for %j", (visit) => {
    const kinds = suggest(`${visit} ${ln2}`).warnings.map((w) => w.kind);
    expect(kinds).toContain("modifier_25");
  });
});
