import { describe, expect, it } from "vitest";
import { extractMentions } from "../../src/extract/index.ts";
import { extractSizes } from "../../src/extract/size.ts";
import { compileLexicon } from "../../src/lexicon/compile.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { defaultLexicon } from "../../src/pipeline/suggest.ts";
import { docOf, MINI_LEXICON } from "./mini-lexicon.ts";

/** "1.2 cm lesion; 0.2 cm margin": value, unit and role of each measurement (no role: none). */
function sizes(note: string): string {
  return extractSizes(docOf(note), MINI_LEXICON)
    .map((s) => `${s.value} ${s.unit}${s.role === "unknown" ? "" : ` ${s.role}`}`)
    .join("; ");
}

describe("extractSizes", () => {
  it.each([
    ["6 mm", "0.6 cm"],
    ["6mm", "0.6 cm"],
    ["12 mm", "1.2 cm"],
    ["0.5cm", "0.5 cm"],
    [".5 cm", "0.5 cm"],
    ["1.2 x 0.8 cm", "1.2 cm"],
    ["1.2×0.8 cm", "1.2 cm"],
    ["1.2 by 0.8 cm", "1.2 cm"],
    ["1.2 cm x 0.8 cm", "1.2 cm"],
    ["0.8 cm x 1.2 cm", "1.2 cm"],
    ["1.2 cm x 8 mm", "1.2 cm"],
    ["1.2 x 0.8 x 0.3 cm", "1.2 cm"],
    ["6-7 mm", "0.7 cm"],
    ["6–7 mm", "0.7 cm"],
    ["6 to 7 mm", "0.7 cm"],
    ["two centimeters", "2 cm"],
    ["three millimeters", "0.3 cm"],
    ["1 cm2", "1 cm2"],
    ["treated area 320 sq cm", "320 cm2 area"],
    ["a 4-mm margin", "0.4 cm margin"],
    ["margins of 5 mm", "0.5 cm margin"],
    ["1 - 2 mm margins", "0.2 cm margin"],
    ["a 5 mm lesion", "0.5 cm lesion"],
    ["lesion measuring 5 mm with 2 mm margins", "0.5 cm lesion; 0.2 cm margin"],
    ["lesion 1.2 x 0.8 cm, 2 mm margins", "1.2 cm lesion; 0.2 cm margin"],
    ["The 2 cm lesion was excised with 3 mm margins", "2 cm lesion; 0.3 cm margin"],
    ["defect 1.5 cm", "1.5 cm defect"],
    ["excised diameter 1.4 cm", "1.4 cm defect"],
    ["layered closure length 3.5 cm", "3.5 cm repair"],
    ["lesion 5 mm; closure 2.5 cm", "0.5 cm lesion; 2.5 cm repair"],
    ["BCC of the nose, 0.9 cm, 3 mm margins", "0.9 cm; 0.3 cm margin"],
    ["excised with 2 mm, 3 mm margins", "0.2 cm margin; 0.3 cm margin"],
    // A detached "2" after "cm" is an exponent only when it starts nothing new.
    ["12 cm 2 area", "12 cm2"],
    ["(12 cm2)", "12 cm2"],
    ["area 0.67 cm2. Next sentence", "0.67 cm2"],
    ["area 30 cm 2. Dressed.", "30 cm2"],
    ["(total 12 cm 2)", "12 cm2"],
    ["BCC 1.0 cm 2 mm margins", "1 cm; 0.2 cm margin"],
    ["1) back 1.5 cm 2) arm 0.5 cm", "1.5 cm; 0.5 cm"],
    ["1. back 1.5 cm 2. arm 0.5 cm", "1.5 cm; 0.5 cm"],
  ])("reads %j as %s", (note, expected) => {
    expect(sizes(note)).toBe(expected);
  });

  it.each([
    ["an instrument size", "with a 4 mm punch"],
    ["numbers without a unit", "2 x 3"],
    ["a count", "12 AKs"],
  ])("reads no measurement in %s (%j)", (_name, note) => {
    expect(sizes(note)).toBe("");
  });

  it("keeps every dimension and a span over the whole measurement", () => {
    const note = "Lesion: 1.2 × 0.8 cm.";
    const [size] = extractSizes(docOf(note), MINI_LEXICON);
    expect(size).toMatchObject({ dims: [1.2, 0.8], text: "1.2 × 0.8 cm" });
    expect(note.slice(size!.start, size!.end)).toBe(size!.text);
  });

  it.each([
    "the lamina was thinned with a 3 mm bur",
    "a 2 mm drill was used",
    "through a 5 mm trocar",
    "a 3 mm curette",
  ])("reads the instrument size in %j as no measurement (bundled lexicon)", (note) => {
    const lex = compileLexicon(loadLexicon());
    expect(extractSizes(docOf(note, lex), lex)).toEqual([]);
  });

  it("reads a measurement right before a diagnosis as the lesion's, over a margin cue before it", () => {
    const lex = compileLexicon(loadLexicon());
    const note =
      "Frozen sections confirmed clear margins after excision of a 1.0 cm BCC on the ear.";
    const [size] = extractSizes(docOf(note, lex), lex);
    expect(size).toMatchObject({ text: "1.0 cm", role: "lesion" });
  });

  it("marks a margin cued as total or final", () => {
    const lex = compileLexicon(loadLexicon());
    const found = extractSizes(
      docOf("Excised with 3 mm margins, then widened by 4 mm (total margin 7 mm).", lex),
      lex,
    );
    const final = found.filter((x) => x.final).map((x) => [x.value, x.role]);
    expect(final).toEqual([[0.7, "margin"]]);
  });
});

describe("a wound's length after a defect cue (bundled lexicon)", () => {
  const lex = compileLexicon(loadLexicon());
  const roles = (note: string) =>
    extractSizes(docOf(note, lex), lex)
      .map((s) => `${s.value} ${s.role}`)
      .join(", ");
  it.each([
    ["The wound measured 6.0 cm in length after excision.", "6 repair"],
    ["The wound measured 6.0 cm.", "6 defect"],
    ["Defect 5.5 x 4.5 cm closed with a graft.", "5.5 defect"],
  ])("%j reads %s", (note, expected) => {
    expect(roles(note)).toBe(expected);
  });
});

describe("areas in the brackets right after a site (siteBracket)", () => {
  const marked = (note: string) =>
    extractMentions(docOf(note), MINI_LEXICON).flatMap((m) =>
      m.kind === "size" ? [`${m.text}${m.siteBracket !== undefined ? " [site]" : ""}`] : [],
    );
  it.each([
    [
      "LN2 to the upper back (180 sq cm total) and L arm (90 sq cm).",
      ["180 sq cm [site]", "90 sq cm [site]"],
    ],
    // A bracket after a measurement, or text between the site and the bracket, is no site's.
    ["LN2 to the back 100 sq cm (250 sq cm total).", ["100 sq cm", "250 sq cm"]],
    ["LN2 to the back, treated (100 sq cm).", ["100 sq cm"]],
    ["LN2 to the back 100 sq cm and arm (120 sq cm).", ["100 sq cm", "120 sq cm [site]"]],
  ])("marks %j as %j", (note, expected) => {
    expect(marked(note)).toEqual(expected);
  });
});

describe("margins written as the normal skin taken around the lesion (lexicon role.margin.tissue)", () => {
  it.each([
    ["excised with 2 mm of normal-appearing skin on each side", "0.2 cm margin"],
    ["excised with 2 mm of clinically uninvolved skin", "0.2 cm margin"],
    ["excised with a 2 mm border of normal skin", "0.2 cm margin"],
    ["excised with a 2 mm cuff of normal tissue", "0.2 cm margin"],
    ["excised including 2 mm of surrounding normal skin", "0.2 cm margin"],
    ["excised taking 2 mm of clinically normal skin around it", "0.2 cm margin"],
    ["excised with 2 mm clearance", "0.2 cm margin"],
    ["excised with 2 mm of surrounding skin", "0.2 cm margin"],
    // The cue follows the measurement it names: a lesion size before it keeps its own role.
    ["a 1.0 cm nevus with 2 mm of normal skin", "1 cm lesion; 0.2 cm margin"],
  ])("reads %j as %s", (note, expected) => {
    const lex = defaultLexicon();
    const found = extractSizes(docOf(note, lex), lex).map(
      (x) => `${x.value} ${x.unit}${x.role === "unknown" ? "" : ` ${x.role}`}`,
    );
    expect(found.join("; ")).toBe(expected);
  });
});

describe("dictated decimals with no whole number (bundled lexicon counts.decimalWords)", () => {
  const lex = compileLexicon(loadLexicon());
  const values = (note: string) =>
    extractSizes(docOf(note, lex), lex)
      .map((s) => `${s.value}`)
      .join(", ");
  it.each([
    ["lesion point six cm", "0.6"],
    ["lesion one point two by point eight cm", "1.2"],
    ["lesion point eight by one point two cm", "1.2"],
    ["lesion zero point six cm", "0.6"],
    ["point seven five centimeters", "0.75"],
    // Digits after "point" stay a numeral; after an article "point" is a noun.
    ["at this point 2 cm nodule", "2"],
    ["at the point six cm from the scar", "6"],
    ["at this point six cm of tissue", "6"],
  ])("%j reads %s cm", (note, expected) => {
    expect(values(note)).toBe(expected);
  });
});
