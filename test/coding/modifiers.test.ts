import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

const mods = (text: string) =>
  Object.fromEntries(suggest(text).codes.map((l) => [l.code, l.modifiers]));
const warnings = (text: string) => suggest(text).warnings.map((w) => w.kind);

describe("modifiers", () => {
  it.each([
    [
      "Day 8 after excision of MIS L upper back with positive margin. Re-excised scar 1.5 cm with 5 mm margins.",
      "11603",
      ["58"],
    ],
    [
      "Post-op day 4 after excision of BCC of the back; re-excision today of the 1.0 cm scar with 3 mm margins.",
      "11602",
      ["58"],
    ],
    [
      "Returns 6 weeks after excision of BCC of the back; re-excision of the 1.0 cm scar with 3 mm margins.",
      "11602",
      [],
    ],
    [
      "The patient returns 5 days after excision of a melanoma of the back with positive margins. The physician re-excises the site; the excised diameter is 3.2 cm.",
      "11604",
      ["58"],
    ],
  ])("adds 58 only to a re-excision inside the global period: %s", (text, code, expected) => {
    expect(mods(text)[code]).toEqual(expected);
  });

  it.each([
    [
      "suture sizes are not day counts",
      "Wound dehiscence was noted. A 6 mm punch biopsy of the left arm was closed with 4-0 nylon.",
      "11104",
      [],
    ],
    [
      "a consent's risks are not events",
      "Day 5 after excision. Risks including bleeding, infection and wound dehiscence were discussed. A 6 mm punch biopsy of the left arm was performed.",
      "11104",
      [],
    ],
    [
      "a possible return to the operating room is not one",
      "Post-op day 6. Bleeding may require return to the operating room. Excision of a 1.0 cm BCC of the back with 3 mm margins.",
      "11602",
      [],
    ],
    [
      "a stated return in the global period gets 78",
      "Post-op day 6 after excision; the patient was returned to the operating room for hematoma evacuation. Excision of a 1.0 cm BCC of the back with 3 mm margins.",
      "11602",
      ["78"],
    ],
  ])(
    "78 needs a stated complication inside the global period: %s",
    (_title, text, code, expected) => {
      expect(mods(text)[code]).toEqual(expected);
    },
  );

  it("puts the distinct-lesion modifier on the destruction beside a biopsy of another lesion", () => {
    const m = mods(
      "Tangential biopsy of a pigmented papule on the back. LN2 to 1 AK on the left forearm.",
    );
    expect(m["11102"]).toEqual([]);
    expect(m["17000"]).toEqual(["XS"]);
  });

  it("uses 59 instead of XS when the payer style asks for it", () => {
    const r = suggest(
      "Tangential biopsy of a pigmented papule on the back. LN2 to 1 AK on the left forearm.",
      {
        modifierStyle: "59",
      },
    );
    expect(r.codes.find((l) => l.code === "17000")?.modifiers).toEqual(["59"]);
  });

  it("hints modifier 25 when a different problem is managed beside a minor procedure", () => {
    expect(
      warnings(
        "Rosacea flaring; start doxycycline 40 mg, counseled. LN2 to 2 AKs on the left temple.",
      ),
    ).toContain("modifier_25");
  });

  it("hints modifier 25 when labs are ordered for a different problem", () => {
    expect(
      warnings(
        "Worsening acne: isotretinoin discussed and labs ordered. Shave biopsy of a changing nevus on the left shoulder.",
      ),
    ).toContain("modifier_25");
  });

  it("gives no modifier 25 hint when the visit only evaluated the treated lesion", () => {
    expect(
      warnings("Two AKs on the left temple, tender. LN2 to 2 AKs on the left temple."),
    ).not.toContain("modifier_25");
  });

  it("gives no modifier 25 hint on an operative report, which bills no E/M", () => {
    expect(
      warnings(
        "PREOPERATIVE DIAGNOSIS: Rosacea flaring; start doxycycline.\nPROCEDURE: LN2 to 2 AKs on the left temple.\nESTIMATED BLOOD LOSS: None.",
      ),
    ).not.toContain("modifier_25");
  });
});

describe("separate encounters on one date", () => {
  const lines = (text: string, options = {}) =>
    suggest(text, options)
      .codes.map((l) => [l.code, ...l.modifiers].join("-"))
      .sort();

  it("does not sum repairs of two encounters, and marks the other encounter XE", () => {
    const note =
      "A 1.5 cm simple repair of a laceration of the right hand was done in clinic this morning. " +
      "Later the same day the patient came back with a second laceration, of the left forearm, closed with a 2.0 cm simple repair.";
    expect(lines(note)).toEqual(["12001", "12001-XE"]);
    expect(lines(note, { modifierStyle: "59" })).toEqual(["12001", "12001-59"]);
  });

  it("sums the same repairs when nothing separates the encounters", () => {
    const note =
      "A 1.5 cm simple repair of a laceration of the right hand. " +
      "A second laceration, of the left forearm, was closed with a 2.0 cm simple repair.";
    expect(lines(note)).toEqual(["12002"]);
  });

  it("keeps an operative note that opens in the operating room as one encounter", () => {
    const note =
      "PROCEDURE: Simple repair of lacerations of the right hand and left forearm.\n" +
      "The patient was subsequently taken to the operating room. The hand laceration was closed with a 1.5 cm simple repair. " +
      "The forearm laceration was closed with a 2.0 cm simple repair.";
    expect(lines(note)).toEqual(["12002"]);
  });
});
