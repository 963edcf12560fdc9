import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

describe("procedures that are not skin procedures", () => {
  it.each([
    [
      "Excisional biopsy of a right cervical lymph node, 2 cm. The wound was closed in layers and the skin with a running subcuticular closure.",
    ],
    ["EGD: multiple biopsies were taken from the gastric antrum and duodenum."],
    [
      "Term newborn with hyperbilirubinemia, phototherapy started, bilirubin rechecked in 12 hours.",
    ],
    ["Left upper lid chalazion. Mild conjunctival injection over the lesion. Warm compresses."],
    ["Bunionectomy of the right foot; the capsule was closed with simple interrupted sutures."],
  ])("codes nothing for: %s", (note) => {
    expect(suggest(note).codes).toEqual([]);
  });

  it("still codes the skin excision of a note that also names an organ elsewhere", () => {
    const codes = suggest(
      "History of colon cancer. Excision of a 1.0 cm nevus of the back with 2 mm margins; simple closure.",
    ).codes.map((l) => l.code);
    expect(codes).toEqual(["11402"]);
  });
});
