/**
 * A typo in the only procedure word of a note (a letter dropped, added, or swapped with its
 * neighbour) must not drop the procedure silently: the canonicaliser maps it to the lexicon word.
 * A changed letter, or a real word next to an inflected form, is no typo of a procedure word.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("misspelt procedure words", () => {
  it.each([
    [
      "Excison of bx-proven BCC of the right cheek, lesion 1.1 cm with 3 mm margins. Complex repair 4.2 cm.",
      "11642 13132",
    ],
    ["Exicsion of an epidermal cyst of the back, 1.5 cm.", "11402"],
    ["Cyrotherapy to 3 warts of the right hand.", "17110"],
    ["Cryotherpy to 3 warts of the right hand.", "17110"],
    ["Punch bioposy, 4 mm, of a papule on the right forearm.", "11104"],
    ["Shave biospy of a papule on the right forearm.", "11102"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it.each([
    "Pacing of the heart was normal; 3 warts noted on the right hand.",
    "Patient has been picking at 3 warts on the right hand.",
  ])("codes no procedure for %j", (note) => {
    expect(codes(note)).toBe("");
  });
});
