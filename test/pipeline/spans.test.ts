import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";

interface SpanLike {
  start: number;
  end: number;
  text: string;
}

/** Every object with numeric start/end and a string text, anywhere in a value. */
function spans(value: unknown, out: SpanLike[] = []): SpanLike[] {
  if (Array.isArray(value)) for (const v of value) spans(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string")
      out.push(o as unknown as SpanLike);
    for (const v of Object.values(o)) spans(v, out);
  }
  return out;
}

const NOTES = [
  "Shave biopsy of a 0.6 × 0.4 cm lesion on the left forearm — path pending.",
  "😀 Pt seen.\r\nPROCEDURE: Excision of 1.2\u00a0cm BCC, L upper back, 2–3 mm margins; layered closure 4.5 cm.\r\nPATHOLOGY: \u201cbasal cell carcinoma\u201d",
  "İnitial visit. LN2 x3: L temple, nose, R forehead. 12 AKs on the scalp; 4 warts R hand.",
  "\tCPT 11100 billed.\tPunch biopsy x2 of nevi: back, scalp. Mohs of the nose: Stage I 7 blocks, Stage II 3 blocks.",
  "Removal of 16 skin tags from the neck. Excimer 308 nm: elbows 120 sq cm, knees 150 sq cm.",
  "No biopsy today. Plan: excision of the nevus on the back next visit.",
];

describe("the span invariant", () => {
  it.each(NOTES)("keeps text === note.slice(start, end) for every span of %j", (note) => {
    const result = suggest(note, { trace: true });
    const found = spans(result);
    expect(found.length).toBeGreaterThan(3);
    for (const s of found) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
      expect(s.end).toBeLessThanOrEqual(note.length);
      expect(note.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it.each(NOTES)("gives every code line of %j evidence from the note", (note) => {
    for (const line of suggest(note).codes) {
      expect(line.evidence.length).toBeGreaterThan(0);
      for (const e of line.evidence) expect(note.slice(e.start, e.end)).toBe(e.text);
    }
  });
});
