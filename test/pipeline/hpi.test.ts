import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

/** A history of present illness tells of earlier procedures; only "today" there means this visit. */
describe("procedures told in the history of present illness", () => {
  it("does not bill a biopsy the history of present illness reports", () => {
    const result = suggest(
      "HISTORY OF PRESENT ILLNESS: He underwent a punch biopsy of the left arm in May, which was benign.\n\nPROCEDURE: Shave biopsy of a 5 mm papule on the upper back.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["11102"]);
    const punch = result.procedures.find((p) => p.evidence.some((e) => /punch/i.test(e.text)));
    expect(punch?.assertion).toMatchObject({ temporality: "historical", billable: false });
  });

  it("bills a procedure the history of present illness says was done today", () => {
    const result = suggest(
      "HISTORY OF PRESENT ILLNESS: Tender 2 cm abscess of the left axilla; incision and drainage performed today.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["10060"]);
  });
});

describe("SOAP labels and ongoing regimens", () => {
  it("reads S: as the history and 'continue' as an ongoing regimen, not today's procedure", () => {
    const result = suggest(
      "S: Psoriasis well controlled on NB-UVB 3x/week.\nO: Thin plaques on the elbows.\nA/P: Psoriasis - continue phototherapy. LN2 to 2 warts on the left hand.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["17110"]);
  });
});

describe("a copied-forward block", () => {
  it("bills nothing inside '--- Copied from note ... ---' up to its end banner, even under a Procedure: field", () => {
    const result = suggest(
      "--- Copied from note of 05/06/2025 ---\nProcedure: Punch biopsy R lateral thigh.\n--- End copied section ---\nToday: LN2 to 3 AKs on the R forearm.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["17000", "17003"]);
  });
});
