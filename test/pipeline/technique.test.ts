import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const codes = (note: string) => suggest(note).codes.map((l) => l.code);

describe("'shave technique'", () => {
  it("is the technique of a biopsy it qualifies", () => {
    expect(codes("Biopsy of a new pink papule on the right shoulder via shave technique.")).toEqual(
      ["11102"],
    );
  });

  it.each([
    "The 6 mm SK on the back was removed using a shave technique.",
    "Shave technique was used to remove the 6 mm irritated SK on the back.",
  ])("is a shave removal when it removes a lesion: %s", (note) => {
    expect(codes(note)).toEqual(["11301"]);
  });
});
