/**
 * A weak procedure word ("treated") whose sentence names a site joins the procedure named at that
 * site, not merely the closest one before it.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes } from "./notes.ts";

describe("a weak word at a site joins the procedure named there", () => {
  it("a second lesion treated 'in similar fashion' keeps its own size", () => {
    const edc = shippedCodes(
      "PREOPERATIVE DIAGNOSES:\n1. Squamous cell carcinoma in situ, vertex scalp, biopsy-proven.\n2. Basal cell carcinoma, left dorsal hand, biopsy-proven.\n\nPROCEDURES:\n1. ED&C, vertex scalp.\n2. ED&C, left dorsal hand.\n\nINDICATIONS: Frail woman on warfarin, not a candidate for excision. Both lesions were biopsied at her previous visit on 02/10/2026. Mohs was offered and declined.\n\nDESCRIPTION OF PROCEDURE: The scalp lesion measured 0.9 cm clinically. After local anesthesia, it was treated with three cycles of curettage and electrodesiccation; the final defect measured 1.2 cm.\n\nThe left dorsal hand lesion measured 0.4 cm and was treated in similar fashion, three cycles, with a final defect of 0.8 cm.\n\nHemostasis with electrocautery. A pressure dressing was applied.",
    )
      .split(" ")
      .filter((c) => c.startsWith("1727"));
    expect(edc.join(" ")).toBe("17272 17271");
  });
});
