import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe("an area mention counts once wherever it is found", () => {
  it.each([
    [
      "debridement in a numbered assessment item",
      "Assessment and Plan:\n1. Ulcer L shin 15 sq cm - excisional debridement to subcutaneous tissue.",
      "11042",
    ],
    [
      "excimer in a numbered A/P item",
      "A/P:\n1. Psoriasis plaques trunk 200 cm2 - excimer laser today.",
      "96920",
    ],
    [
      "split graft in a numbered impression item",
      "Impression/Plan:\n1. Wound L leg 60 sq cm - STSG applied.",
      "15100",
    ],
    [
      "flap in a numbered assessment item",
      "Assessment:\n1. BCC L cheek, defect 8 sq cm after excision - rotation flap repair.",
      "14040",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a treatment sentence's own areas are its treated area", () => {
  it.each([
    [
      "an exam area restated by the excimer sentence",
      "Vitiligo patches face 35 cm2. Excimer 308 nm to face 35 cm2.",
      "96920",
    ],
    [
      "exam areas of sites the treatment does not name",
      "Exam: psoriatic plaques elbows 120 cm2, knees 150 cm2.\nProcedure: Excimer laser to elbows 120 cm2 today.",
      "96920",
    ],
    [
      "a wound area restated by the debridement sentence",
      "Ulcer R heel 25 sq cm with necrotic base. Excisional debridement of subcutaneous tissue of the heel ulcer, 25 sq cm.",
      "11042 11045",
    ],
    // The finding's areas still count when the treatment states none, or as one list of sites.
    [
      "areas of the finding only",
      "Psoriasis elbows 120 sq cm and knees 150 sq cm. Excimer laser today.",
      "96921",
    ],
    [
      "areas listed in the treatment sentence",
      "Psoriasis elbows and knees. Excimer laser to elbows 120 sq cm and knees 150 sq cm.",
      "96921",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
