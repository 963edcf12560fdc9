import { describe, expect, it } from "vitest";
import { inCodeSet } from "../../src/coding/edits.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { codes, run, shippedCodes } from "../group/notes.ts";

const edits = loadLexicon().edits.rules;
const catalog = loadLexicon().codeCatalog.codes;

describe("same-lesion bundling", () => {
  it.each([
    [
      "a shave biopsy into ED&C of the same lesion",
      "Shave biopsy of a 0.8 cm lesion on the left arm, then ED&C of the same lesion. Path: BCC.",
      "17261",
    ],
    [
      "a shave biopsy into the excision of the same lesion",
      "Shave biopsy of a pigmented lesion on the back. Frozen section: BCC. The same lesion was then excised, 1.0 cm with 3 mm margins.",
      "11602",
    ],
  ])("bundles %s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("keeps the biopsy of a different lesion, with a distinct-lesion modifier", () => {
    expect(
      codes(
        "Punch biopsy of a nevus on the left arm. Excision of a 1.0 cm nevus on the back with 2 mm margins.",
      ),
    ).toBe("11402 11104-XS");
  });

  it("marks the bundled biopsy as not billable with the rule that bundled it", () => {
    const result = run(
      "Shave biopsy of a 0.8 cm lesion on the left arm, then ED&C of the same lesion. Path: BCC.",
    );
    const [biopsy, destruction] = result.procedures;
    expect(biopsy).toMatchObject({ kind: "biopsy", assertion: { billable: false } });
    expect(biopsy!.assertion.ruleIds).toContain("edit.same-lesion.biopsy");
    expect(biopsy!.lesion).toBe(destruction!.lesion);
  });

  it.each([
    [
      "Shave biopsy of a 0.8 cm lesion on the left arm, then ED&C of the same lesion. Path: BCC.",
      "included in the destruction of the same lesion",
    ],
    [
      "Excision of a 1.0 cm BCC on the nose with 3 mm margins; the defect was closed with a flap.",
      "included in the procedure dermcode does not code (see its warning) of the same lesion",
    ],
  ])("names the including procedure in words: %s", (note, reason) => {
    const reasons = run(note).procedures.map((p) => p.assertion.reason);
    expect(reasons).toContain(reason);
  });
});

describe("distinct-lesion modifiers", () => {
  const note = "Shave biopsy of a nevus on the back. Cryotherapy of 3 AKs on the scalp.";

  it.each([
    ["X", "11102 17000-XS 17003x2"],
    ["59", "11102 17000-59 17003x2"],
  ] as const)("uses modifier style %s: %s", (modifierStyle, expected) => {
    expect(codes(note, { modifierStyle })).toBe(expected);
  });

  it("defaults to the X style", () => {
    expect(codes(note)).toBe("11102 17000-XS 17003x2");
  });

  it("never puts the modifier on an add-on code", () => {
    const lines = run(note).codes;
    for (const l of lines) if (catalog[l.code]?.addon) expect(l.modifiers).toEqual([]);
  });

  it("marks a benign destruction beside an AK destruction in separate sentences", () => {
    expect(
      codes("Cryotherapy of 3 AKs on the scalp. Cryotherapy of 2 warts on the left arm."),
    ).toBe("17000 17003x2 17110-XS");
  });
});

describe("claim line order", () => {
  it.each([
    [
      "Shave biopsy of a nevus on the back. Punch biopsy of a nevus on the left arm.",
      "11104 11103",
    ],
    [
      "Mohs surgery for biopsy-proven BCC of the nose. Stage I: 7 blocks. Stage II: 3 blocks.",
      "17311 17312 17315x2",
    ],
    [
      "Excision of a 1.5 cm biopsy-proven BCC on the back with 4 mm margins. Complex repair 8.0 cm.",
      "11603 13101 13102",
    ],
    ["Removal of 26 skin tags from the neck with scissors.", "11200 11201x2"],
  ])("lists primary codes before their add-ons: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  const notes = [
    "Shave biopsy of a nevus on the back. Punch biopsy of a nevus on the left arm. Cryotherapy of 12 AKs on the scalp.",
    "Incisional biopsy of a nevus on the back. Punch biopsy of a nevus on the left arm. Shave biopsy of a nevus on the right cheek.",
    "Mohs surgery for biopsy-proven SCC of the back. Stage 1: 3 blocks. Stage 2: 2 blocks. Stage 3: 1 block.",
  ];

  it.each(notes)("puts an allowed primary before every add-on in %j", (note) => {
    const list = run(note).codes.map((l) => l.code);
    list.forEach((code, i) => {
      const rule = edits.find((r) => r.kind === "addonRequires" && r.addon === code);
      if (rule?.kind !== "addonRequires") return;
      expect(list.slice(0, i).some((p) => inCodeSet(rule.primaries, p))).toBe(true);
    });
    expect(list.some((c) => catalog[c]?.addon)).toBe(true);
  });
});

describe("treating the bed of an excised lesion", () => {
  it("includes cryotherapy of an excised BCC's positive margins in the excision", () => {
    expect(
      codes(
        "Excision of a 1.0 cm BCC of the back with 3 mm margins. Frozen sections showed a positive margin, so cryotherapy was applied to the margins of the excision site.",
      ),
    ).toBe("11602");
  });

  it("keeps the destruction of other lesions beside an excision", () => {
    expect(
      codes(
        "Excision of a 1.0 cm nevus of the back with 2 mm margins. Cryotherapy of 2 AKs of the back.",
      ),
    ).toBe("11402 17000-XS 17003");
  });
});

describe("biopsy and ED&C of the same lesion (reference 5.3)", () => {
  it.each([
    [
      "Shave bx of a 6 mm scaly papule R upper back, then ED&C of the base. Path: seborrheic keratosis.",
      "11102",
    ],
    [
      "Shave bx of a 6 mm pearly papule R upper back, then ED&C x3 of the base. Path: nodular BCC.",
      "17261",
    ],
  ])("codes %j as %s: benign keeps the biopsy, malignant the destruction", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a repair summed over wounds, one of them a small benign excision's (reference 3.4, 3.6)", () => {
  it.each([
    [
      "face: the benign wound's length leaves the sum, the cancer's keeps its line",
      "Excision of a 1.0 cm BCC of the left cheek with 3 mm margins, intermediate layered closure 3.0 cm. Excision of a 0.3 cm nevus of the right cheek with 1 mm margins, layered closure 1.2 cm.",
      "11642 11440 12052",
    ],
    [
      "trunk and arm: the band is recomputed on the rest (the sum, 4.2 cm, is 12032; the rest, 2.0 cm, 12031)",
      "Excision of a 0.8 cm atypical nevus of the back with 2 mm margins, layered closure 2.0 cm. Excision of a 0.2 cm nevus of the left arm with 1 mm margins, layered closure 2.2 cm.",
      "11402 11400 12031",
    ],
    [
      "complex repairs of one group: the add-on is recounted on the rest",
      "Excision of a 1.0 cm SCC of the left back with 3 mm margins, complex repair 9.0 cm. Excision of a 0.3 cm nevus of the right upper back with 1 mm margins, complex repair 1.5 cm.",
      "11602 11400 13101 13102",
    ],
    [
      "every wound of the sum is bundled: no repair line",
      "Excision of a 0.3 cm nevus of the left arm with 1 mm margins, layered closure 1.5 cm. Excision of a 0.2 cm nevus of the back with 1 mm margins, layered closure 1.0 cm.",
      "11400x2",
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("names the bundling rule on the recomputed line and says what left the sum", () => {
    const result = run(
      "Excision of a 1.0 cm BCC of the left cheek with 3 mm margins, layered closure 3.0 cm. Excision of a 0.3 cm nevus of the right cheek with 1 mm margins, layered closure 1.2 cm.",
    );
    const repair = result.codes.find((l) => l.code === "12052");
    expect(repair?.ruleIds).toContain("edit.bundle.repair-small-benign");
  });
});

describe("paring included in the destruction of the same lesion only (reference 8.4)", () => {
  it.each([
    [
      "a callus pared beside a frozen wart of the same foot is its own lesion",
      "Plantar wart R heel treated with LN2. Callus R great toe pared.",
      "17110 11055",
    ],
    [
      "a callus pared beside a frozen wart of the same hand",
      "Wart of the left thumb treated with LN2. Callus of the left palm pared.",
      "17110 11055",
    ],
    [
      "a wart pared on another toe of the same foot",
      "Plantar wart of the right great toe frozen with LN2. Plantar wart of the right fifth toe pared.",
      "17110 11055",
    ],
    [
      "a paring naming no lesion, on another toe",
      "Wart of the right great toe frozen with LN2. Right fifth toe pared.",
      "17110 11055",
    ],
    ["the wart pared and then frozen", "Plantar wart R heel pared then frozen with LN2.", "17110"],
    [
      "a wart pared and the same wart, named as a kind of wart, frozen",
      "Plantar wart of the right sole pared. Cryotherapy of the wart of the right sole with LN2.",
      "17110",
    ],
    [
      "the callus over a wart pared to reach it, in the sentence of the freezing",
      "Left heel: overlying callus pared down to the wart, which was then frozen with LN2.",
      "17110",
    ],
    [
      "a paring naming no lesion at the wart's place",
      "Plantar wart R heel treated with LN2. R heel pared.",
      "17110",
    ],
  ])("%s", (_name, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
