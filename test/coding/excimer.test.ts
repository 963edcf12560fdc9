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
