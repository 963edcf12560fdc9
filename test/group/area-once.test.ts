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
