/** A bare "removed" restating the removal of its sentence's lesion is that removal, not another. */
import { describe, expect, it } from "vitest";
import { codes } from "./notes.ts";

describe("a removal word restating the procedure of its sentence", () => {
  it.each([
    ["Shave removal of a 1.5 cm SK L forearm; removed in its entirety.", "11302"],
    ["Shave removal of a 1.5 cm SK L forearm; lesion completely removed.", "11302"],
    ["Excision of a 1.5 cm SK L back with 2 mm margins; removed in its entirety.", "11402"],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    // Its own clause names a lesion of its own: a second procedure.
    ["Shave removal of a 1.5 cm SK L forearm; 3 skin tags removed.", "11302 11200"],
    ["Shave removal of a 1.5 cm SK L forearm; skin tags removed with scissors.", "11302 11200"],
  ])("keeps a removal of other lesions apart in %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
