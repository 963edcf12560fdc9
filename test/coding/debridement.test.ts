/**
 * Debridement (11042-11047 by the deepest layer removed, 97597/97598 for the wound surface), per
 * first 20 sq cm and each further 20 sq cm; only wounds are debrided.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { shippedCodes as codes } from "../group/notes.ts";

describe("debridement by depth and area", () => {
  it.each([
    [
      "Excisional debridement of a sacral pressure ulcer measuring 5 x 4 cm down to bleeding subcutaneous tissue.",
      "11042",
    ],
    [
      "The right heel ulcer, 3 x 2 cm, was sharply debrided; necrotic muscle and fascia were excised.",
      "11043",
    ],
    [
      "Diabetic foot ulcer 6 x 5 cm: excisional debridement performed; osteomyelitic bone was removed with a rongeur.",
      "11044 11047",
    ],
    [
      "Selective debridement of fibrinous slough from a venous ulcer of the left leg, 4 x 3 cm.",
      "97597",
    ],
    // Granulation tissue and fibrin cut away: the wound surface only.
    ["Debridement of the ischial ulcer: granulation tissue and fibrin were excised.", "97597"],
    // Two wounds at one depth: their areas add up (30 + 16 sq cm).
    [
      "Two pressure ulcers were debrided down to subcutaneous tissue: sacral 6 x 5 cm and right heel 4 x 4 cm.",
      "11042 11045x2",
    ],
    // The wound size told with the tissue cut away is the area of the debridement it retells.
    [
      "Debridement of skin and subcutaneous tissue of abdominal wound. Necrotic skin and subcutaneous tissue were excised from the 10 x 4 cm abdominal wound.",
      "11042 11045",
    ],
    // The ellipse cut around the dead tissue measures the area removed (50 sq cm).
    [
      "Debridement of necrotic tissue of the left lower abdomen. A 10 cm x 5 cm elliptical incision was made around the necrotic skin. The necrotic skin and subcutaneous fat were excised down to the fascia.",
      "11042 11045x2",
    ],
    [
      "Debridement of the sacral ulcer. An elliptical incision measuring 12 x 4 cm was made around the necrotic tissue and it was excised down to the fascia.",
      "11042 11045x2",
    ],
    // A wound measured after the excision is its area, not the ellipse around it (24 sq cm).
    [
      "Debridement of necrotic tissue of the left thigh wound. A 10 cm x 5 cm elliptical incision was made around the necrotic skin. The wound measured 6 x 4 cm after excision of the necrotic fat.",
      "11042 11045",
    ],
    // "Down to the fascia" reaches the fascia; the deepest layer removed is the fat above it.
    [
      "Excisional debridement of the ischial ulcer, 4 x 4 cm, taken down to the deep fascia.",
      "11042",
    ],
    // Selective debridement of the wound that is also debrided by excision is part of it; of a
    // separate wound it is reported too, with the distinct-site modifier.
    [
      "Sacral ulcer 6 x 7 cm: excisional debridement of necrotic subcutaneous tissue. Left heel ulcer 3 x 3 cm: selective debridement of slough with curette.",
      "11042 11045x2 97597-XS",
    ],
    [
      "Sacral ulcer 6 x 7 cm: selective debridement of slough, then excisional debridement of necrotic subcutaneous tissue.",
      "11042 11045x2",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // Bone exposed at the base but left in place: the deepest layer removed is the fat.
    [
      "R hallux plantar ulcer 25 mm x 20 mm with exposed bone at the base. Excised nonviable subcutaneous tissue with a curette; bone left intact, not debrided.",
      "11042",
    ],
    // Two wounds, each with its own size and depth: one line per depth, XS on the shallower.
    [
      "Sacral wound 5 x 4 cm: excisional debridement of necrotic subcutaneous tissue. R ischial wound 3 x 2 cm: excisional debridement including necrotic gluteal muscle.",
      "11043 11042-XS",
    ],
    // The layers alone name a wound debridement.
    [
      "Debridement of skin, subcutaneous tissue, muscle and bone of the left forearm wound.",
      "11044",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("codes necrotic tissue cut away from a wound as its debridement", () => {
    expect(
      codes(
        "Operation: excision of necrotic tissue of the left leg wound, 5 x 3 cm, down to healthy subcutaneous tissue.",
      ),
    ).toBe("11042");
  });

  it("assumes subcutaneous depth for an excisional debridement without a layer, and warns", () => {
    expect(codes("Sharp debridement of the ischial ulcer. I did not rongeur the bone.")).toBe(
      "11042",
    );
  });
});

describe("the depth of a debridement is the deepest tissue removed, not the wound's depth", () => {
  it.each([
    // The wound reaches the bone, but only granulation tissue and scar were cut away.
    [
      "Debridement of left ischial decubitus ulcer. The ulcer is quite deep, right down to the bone. Chronic granulation tissue and scar were sharply excised from the edges and base until healthy tissue. I did not rongeur the bone.",
      "11042",
    ],
    [
      "Sacral pressure ulcer, 4 x 3 cm, which probes down to the bone. Excisional debridement of necrotic tissue until bleeding tissue was reached.",
      "11042",
    ],
    // The title names the debridement, the narrative the tissue excised: an excisional one.
    [
      "Debridement of left ischial ulcer. Chronic granulation tissue and scarred tissue were sharply excised until bleeding healthy tissue was obtained.",
      "11042",
    ],
    // The narrative tells the titled debridement again and names the layers it removed.
    [
      "PROCEDURE PERFORMED: Excisional debridement of the heel ulcer, 3 x 2 cm.\nDESCRIPTION: Necrotic fascia and muscle were sharply excised.",
      "11043",
    ],
    [
      "Excisional debridement of the heel ulcer, 3 x 2 cm. Necrotic subcutaneous fat was sharply excised. The ulcer reaches down to the bone.",
      "11042",
    ],
    // Said of the debridement itself, the reach to the bone still tells the layer removed above it.
    ["Excisional debridement of the sacral ulcer, 4 x 3 cm, down to the bone.", "11043"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a wound size written in the diagnosis header", () => {
  it.each([
    [
      "POSTOPERATIVE DIAGNOSIS: Sacral decubitus ulcer, 8 x 6 cm.\nPROCEDURE: Excisional debridement of sacral ulcer down to subcutaneous tissue.",
      "11042 11045x2",
    ],
    [
      "DIAGNOSIS: Nonhealing wound of the left lower leg, 6 x 5 cm.\nPROCEDURE: Excisional debridement of the wound including necrotic muscle.",
      "11043 11046",
    ],
    // A header naming another site or side measures another wound.
    [
      "DIAGNOSIS: Right heel ulcer, 8 x 6 cm.\nPROCEDURE: Excisional debridement of the left heel ulcer down to subcutaneous tissue.",
      "11042",
    ],
  ])("gives the debridement its area: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("what is not a billable debridement", () => {
  it.each([
    [
      "a drained abscess cavity",
      "Incision and drainage of a buttock abscess; the cavity was debrided and packed.",
    ],
    [
      "a laceration cleaned before its repair",
      "The wound was irrigated and debrided and closed with simple interrupted sutures, 3 cm laceration of the forearm.",
    ],
    ["an arthroscopic debridement", "Arthroscopic debridement of the shoulder labrum."],
    ["a planned debridement", "The heel ulcer will need debridement next week."],
  ])("does not code %s as debridement", (_name, note) => {
    expect(codes(note)).not.toMatch(/1104[2-7]|9759[78]/);
  });

  it("does not bill the procedures a discharge summary recounts", () => {
    const note = [
      "REASON FOR ADMISSION: Sacral pressure ulcer.",
      "HOSPITAL COURSE: The patient underwent excisional debridement of the sacral ulcer, 5 x 5 cm, down to subcutaneous tissue.",
      "CONDITION ON DISCHARGE: Stable.",
    ].join("\n");
    expect(codes(note)).toBe("");
  });
});

describe("wound dimensions written with their axis names", () => {
  it.each([
    [
      "Excisional debridement of the leg wound including skin, subcutaneous tissue and muscle; the wound measured 10.5 cm in length x 4 cm.",
      "11043 11046x2",
    ],
    [
      "Excisional debridement of the leg wound including skin, subcutaneous tissue and muscle; the wound was 10.5 cm long and 4 cm wide.",
      "11043 11046x2",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("several wounds debrided to different depths in one sentence or list", () => {
  it.each([
    // Each wound keeps its own layer and area; areas are summed per depth only.
    [
      "Excisional debridement of sacral ulcer to subcutaneous tissue, 30 sq cm, and of R heel ulcer including bone, 5 sq cm.",
      "11044 11042-XS 11045-XS",
    ],
    // Reaching the bone names the layer removed above it (as "down to the bone" does).
    [
      "Excisional debridement of sacral ulcer to subcutaneous tissue, 30 sq cm, and of R heel ulcer to bone, 5 sq cm.",
      "11043 11042-XS 11045-XS",
    ],
    [
      "Excisional debridement:\n1) sacral ulcer to subcutaneous tissue, 30 sq cm\n2) R heel ulcer to muscle, 5 sq cm",
      "11043 11042-XS 11045-XS",
    ],
    // A sentence continuing a wound's item on its line names that wound's layer.
    [
      "Excisional debridement:\n1. Sacral ulcer, 20 sq cm. Debrided to subcutaneous tissue.\n2. Left heel ulcer, 4 sq cm. Debrided to muscle.",
      "11043 11042-XS",
    ],
    // The same depth for both wounds: one line set on the summed area (30 + 15 sq cm).
    [
      "Excisional debridement of sacral ulcer to subcutaneous tissue, 30 sq cm, and of the left heel ulcer to subcutaneous tissue, 15 sq cm.",
      "11042 11045x2",
    ],
    // A layer written before the list is every wound's.
    [
      "Excisional debridement to subcutaneous tissue of sacral ulcer, 30 sq cm, and of R heel ulcer, 5 sq cm.",
      "11042 11045",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("wounds debrided in consecutive sentences under a debridement heading", () => {
  it.each([
    // Each sentence's wound keeps its own layer and area.
    [
      "Debridement: sacral ulcer, excisional to subcutaneous tissue, 30 sq cm. R heel ulcer, necrotic muscle excised, 5 sq cm.",
      "11043 11042-XS 11045-XS",
    ],
    // A heading sentence of its own, its layer every wound's.
    [
      "Excisional debridement to subcutaneous tissue:\nSacral ulcer, 6 x 5 cm.\nL heel ulcer, 3 x 2 cm.",
      "11042 11045",
    ],
    [
      "Excisional debridement to subcutaneous tissue:\nSacral ulcer, 6 x 5 cm.\nL heel ulcer, debrided including bone, 3 x 2 cm.",
      "11044 11042-XS 11045-XS",
    ],
    // One wound told over several sentences is one wound.
    [
      "Debridement: sacral ulcer 6 x 5 cm, necrotic subcutaneous tissue excised. Wound base bleeding, healthy granulation. Dressing applied.",
      "11042 11045",
    ],
    // A later sentence naming its own wound at another site with a generic word is that wound's.
    [
      "Excisional debridement of sacral ulcer 6 x 5 cm to subcutaneous tissue. A second ulcer of the left heel, 2 x 3 cm, was debrided into muscle.",
      "11043 11042-XS 11045-XS",
    ],
    // ... while the same wound told again stays one.
    [
      "Excisional debridement of sacral ulcer 6 x 5 cm to subcutaneous tissue. The sacral ulcer was debrided until bleeding tissue.",
      "11042 11045",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a wound debridement under a diagnosis naming a fracture or fasciotomy", () => {
  it.each([
    // The tissue removed says it is a wound debridement, whatever the diagnosis lines name.
    [
      "PREOPERATIVE DIAGNOSIS: Healed fibular fracture with a chronic lateral ankle wound.\nOPERATION: Debridement of ankle wound.\nWound 5 x 2 cm; necrotic skin and subcutaneous tissue were excised sharply.",
      "11042",
    ],
    [
      "PREOPERATIVE DIAGNOSIS: Status post fasciotomy for compartment syndrome.\nOPERATION: Debridement of right thigh wound.\nNecrotic muscle was sharply excised; the wound measured 4 x 4 cm.",
      "11043",
    ],
    // Bone fragments removed are bone debrided.
    [
      "Sacral ulcer debrided; necrotic subcutaneous tissue excised and loose bone fragments removed. Ulcer 4 x 3 cm.",
      "11044",
    ],
    // A debridement of the fracture itself, or one removing bone, is not a wound debridement.
    [
      "OPERATION: Irrigation and debridement of open radius fracture.\nDevitalized subcutaneous tissue and muscle were excised. Wound 6 x 3 cm.",
      "",
    ],
    [
      "PREOPERATIVE DIAGNOSIS: Open tibial fracture.\nOPERATION: Irrigation and debridement.\nDevitalized subcutaneous tissue and muscle were excised and loose bone fragments removed. Wound 8 x 4 cm.",
      "",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a numbered list of wounds under one debridement heading", () => {
  it.each([
    // Each numbered wound is its own; the layer of one is never another's, and the areas add up
    // per depth (12 + 25 sq cm assumed subcutaneous, 4 sq cm to muscle).
    [
      "Excisional debridement of the following ulcers: 1. Left heel ulcer 3 x 4 cm. 2. Right heel ulcer 2 x 2 cm, debrided to muscle. 3. Sacral ulcer 5 x 5 cm.",
      "11043 11042-XS 11045-XS",
    ],
    // A wound with no layer under a generic heading is left uncoded (with its warning).
    [
      "Debridement of wounds: 1. Left ankle ulcer 3 x 4 cm. 2. Right ankle ulcer 2 x 2 cm, debrided to muscle. 3. Coccygeal ulcer 5 x 5 cm.",
      "11043",
    ],
    [
      "Debridement of wounds:\n1. Left heel ulcer 3 x 4 cm.\n2. Right heel ulcer 2 x 2 cm, debrided to muscle.",
      "11043",
    ],
    [
      "Sharp debridement of the following wounds: 1. Sacrum, 6 x 5 cm, to fascia. 2. Right ischium, 3 x 2 cm, to subcutaneous tissue.",
      "11043 11046 11042-XS",
    ],
    [
      "Debridement of wounds: (1) right shin ulcer 4 x 5 cm, debrided through subcutaneous tissue; (2) left shin ulcer 3 x 3 cm; (3) right foot ulcer 2 x 2 cm, debrided to muscle.",
      "11043 11042-XS",
    ],
    // A layer in the heading is every wound's.
    [
      "Sharp excisional debridement to subcutaneous tissue of: 1. Left heel ulcer 4 x 5 cm. 2. Right heel ulcer 3 x 3 cm.",
      "11042 11045",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    [
      "Debridement of wounds: 1. Left heel ulcer 3 x 4 cm. 2. Right heel ulcer 2 x 2 cm, debrided to muscle. 3. Sacral ulcer 5 x 5 cm.",
      2,
    ],
    [
      "Debridement of wounds:\n1. Left heel ulcer 3 x 4 cm.\n2. Right heel ulcer 2 x 2 cm, debrided to muscle.",
      1,
    ],
    [
      "Debridement of wounds: (1) left shin ulcer 3 x 4 cm; (2) right shin ulcer 2 x 2 cm, debrided to muscle.",
      1,
    ],
  ])(
    "warns about each listed wound with no layer and codes the documented one on its own area: %j",
    (note, missing) => {
      const r = suggest(note);
      expect(r.codes.map((c) => c.code)).toEqual(["11043"]);
      expect(r.codes[0]!.rationale).toContain("4 sq cm");
      expect(r.warnings.filter((w) => w.kind === "depth_missing")).toHaveLength(missing);
    },
  );
});

describe("a deep structure said to be untouched", () => {
  // A layer named only to say the debridement did not reach it is no depth: whatever the
  // structure and however the note says it was spared.
  it.each([
    [
      "The plantar ulcer, 9 x 4 cm, was debrided of necrotic subcutaneous fat. The tendon was not exposed.",
    ],
    ["Heel ulcer 7 x 5 cm debrided of subcutaneous tissue; fascia intact."],
    [
      "Sharp debridement of the sacral ulcer, 10 x 4 cm, through subcutaneous fat. Tendon and bone were intact.",
    ],
    [
      "The shin ulcer, 8 x 5 cm, was debrided of subcutaneous tissue. Muscle and fascia were spared.",
    ],
    ["The ankle ulcer, 8 x 5 cm, was debrided of subcutaneous tissue. The muscle was uninvolved."],
    [
      "Excisional debridement of the ischial ulcer, 6 x 6 cm, of subcutaneous tissue. Fascia not exposed.",
    ],
  ])("codes subcutaneous debridement for %j", (note) => {
    expect(codes(note)).toBe("11042 11045");
  });

  it("still reads a layer that was removed beside one that was spared", () => {
    expect(
      codes(
        "The heel ulcer, 4 x 3 cm, was debrided; necrotic muscle was excised, leaving the tendon intact.",
      ),
    ).toBe("11043");
  });
});
