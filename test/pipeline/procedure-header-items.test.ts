/**
 * Terse EHR notes whose numbered items under a procedure header name no verb of their own: the
 * header's procedure is done on each item's lesion, and each item's closure closes that lesion.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("a procedure header over numbered items", () => {
  it.each([
    [
      "a closure sentence on an item's line closes that item's wound",
      "Procedure: Excision x3\n#1 BCC L shoulder 0.9 cm, 3 mm margins. Layered closure 2.8 cm.\n#2 BCC R forearm, 0.7 cm, 3 mm margins. Layered closure 3.4 cm.\n#3 SCC R temple 1.2 cm, 4 mm margins. Layered closure 4.0 cm.",
      "11642 11602x2 12052 12032",
    ],
    [
      "a closure on a line of its own between items continues the item before it",
      "Procedure: Excision x3\n#1 BCC L shoulder 0.9 cm, 3 mm margins\nLayered closure 2.8 cm\n#2 BCC R forearm, 0.7 cm, 3 mm margins\nLayered closure 3.4 cm\n#3 SCC R temple 1.2 cm, 4 mm margins\nLayered closure 4.0 cm",
      "11642 11602x2 12052 12032",
    ],
    [
      "labelled items read the same way",
      "Procedure: Excision x2\nLesion 1: BCC L shoulder 0.9 cm, 3 mm margins. Layered closure 2.8 cm.\nLesion 2: SCC R temple 1.2 cm, 4 mm margins. Layered closure 4.0 cm.",
      "11642 11602 12052 12032",
    ],
  ])("%s", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
