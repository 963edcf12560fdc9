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

describe("a header inside a line of prose", () => {
  it("heads only its own sentence: the procedure after it is still coded", () => {
    expect(
      codes(
        "Shave biopsy of left shin lesion. Pathology: SCC in situ. Patient returns today for ED&C of the biopsy site, 1.1 cm.",
      ),
    ).toEqual(["17262"]);
  });
});

describe("steroid names", () => {
  it("a prescribed steroid is not an injection, nor part of a biopsy", () => {
    const result = suggest(
      "Contact dermatitis, new problem: prescribed triamcinolone 0.1% ointment BID. Shave biopsy of a 5 mm papule on the right nasal ala performed today.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["11102"]);
    expect(result.codes[0]!.evidence.map((e) => e.text)).not.toContain("triamcinolone");
  });

  it("a steroid injected into lesions is an injection", () => {
    expect(codes("Kenalog 10 mg/mL was injected into 3 keloids on the chest.")).toEqual(["11900"]);
  });
});

describe("pathology results", () => {
  it("a result stated after the procedure decides the excision family", () => {
    expect(
      codes(
        "A 2.2 cm lesion on the upper back is suspicious for melanoma. The dermatologist excises the lesion with 1 cm margins and closes the wound with a layered closure measuring 6 cm. Pathology confirms malignant melanoma.",
      ),
    ).toEqual(["11606", "12032"]);
  });

  it("a conditional result is no result", () => {
    const result = suggest(
      "Shave biopsy of a 6 mm papule on the back. If pathology shows BCC, excision will follow.",
    );
    expect(result.codes.map((l) => l.code)).toEqual(["11102"]);
    expect(result.diagnoses.map((d) => d.code)).not.toContain("C44.519");
  });
});

describe("sites with their own code families", () => {
  it.each([
    ["Punch biopsy of a 4 mm lesion on the shaft of the penis.", "54100"],
    ["Shave biopsy of a pigmented lesion of the left labium majus.", "56605"],
    ["Shave biopsy of a lesion on the lower lip vermilion.", "40490"],
    [
      "Condylomata acuminata x 6 on the shaft of the penis were treated with liquid nitrogen.",
      "54050",
    ],
    ["Perianal warts x 5 treated with cryotherapy.", "46900"],
  ])("suggests no skin code and names the site's own: %s", (note, family) => {
    const result = suggest(note);
    expect(result.codes).toEqual([]);
    const warning = result.warnings.find((w) => w.kind === "procedure_not_covered");
    expect(warning?.message).toContain(family);
  });

  it("still codes a biopsy of the skin of the upper lip", () => {
    expect(codes("Shave biopsy of a lesion on the upper lip.")).toEqual(["11102"]);
  });
});

describe("a pathology report in the procedure's sentence", () => {
  it("does not make the procedure an earlier one, and its margin clearance does not size it", () => {
    expect(
      codes(
        "A 1.3 cm SCC of the right hand was excised with 4 mm margins; pathology showed margins clear by 2 mm.",
      ),
    ).toEqual(["11623"]);
  });
});
