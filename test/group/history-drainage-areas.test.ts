/**
 * Three rules of the lesion a procedure treats and how many it treats:
 * - a diagnosis told as the patient's past ("history of", "h/o") loses to the diagnosis told of
 *   today's lesion, and is then none of the procedure's lesions;
 * - drainages of one visit count the abscesses named at several places, whether the lesion word
 *   is repeated at each place or the drainage is told after its lesions; an abscess that drained
 *   by itself was not drained by the physician;
 * - a generic "treated" in the sentence of an area treatment (excimer, phototherapy) tells that
 *   treatment again, so its areas are the treatment's own.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { shippedCodes } from "./notes.ts";

describe("a past diagnosis does not name today's lesion", () => {
  it.each([
    [
      "Hx of SCC. Today excised a 0.8 cm lesion of the left thigh with 0.2 cm margins, clinically a dermatofibroma.",
      "11402",
    ],
    [
      "Patient with h/o melanoma. Excision of a 1.2 cm nevus of the upper back with 0.2 cm margins.",
      "11402",
    ],
    // A past diagnosis and no current one: nothing to lose to.
    [
      "Biopsy-proven BCC 3 weeks ago. Excision of the 1.0 cm lesion of the back with 0.4 cm margins.",
      "11602",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });

  it("keeps a past melanoma out of the malignancy and diagnosis of a shaved SK", () => {
    const r = suggest("Prior history of melanoma. Shave removal of a 0.5 cm SK of the chest.");
    expect(r.codes.map((c) => c.code)).toEqual(["11300"]);
    expect(r.procedures[0]!.malignancy).toBe("benign");
    expect(r.procedures[0]!.diagnosis).toBe("SK");
  });
});

describe("several abscesses drained at one visit", () => {
  it.each([
    ["Incision and drainage: abscess of the right thigh and abscess of the left arm.", "10061"],
    ["Abscesses of the right and left axilla were incised and drained.", "10061"],
    [
      "Abscess L forearm and abscess R shin were incised and drained, packed with iodoform.",
      "10061",
    ],
    ["Abscesses were drained from the left and right buttock.", "10061"],
    ["Two abscesses drained from the back today.", "10061"],
    // One abscess reaching over two named places stays one.
    ["I&D of an abscess of the right axilla extending onto the chest wall.", "10060"],
    ["Abscess of the left thigh; I&D of the abscess.", "10060"],
  ])("codes %j as %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });

  it.each([
    "Abscess of the neck was drained spontaneously at home.",
    "The abscess of the left thigh was drained intermittently by itself; warm compresses advised.",
  ])("codes no drainage for %j", (note) => {
    expect(shippedCodes(note)).toBe("");
  });
});

describe("'treated' in an excimer sentence is the excimer's", () => {
  it("reads the total area of the patches as the excimer's area", () => {
    const r = suggest(
      "Excimer 308 nm for vitiligo: 4 patches on the hands and 2 patches on the face, 140 sq cm treated.",
    );
    expect(r.codes.map((c) => `${c.code}x${c.units}`)).toEqual(["96920x1"]);
    expect(r.procedures).toHaveLength(1);
    expect(r.procedures[0]!.sizes.areaSqCm).toBe(140);
    expect(r.warnings.filter((w) => w.kind === "size_missing")).toEqual([]);
  });

  it("bands a larger total", () => {
    expect(
      shippedCodes(
        "Excimer laser to psoriasis: 6 plaques on the elbows and 4 plaques on the shins, 320 sq cm treated today.",
      ),
    ).toBe("96921");
  });
});
