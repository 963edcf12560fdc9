import { describe, expect, it } from "vitest";
import { codes, shippedCodes } from "../group/notes.ts";

describe("excimer laser by total treated area", () => {
  it.each([
    ["Excimer laser 308 nm to psoriasis plaques, total area 200 sq cm.", "96920"],
    ["Excimer laser 308 nm to psoriasis plaques, total area 249 sq cm.", "96920"],
    ["Excimer laser 308 nm to psoriasis plaques, total area 250 sq cm.", "96921"],
    ["Excimer laser 308 nm to psoriasis plaques, total area 500 sq cm.", "96921"],
    ["Excimer laser 308 nm to psoriasis plaques, total area 501 sq cm.", "96922"],
    ["Excimer laser to psoriasis: elbows 120 sq cm, knees 150 sq cm.", "96921"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("areas written once for both sides", () => {
  it.each([
    ["Psoriasis: excimer laser to elbows 70 cm2 each and knees 60 cm2 each.", "96921"],
    ["Vitiligo: excimer to bilateral cheeks 20 cm2 each.", "96920"],
    ["Excimer laser to the left hand 60 cm2 and the left foot 80 cm2 each.", "96920"],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("areas written in brackets after each treated site", () => {
  it.each([
    // A total in the brackets after a site is that site's: it adds to the other sites' areas.
    [
      "Excimer laser to psoriatic plaques on both elbows (180 sq cm total) and the right knee (90 sq cm).",
      "96921",
    ],
    ["Excimer laser to the scalp (160 sq cm total) and the neck (100 sq cm total).", "96921"],
    // ... and stands for the areas it restates, which are not counted twice.
    [
      "Excimer laser to psoriatic plaques on both elbows (120 sq cm each, 240 sq cm total) and the right knee (200 sq cm).",
      "96921",
    ],
    [
      "Excimer laser to both elbows (60 sq cm each, 120 sq cm total) and the right knee (100 sq cm).",
      "96920",
    ],
    // Bracketed areas add up like written ones.
    ["Excimer laser to the elbows (120 sq cm) and the knees (150 sq cm).", "96921"],
    // A total bracketed after the areas, or written for the visit, is the visit's.
    ["Excimer laser to the elbows 100 sq cm and the knees 170 sq cm (270 sq cm total).", "96921"],
    [
      "Excimer laser to the elbows (200 sq cm total) and the knees (100 sq cm); total treated area 240 sq cm.",
      "96920",
    ],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});

describe("a background section between the procedure title and its treatment section", () => {
  it.each([
    [
      "PROCEDURE: Excimer laser.\n\nHISTORY: Vitiligo.\n\nTODAY'S TREATMENT: Total treated area 300 sq cm.",
      "96921",
    ],
    [
      "PROCEDURE: Excimer laser.\n\nHPI: Psoriasis of the elbows.\n\nTREATMENT: Total treated area 300 sq cm.",
      "96921",
    ],
    [
      "PROCEDURE: Excimer laser.\n\nINDICATIONS: Vitiligo.\n\nTODAY'S TREATMENT: Total treated area 300 sq cm.",
      "96921",
    ],
    // A plan after the history is no description of today's treatment.
    [
      "PROCEDURE: Excimer laser.\n\nHISTORY: Vitiligo.\n\nPLAN: Next session to 300 sq cm.",
      "96920",
    ],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });
});
