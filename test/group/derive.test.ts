import { describe, expect, it } from "vitest";
import { deriveSizes } from "../../src/group/derive.ts";
import type { SizeMention, SizeRole } from "../../src/types.ts";

/** "1.0 lesion" -> a size mention of 1.0 cm with role lesion; "320 sq area" -> 320 cm2 area. */
function size(spec: string, i: number): SizeMention {
  const [value, unit, role] = spec.split(" ") as [string, string, SizeRole];
  return {
    id: i,
    kind: "size",
    start: i,
    end: i + 1,
    text: spec,
    ruleId: "t",
    sentence: 0,
    value: Number(value),
    dims: [Number(value)],
    unit: unit === "sq" ? "cm2" : "cm",
    role,
  };
}

describe("deriveSizes", () => {
  it.each([
    [["1.0 cm lesion", "0.2 cm margin"], { lesionCm: 1, marginCm: 0.2, excisedDiameterCm: 1.4 }],
    [["0.4 cm lesion", "0.1 cm margin"], { lesionCm: 0.4, marginCm: 0.1, excisedDiameterCm: 0.6 }],
    [
      ["0.6 cm lesion", "0.3 cm margin", "0.1 cm margin"],
      { lesionCm: 0.6, marginCm: 0.1, excisedDiameterCm: 0.8 },
    ],
    [["1.2 cm lesion", "0.8 cm lesion"], { lesionCm: 1.2, excisedDiameterCm: 1.2 }],
    [["0.7 cm unknown"], { lesionCm: 0.7, excisedDiameterCm: 0.7 }],
    [["0.7 cm unknown", "0.5 cm lesion"], { lesionCm: 0.5, excisedDiameterCm: 0.5 }],
    [["1.4 cm defect"], { defectCm: 1.4, excisedDiameterCm: 1.4 }],
    [
      ["1.0 cm lesion", "0.2 cm margin", "1.8 cm defect"],
      { lesionCm: 1, marginCm: 0.2, defectCm: 1.8, excisedDiameterCm: 1.4 },
    ],
    [
      ["1.0 cm lesion", "4.2 cm repair"],
      { lesionCm: 1, repairLengthCm: 4.2, excisedDiameterCm: 1 },
    ],
    [["320 sq area"], { areaSqCm: 320 }],
    [["120 sq unknown", "150 sq unknown"], { areaSqCm: 270 }],
    [["120 sq unknown", "300 sq area"], { areaSqCm: 300 }],
    [[], {}],
  ])("derives %j as %j", (specs, expected) => {
    expect(deriveSizes(specs.map(size))).toEqual(expected);
  });

  it("never adds the ellipse (repair) length to the excised diameter", () => {
    const derived = deriveSizes(["1.0 cm lesion", "0.2 cm margin", "3.0 cm repair"].map(size));
    expect(derived.excisedDiameterCm).toBe(1.4);
  });

  it("takes a margin cued as final (after a same-session widening) over the first one", () => {
    const sizes = ["1.0 cm lesion", "0.3 cm margin", "0.7 cm margin"].map(size);
    sizes[2]!.final = true;
    expect(deriveSizes(sizes)).toMatchObject({ marginCm: 0.7, excisedDiameterCm: 2.4 });
    expect(deriveSizes(sizes.slice(0, 2))).toMatchObject({ marginCm: 0.3 });
  });
});

describe("deriveSizes: areas in the brackets after a site", () => {
  /** "180 area @5" -> 180 cm2 of role area inside the bracket opened at offset 5; "x2" doubles. */
  const area = (spec: string, i: number): SizeMention => {
    const [value, role, ...rest] = spec.split(" ") as [string, SizeRole, ...string[]];
    const bracket = rest.find((r) => r.startsWith("@"));
    const times = rest.includes("x2") ? 2 : undefined;
    return {
      ...size(`${value} sq ${role}`, i),
      ...(bracket ? { siteBracket: Number(bracket.slice(1)) } : {}),
      ...(times ? { times } : {}),
    };
  };
  it.each([
    // A site's bracketed total adds to the other sites' areas.
    [["180 area @5", "90 unknown @40"], 270],
    // It stands for the areas of its bracket ("90 sq cm each, 180 sq cm total").
    [["90 unknown @5 x2", "180 area @5", "90 unknown @40"], 270],
    // A total outside site brackets is the visit's and wins.
    [["180 area @5", "90 unknown @40", "300 area"], 300],
    [["100 unknown", "170 unknown", "270 area"], 270],
    // Without totals, areas add up.
    [["120 unknown @5", "150 unknown @30"], 270],
  ])("%j gives %s sq cm", (specs, expected) => {
    expect(deriveSizes(specs.map(area)).areaSqCm).toBe(expected);
  });
});
