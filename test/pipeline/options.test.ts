import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

/** Treatment options listed in a discussion are not procedures of the visit, however long the list. */
describe("lists of treatment options", () => {
  it.each([
    "BCC of the left cheek. Discussed treatment options including cryotherapy, ED&C, surgical excision, Mohs surgery and topical imiquimod. Patient wishes to think about it.",
    "Psoriasis: discussed options such as topical steroids, calcipotriene, narrowband UVB phototherapy, methotrexate and biologics.",
    "Treatment options were reviewed at length, including excision, Mohs micrographic surgery, radiation therapy and topical 5-FU.",
  ])("bills nothing for: %s", (note) => {
    expect(suggest(note).codes).toEqual([]);
  });

  it("still bills the option chosen and done today", () => {
    const codes = suggest(
      "BCC left forearm 1.0 cm. Treatment options discussed including ED&C, excision and Mohs; excision with 4 mm margins was performed today with simple closure.",
    ).codes.map((l) => l.code);
    expect(codes).toEqual(["11602"]);
  });
});
