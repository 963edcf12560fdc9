import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const filler = [
  "The patient was placed supine.",
  "The area was prepped and draped in the usual sterile fashion.",
  "Local anesthetic was infiltrated.",
  "A time-out was performed.",
  "Loupe magnification was used.",
  "The lesion was marked.",
].join(" ");

describe("attribute scope of a procedure named in a title line", () => {
  it("reads the whole procedure description when no other procedure is named there", () => {
    const note =
      "PROCEDURE: Excision of epidermoid cyst, left upper back.\n" +
      `DESCRIPTION OF PROCEDURE: ${filler} The cyst measured 1.4 cm. It was excised with 4 mm margins. The wound was closed with simple interrupted sutures.`;
    const [line] = suggest(note).codes;
    expect(line?.code).toBe("11403");
    expect(line?.rationale).toContain("0.4 cm margin");
  });

  it("reads the measurement just before a later anchor of the same procedure", () => {
    const note =
      "PROCEDURE: Excision of benign cyst, mid back.\nSURGEON: Attending.\nANESTHESIA: Local.\nCOMPLICATIONS: None.\n" +
      "ESTIMATED BLOOD LOSS: Minimal.\nINDICATIONS: Enlarging. Painful when leaning back. Not infected.\n" +
      `DESCRIPTION OF PROCEDURE: ${filler} The cyst measured 3.5 cm. A fusiform excision was outlined with a 3 mm margin.`;
    const [line] = suggest(note).codes;
    expect(line?.rationale).toContain("lesion 3.5 cm + 2 x 0.3 cm margin");
  });

  it("does not size an excision on the histologic clearance in a pathology report", () => {
    const note =
      "PROCEDURE: Excision of biopsy-proven melanoma in situ of the scalp, 2.2 cm, with 5 mm margins.\n" +
      "PATHOLOGY: Melanoma in situ, margins clear by 2 mm.";
    const [line] = suggest(note).codes;
    expect(line?.code).toBe("11624");
    expect(line?.rationale).toContain("2 x 0.5 cm margin");
  });
});
