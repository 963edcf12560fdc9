/**
 * Soft-tissue tumour excision (lipoma): region from the site, depth from the note (subcutaneous
 * unless it says beneath the fascia or within muscle), and the region's size bound, where a
 * tumour of exactly the bound takes the larger code ("3 cm or more"). Regions are data of the
 * shipped sites file (lexicon/sites.json `softTissue`), so these notes run on the shipped lexicon.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";
import { shippedCodes as codes, codesOf } from "../group/notes.ts";

const run = (note: string) => suggest(note);

describe("soft-tissue tumour excision codes", () => {
  it.each([
    ["back", "2.9", "21930"],
    ["back", "3.0", "21931"],
    ["flank", "4.0", "21931"],
    ["abdominal wall", "2.0", "22902"],
    ["abdomen", "3.5", "22903"],
    ["chest wall", "2.0", "21555"],
    ["neck", "3.0", "21552"],
    ["shoulder", "1.0", "23075"],
    ["shoulder", "6.0", "23071"],
    ["upper arm", "2.5", "24075"],
    ["elbow", "3.2", "24071"],
    ["forearm", "2.9", "25075"],
    ["wrist", "3.0", "25071"],
    ["palm", "1.4", "26115"],
    ["thumb", "1.5", "26111"],
    ["hip", "2.0", "27047"],
    ["buttock", "5.0", "27043"],
    ["thigh", "2.0", "27327"],
    ["knee", "3.0", "27337"],
    ["calf", "2.0", "27618"],
    ["ankle", "4.0", "27632"],
    ["sole", "1.0", "28043"],
    ["great toe", "2.0", "28039"],
    ["forehead", "1.9", "21011"],
    ["scalp", "2.0", "21012"],
  ])("codes a subcutaneous lipoma of the %s, %s cm, as %s", (site, size, code) => {
    expect(codes(`Excision of a ${size} cm subcutaneous lipoma of the left ${site}.`)).toBe(code);
  });

  it.each([
    ["back", "4.9", "21932"],
    ["back", "5.0", "21933"],
    ["forearm", "2.9", "25076"],
    ["forearm", "3.0", "25073"],
    ["thigh", "3.5", "27328"],
    ["thigh", "7.0", "27339"],
    ["cheek", "2.5", "21014"],
    ["finger", "1.0", "26116"],
    ["foot", "1.5", "28041"],
    ["calf", "4.0", "27619"],
  ])("codes an intramuscular lipoma of the %s, %s cm, as %s", (site, size, code) => {
    expect(codes(`Excision of a ${size} cm intramuscular lipoma of the right ${site}.`)).toBe(code);
  });

  it.each([
    "Excision of a 2 cm lipoma of the back; the tumour lay deep to the fascia.",
    "Excision of a 2 cm lipoma of the back, subfascial.",
    "Excision of a 2 cm lipoma of the back. The lipoma was found deep to the trapezius and removed.",
  ])("reads the depth from the excision's sentence: %j", (note) => {
    expect(codes(note)).toBe("21932");
  });

  it.each([
    ["Excision of a 2.5 cm soft tissue mass of the left thigh.", "27327"],
    ["Excision of a 4 cm fibrolipoma of the upper back.", "21931"],
  ])("codes other soft-tissue tumours the same way: %j", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("reads a posterior shoulder as the shoulder region", () => {
    expect(codes("Excision of a 2.2 cm subcutaneous lipoma of the right posterior shoulder.")).toBe(
      "23075",
    );
  });

  it("codes an unstated depth as subcutaneous and warns", () => {
    const result = run("Excision of a 2 cm lipoma of the back.");
    expect(result.codes.map((c) => c.code)).toEqual(["21930"]);
    expect(result.codes[0]!.factors.map((f) => f.name)).toContain("depth_assumed");
    expect(result.warnings.map((w) => w.kind)).toContain("depth_assumed");
  });

  it("does not warn about depth when the note says subcutaneous", () => {
    const result = run("Excision of a 2 cm lipoma of the back, removed from the subcutaneous fat.");
    expect(result.warnings.map((w) => w.kind)).not.toContain("depth_assumed");
  });

  it("never codes a lipoma with a skin excision code, even at a site with no region", () => {
    const result = run("Excision of a 3 cm lipoma of the left groin; layered closure, 3 cm.");
    expect(result.codes).toEqual([]);
    expect(result.warnings.map((w) => w.kind)).toContain("procedure_not_covered");
  });

  it("includes simple and intermediate closure in the soft-tissue code", () => {
    expect(
      codes(
        "Excision of a 2.5 cm lipoma of the right upper arm. Intermediate layered closure, 3.0 cm.",
      ),
    ).toBe("24075");
  });

  it("keeps an epidermal cyst beside a lipoma on the skin codes", () => {
    expect(
      codes(
        "1. Excision of a 2 cm lipoma of the back. 2. Excision of a 1.0 cm epidermoid cyst of the chest with 1 mm margins.",
      ),
    ).toBe("21930 11402");
  });

  it("does not let an unnamed 'flap closure' absorb a soft-tissue excision", () => {
    expect(
      codes("Excision of a 3.0 cm intramuscular lipoma of the left shoulder with flap closure."),
    ).toBe("23076");
  });
});

describe("a lipoma removed through an incision", () => {
  it.each([
    [
      "Subcutaneous lipoma of the left upper back, 4.0 cm, removed through a linear incision; layered closure 5 cm.",
      "21931",
    ],
    [
      "A 2 cm lipoma of the right forearm was removed via an incision and closed in layers.",
      "25075",
    ],
  ])("is an excision, its closure included: %j", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("still asks how a lipoma merely 'removed' was taken out", () => {
    const r = run("A 2 cm lipoma of the right forearm was removed.");
    expect(r.codes).toEqual([]);
    expect(r.warnings.map((w) => w.kind)).toContain("procedure_not_covered");
  });
});

describe("a tumour size written in the diagnosis header", () => {
  it.each([
    [
      "POSTOPERATIVE DIAGNOSIS: Intramuscular lipoma, right arm, approximately 6 cm.\nPROCEDURE: Excision of intramuscular lipoma. The biceps fibers were split and the lipoma removed in its entirety. Layered closure.",
      "24073",
    ],
    [
      "DIAGNOSIS: Lipoma of the back, 7 x 5 cm.\nPROCEDURE: Excision of subcutaneous lipoma of the back.",
      "21931",
    ],
  ])("sizes the excision of the tumour it names: %j", (note, code) => {
    const r = run(note);
    expect(codesOf(r)).toBe(code);
    expect(r.warnings.map((w) => w.kind)).not.toContain("size_missing");
  });

  it.each([
    [
      "a tumour at another site",
      "POSTOPERATIVE DIAGNOSIS: Lipoma of the back, 7 x 5 cm.\nPROCEDURE: Excision of subcutaneous lipoma, right thigh.",
      "27327",
    ],
    [
      "a tumour on the other side",
      "POSTOPERATIVE DIAGNOSIS: Intramuscular lipoma, right arm, 6 cm.\nPROCEDURE: Excision of intramuscular lipoma, left arm.",
      "24076",
    ],
    [
      "two tumours",
      "DIAGNOSES: Lipomas of the back, 7 cm, and of the right shoulder, 2 cm.\nPROCEDURE: Excision of subcutaneous lipoma of the back. Excision of subcutaneous lipoma of the right shoulder.",
      "21930 23075",
    ],
    [
      "several tumours",
      "POSTOPERATIVE DIAGNOSIS: Lipoma of the back, 6 cm.\nPROCEDURE: Excision of two subcutaneous lipomas of the back.",
      "21930x2",
    ],
  ])("gives no size to an excision of %s", (_name, note, codes) => {
    const r = run(note);
    expect(codesOf(r)).toBe(codes);
    expect(r.warnings.map((w) => w.kind)).toContain("size_missing");
  });
});

describe("a mass excised from beneath the skin", () => {
  it.each([
    [
      "Procedure: Excision of mass, left second toe.\nA linear incision was made over the dorsal second toe. The 1 cm subcutaneous mass was dissected from the overlying skin and off the capsule and removed. Skin closed with 4-0 nylon.",
      "28043",
    ],
    ["Excision of a 2 cm subcutaneous mass of the back.", "21930"],
    [
      "Procedure: Excision of mass, left upper back. The 2 cm mass was excised from beneath the skin.",
      "21930",
    ],
    [
      "Excision of mass, right shoulder. The 4 cm mass was found within the deltoid muscle belly and excised.",
      "23076",
    ],
    [
      "Procedure: Excision of mass, right thigh. The 3 cm mass lay deep to the fascia and was excised.",
      "27328",
    ],
  ])("is a soft-tissue tumour excision by region and depth: %j", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    // No depth written: a mass could be of the skin or of an organ; nothing is coded.
    ["no depth", "Procedure: Excision of mass, right thigh. The 3 cm mass was excised.", ""],
    [
      "no depth, with margins",
      "Excision of a 1.2 cm mass of the right forearm with 2 mm margins.",
      "",
    ],
    // A mass of the skin itself is a skin lesion.
    ["a skin mass", "Excision of a 1 cm skin mass of the back with 2 mm margins.", "11402"],
    // A breast mass is breast tissue, whatever its depth.
    [
      "a breast mass",
      "Procedure: Excision of left breast mass. The 2 cm mass was dissected free from the surrounding subcutaneous tissue and excised.",
      "",
    ],
  ])("is not a soft-tissue tumour excision with %s", (_name, note, code) => {
    expect(codes(note)).toBe(code);
  });
});
