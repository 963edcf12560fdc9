import { describe, expect, it } from "vitest";
import { run, shippedCodes } from "./notes.ts";

// A template's method field tells how the procedure named in the fields above it was done: it is
// not a second procedure on the same lesions (which would count them twice).
describe("a method field qualifies the procedure of its template (group.method-field)", () => {
  it.each([
    [
      "tags snipped and hyfrecated, 31 counted",
      "Procedure: Removal of skin tags\nSite: neck, axillae\nNumber: 31\nMethod: scissor snip and hyfrecation",
      "11200 11201x2",
    ],
    [
      "tags hyfrecated, 20 counted",
      "Procedure: Removal of skin tags\nNumber: 20\nMethod: electrodesiccation",
      "11200 11201",
    ],
    [
      "tags frozen, 20 counted",
      "Procedure: Removal of skin tags\nNumber: 20\nMethod: LN2, 2 cycles",
      "11200 11201",
    ],
    [
      "tags treated by cryotherapy, method of removal field",
      "Procedure: Skin tag removal\nLocation: neck\nCount: 18\nMethod of removal: cryotherapy",
      "11200 11201",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("names the rule on the one event", () => {
    const r = run("Procedure: Removal of skin tags\nNumber: 20\nMethod: hyfrecation");
    expect(r.procedures).toHaveLength(1);
    expect(r.procedures[0]!.ruleIds).toContain("group.method-field");
  });

  it.each([
    // A method line after prose (no template fields in between) is read as before.
    [
      "two procedures told in sentences stay two",
      "Removal of 4 skin tags from the neck with scissors. LN2 to 3 AKs of the scalp.",
      "17000 17003x2 11200",
    ],
    // A field that is no method field keeps its own procedure.
    [
      "a second procedure field",
      "Procedure: Removal of skin tags\nNumber: 4\nProcedure 2: LN2 to 3 AKs of the scalp",
      "17000 17003x2 11200",
    ],
  ])("%s", (_, note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
