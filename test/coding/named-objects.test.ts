/**
 * Procedures recognised by what they act on: a splinter or glass removed is a foreign-body
 * removal, comedones taken out with an extractor are acne surgery, a photodynamic treatment
 * whose scale was curetted first is 96574, and a lipoma inside a muscle belly is subfascial.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { shippedCodes as codes } from "../group/notes.ts";

describe("procedures named by their object", () => {
  it.each([
    [
      "Wood splinter embedded in the subcutaneous tissue of the L palm; a small incision was made and the splinter removed intact with forceps.",
      "10120",
    ],
    [
      "Extraction of about 20 open and closed comedones of the face with a comedone extractor.",
      "10040",
    ],
    [
      "AKs of the scalp: I curetted the hyperkeratotic scale, then applied aminolevulinic acid myself and illuminated with blue light (PDT).",
      "96574",
    ],
    [
      "Dissection carried through the deep fascia; a 2 cm lipoma within the flexor muscle belly of the R forearm was excised.",
      "25076",
    ],
    // Done the day before: the graft today is coded, the Mohs surgery is not.
    [
      "Repair of a 2.0 x 1.5 cm open wound of the R nasal tip from yesterday's Mohs surgery: full-thickness skin graft from the R preauricular skin.",
      "15260",
    ],
    // "splinted" is not a splinter.
    ["Excision of a dorsal wrist ganglion; the wrist was splinted.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("flags a foreign body of the nose for the nasal codes", () => {
    const result = suggest(
      "A piece of cotton was removed from the right nose with forceps; foreign body, right nose.",
    );
    expect(result.codes).toEqual([]);
    expect(result.warnings.map((w) => w.message).join(" ")).toContain("30300");
  });
});

describe("a foreign body pulled out without an incision", () => {
  it("is part of the visit, and says why", () => {
    const result = suggest(
      "A wood splinter under the right index fingernail was removed with forceps. No incision was needed.",
    );
    expect(result.codes).toEqual([]);
    expect(result.procedures[0]?.assertion.reason).toMatch(/without an incision/);
    expect(
      codes("Splinter of the left palm removed through a small incision with a #11 blade."),
    ).toBe("10120");
  });
});

describe("an organ named only as a landmark the dissection passed by", () => {
  it.each([
    [
      "Complicated removal of a foreign body from the right palm requiring dissection around the tendon sheath.",
      "10121",
    ],
    [
      "Complicated removal of a foreign body from the right palm requiring dissection near the tendon sheath.",
      "10121",
    ],
    // In the organ itself: not a skin procedure.
    ["Complicated removal of a foreign body from the flexor tendon sheath of the right palm.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});
