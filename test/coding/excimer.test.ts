import { describe, expect, it } from "vitest";
import { codes } from "../group/notes.ts";

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
