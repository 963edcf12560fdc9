/**
 * Procedures whose code waits on pathology: a suspected cancer destroyed after its biopsy is
 * coded on the clinical call with a confidence that leaves it to the coder, and a biopsy is not
 * dropped into a destruction that cannot be coded.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";

describe("biopsy then destruction before pathology", () => {
  it("codes a destroyed 'r/o BCC' as malignant, provisionally", () => {
    const r = suggest(
      "Shave biopsy of a 0.8 cm pearly papule on the left forearm, r/o BCC, followed by ED&C x3 cycles.",
    );
    expect(r.codes.map((c) => c.code)).toEqual(["17261"]);
    expect(r.codes[0]!.factors.map((f) => f.name)).toContain("malignancy_suspected");
    expect(r.codes[0]!.confidence).toBeLessThan(0.95);
  });

  it("keeps the biopsy when the destruction names no lesion type", () => {
    const r = suggest(
      "Shave biopsy of a 0.8 cm pearly papule on the left forearm followed by ED&C. Path pending.",
    );
    expect(r.codes.map((c) => c.code)).toEqual(["11102"]);
    expect(r.warnings.map((w) => w.kind)).toContain("lesion_type_missing");
  });
});

describe("injections into lesions named only by their shape", () => {
  it("codes plaques injected with triamcinolone", () => {
    expect(
      suggest("Intralesional Kenalog 10 mg/mL injected into 3 plaques on the scalp.").codes.map(
        (c) => c.code,
      ),
    ).toEqual(["11900"]);
  });
});
