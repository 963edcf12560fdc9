import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";
import { codes, codesOf, run, shippedCodes } from "../group/notes.ts";

const BCC_BACK = "Excision of a 1.5 cm biopsy-proven BCC on the back with 4 mm margins.";

describe("repairs", () => {
  it.each([
    ["Layered closure of a 2 cm laceration on the neck.", "12041"],
    [
      "Layered closure of a 3 cm laceration on the back and a 2 cm laceration on the left arm.",
      "12032",
    ],
    [
      "Simple repair of a 2 cm laceration on the right cheek and a 1 cm laceration on the nose.",
      "12013",
    ],
    [
      "Layered closure of a 3 cm laceration on the back. Layered closure of a 2 cm laceration on the neck.",
      "12041 12032",
    ],
    [
      "Laceration repair: 2.5 cm laceration of the cheek and 3.0 cm laceration of the neck, simple closure with 5-0 nylon.",
      "12011 12002",
    ],
    [
      "Lacerations of the cheek, 2.5 cm, and neck, 3.0 cm, were repaired with simple interrupted 5-0 nylon sutures.",
      "12011 12002",
    ],
    [
      "A 2.5 cm laceration of the cheek is repaired with a simple closure, and a 4 cm laceration of the arm requires a layered closure.",
      "12032 12011",
    ],
  ])("sums wound repair lengths per type and repair group: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    [
      "Complex repair of the 6 cm wound of the back after excision of a 2.5 cm SCC with 4 mm margins.",
      "11604 13101",
    ],
    [`${BCC_BACK} Layered closure, 5.0 cm.`, "11603 12032"],
    [`${BCC_BACK} Complex repair 2.0 cm.`, "11603 13100"],
    [`${BCC_BACK} Complex repair 7.5 cm.`, "11603 13101"],
    [`${BCC_BACK} Complex repair 8.0 cm.`, "11603 13101 13102"],
    [`${BCC_BACK} Complex repair 12.5 cm.`, "11603 13101 13102"],
    [`${BCC_BACK} Complex repair 13.0 cm.`, "11603 13101 13102x2"],
  ])("codes the repair of an excision wound: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("reports a complex repair of 1.0 cm or less as an intermediate repair and says why", () => {
    const result = run(`${BCC_BACK} Complex repair 1.0 cm.`);
    expect(codesOf(result)).toBe("11603 12031");
    expect(result.warnings.map((w) => w.kind)).toEqual(["repair_type_changed"]);
    expect(result.warnings[0]!.message).toContain("reference 3.6");
    const line = result.codes.find((c) => c.code === "12031")!;
    expect(line.ruleIds).toContain("repair.complex.below-minimum");
  });

  it.each([
    [
      "a simple repair of an excision wound",
      "Excision of a 1.0 cm nevus on the back with 2 mm margins, simple closure 3.0 cm.",
      "11402",
    ],
    [
      "any repair of a benign excision of 0.5 cm or less",
      "Excision of a 0.3 cm nevus on the back with 1 mm margins. Layered closure 2.0 cm.",
      "11400",
    ],
    [
      "a simple closure of a punch biopsy",
      "Punch biopsy of a nevus on the left arm, closed with simple interrupted sutures.",
      "11104",
    ],
  ])("bundles %s into the procedure", (_name, note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("names a missing repair length once when no wound of a summed group has a length", () => {
    const result = run(
      "Excision of a 1 cm BCC on the cheek with 2 mm margins, layered closure. Excision of a 0.8 cm BCC on the nose with 2 mm margins, layered closure.",
    );
    const line = result.codes.find((l) => l.code.startsWith("120"));
    expect(line?.factors.filter((f) => f.name === "repair_length_missing")).toHaveLength(1);
  });

  it("takes a length-less wound repair's site from the sentences naming the wound", () => {
    const note =
      "PREOPERATIVE DIAGNOSIS: Multiple lacerations of the right cheek.\nPROCEDURE PERFORMED: Closure of multiple lacerations.\nPROCEDURE: 5-0 Vicryl was used to close the deep layers and 6-0 Prolene for the skin.";
    const result = run(note);
    expect(codesOf(result)).toBe("12051");
    expect(result.warnings.map((w) => w.kind)).toContain("repair_length_missing");
  });

  it.each([
    ["an exam finding", "EXAM: He has 2 lacerations on the cheek, which are sutured. Lungs clear."],
    [
      "wounds whose sites disagree on the repair group",
      "DIAGNOSIS: Lacerations of the cheek and of the back.\nPROCEDURE: Closure of the lacerations.",
    ],
  ])("codes no length-less wound repair from %s", (_name, note) => {
    expect(codes(note)).toBe("");
  });

  it("gives each sentence's lengths the closure type that sentence names", () => {
    expect(
      codes(
        "A 3.0 cm laceration of the scalp and a 2.2 cm laceration of the cheek were repaired with simple sutures. A 4.0 cm laceration of the arm required a layered closure.",
      ),
    ).toBe("12032 12011 12002");
  });

  it("takes a layered closure's length from the wound its sentence measures", () => {
    expect(
      codes(
        "The 3.4 cm epidermoid cyst of the back was excised with 1 mm margins. The wound measured 5.0 cm and was closed in layers.",
      ),
    ).toBe("11404 12032");
  });

  it("reads 'deep layer closed' as a layered closure beside a simple one", () => {
    expect(
      codes(
        "Laceration repair: 4.5 cm laceration of the left arm; irrigated; deep layer closed with 4-0 Vicryl and skin with 4-0 nylon. Also 1.2 cm laceration of the left cheek closed with 6-0 nylon simple interrupted.",
      ),
    ).toBe("12032 12011");
  });

  it("reads an 'intermediate linear repair' of a Mohs defect", () => {
    expect(
      codes(
        "Mohs micrographic surgery for a recurrent BCC of the right back. Stage 1: 4 blocks. Final defect 3.0 x 2.5 cm, closed with an intermediate linear repair, 6.0 cm.",
      ),
    ).toBe("17313 12032");
  });
});

describe("wounds other than lacerations", () => {
  it.each([
    ["The stab wound of the left chest, 3 cm, was irrigated and closed with staples.", "12002"],
    [
      "A 2 cm puncture wound of the right thigh was closed with simple interrupted sutures.",
      "12001",
    ],
    // A wound vacuum is a dressing, not a closure.
    [
      "Traumatic wound of the left leg: debridement of muscle and application of a vacuum-assisted closure system.",
      "",
    ],
  ])("codes %j as %j", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a note that only repairs", () => {
  it.each([
    [
      "Intermediate layered repair 2.2 cm of the left cheek and intermediate layered repair 1.8 cm of the nose.",
      "12052",
    ],
    // A closure with no type, length or site named still needs a wound word.
    ["The incision was closed in layers.", ""],
  ])("codes %j as %j", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("closures written with their material", () => {
  it.each([
    [
      "A 2 cm laceration of the right forearm was closed with interrupted 5-0 Prolene sutures.",
      "12001",
    ],
    ["The 3 cm scalp laceration was closed with 4 staples.", "12002"],
    // Adhesive strips alone are no repair (CPT): the visit's E/M covers them.
    ["Skin tear of the right forearm, 5 cm, approximated with Steri-Strips.", ""],
    ["Laceration of the left forearm healed well; sutures removed today.", ""],
    // A technique word before the closure names the wound it closes: the punch, not the shave.
    [
      "4 mm punch bx L anterior thigh. Shave bx x2, upper back and R shoulder. Punch site closed with one 4-0 nylon suture; shave sites hemostasis with aluminum chloride.",
      "11104 11103x2",
    ],
    // The skin closure of a tendon repair is part of that operation.
    [
      "2 cm laceration of the right hand. The FDS tendon was repaired with 4-0 Ethibond. The skin was closed with 4-0 nylon sutures.",
      "",
    ],
  ])("codes %j as %j", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("adhesive strips as the only closure", () => {
  it("codes no repair for a laceration closed with Steri-Strips only, and one when sutures come with them", () => {
    expect(shippedCodes("Superficial 2 cm lac L forearm closed with Steri-Strips.")).toBe("");
    expect(
      shippedCodes(
        "2 cm laceration of the left forearm closed with 4 interrupted 5-0 nylon sutures and Steri-Strips.",
      ),
    ).toBe("12001");
  });
});

describe("several lacerations closed in different ways", () => {
  it("sums the simple closures and reads a deep layer as an intermediate repair", () => {
    expect(
      shippedCodes(
        "3.2 cm laceration R forearm closed with 5 interrupted 4-0 nylon sutures. 1.5 cm lac R palm closed with 3 simple interrupted 5-0 nylon. 2.0 cm lac of the chin: deep layer 5-0 Vicryl, skin 6-0 Prolene.",
      ),
    ).toBe("12051 12002");
  });
});

describe("wounds measured together and closed by name later", () => {
  it.each([
    [
      "EXAM: 6 cm laceration of the upper back. 1.5 cm laceration of the right neck.\nPROCEDURE: The back laceration was closed in layers with 4-0 Vicryl and 5-0 nylon. The neck laceration was closed with simple interrupted 5-0 nylon sutures.",
      "12032 12001",
    ],
    [
      "EXAM: 4 cm laceration of the back. 2 cm laceration over the right forearm.\nPROCEDURE: The back laceration was closed in two layers. The arm laceration was closed with simple interrupted sutures.",
      "12032 12001",
    ],
    [
      "EXAM: 2 cm laceration of the cheek and 3 cm laceration of the scalp.\nPROCEDURE: The cheek wound required a layered closure. The scalp laceration was closed with staples.",
      "12051 12002",
    ],
    [
      "EXAM: 2 cm laceration of the cheek and 3 cm laceration of the scalp.\nPROCEDURE: The cheek laceration was closed with 6-0 nylon; the scalp laceration was closed in layers.",
      "12032 12011",
    ],
  ])("codes each wound by the closure that names its place: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it.each([
    [
      "EXAM: Left forearm with a 2 cm laceration.\nPROCEDURE: The forearm laceration was closed in layers, 2 cm.",
      "12031",
    ],
    [
      "EXAM: Left forearm with a 2 cm laceration.\nPROCEDURE: The right forearm laceration was closed in layers, 2 cm.",
      "12032",
    ],
  ])(
    "counts a length told again with the side named once as one wound: %j as %s",
    (note, expected) => {
      expect(codes(note)).toBe(expected);
    },
  );
});

describe("laceration visits", () => {
  it.each([
    // Done before this visit: a procedure N days ago is not today's (the 14-day rule is for conditions).
    ["The 3 cm laceration of the left forearm was repaired 10 days ago.", ""],
    ["Patient here for suture removal. The 3 cm forearm laceration was sutured 10 days ago.", ""],
    ["Laceration of the right forearm, 3 cm, sutured yesterday; here for wound check.", ""],
    // A wound closed by granulation is healing, not repaired.
    ["Scalp laceration, 2 cm; wound is closed with new granulation tissue, healing well.", ""],
    // Inches are lengths; counted wounds of one length add up.
    ["A 1 inch laceration of the scalp was closed with staples.", "12002"],
    [
      "Two 2 cm lacerations of the left forearm were closed with simple interrupted sutures.",
      "12002",
    ],
  ])("codes %j as %j", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("a negated wound word", () => {
  it("does not make an operative incision's closure a wound repair", () => {
    expect(
      shippedCodes(
        "There was no laceration. The 3 cm skin incision of the abdomen was closed with staples.",
      ),
    ).toBe("");
    expect(
      shippedCodes(
        "No other lacerations. A 2 cm laceration of the chin was closed with 6-0 nylon.",
      ),
    ).toBe("12011");
  });
});

describe("closures of several wounds in one sentence", () => {
  it("gives each closure the wound its clause names, and sums them by group", () => {
    expect(
      shippedCodes(
        "Excision of a 0.8 cm nevus of the right cheek and a 0.6 cm nevus of the chin, 2 mm margins. Cheek defect closed with intermediate repair 2.0 cm; chin defect with intermediate repair 1.5 cm.",
      ),
    ).toBe("11442 11441 12052");
  });

  it("keeps closures of different repair groups apart", () => {
    expect(
      shippedCodes(
        "Mohs for BCC of the cheek: stage I, 2 blocks, clear; defect 1.0 cm. Mohs for SCC of the scalp: stage I, 2 blocks, clear; defect 1.5 cm. Forehead defect closed with intermediate layered repair 2.0 cm; scalp defect with intermediate layered repair 3.0 cm.",
      ),
    ).toBe("17311x2 12051 12032");
  });
});

describe("single-layer closure of a heavily contaminated wound", () => {
  it.each([
    [
      "Grossly contaminated 3 cm laceration of the right knee. The wound was extensively cleaned and debris was removed; single-layer closure with 5 sutures.",
      "12032",
    ],
    [
      "4 cm laceration of the left forearm from a fall onto gravel. No gravel or debris in the wound. Irrigated and closed with simple interrupted 4-0 nylon sutures.",
      "12002",
    ],
    [
      "Heavily contaminated 3 cm laceration of the right knee, irrigated and closed with simple interrupted sutures.",
      "12002",
    ],
  ])("%j is coded %s", (note, code) => {
    expect(shippedCodes(note)).toBe(code);
  });

  it("names the rule that made it intermediate", () => {
    const r = suggest(
      "Grossly contaminated 3 cm laceration of the right knee. The wound was extensively cleaned and debris was removed; single-layer closure with 5 sutures.",
    );
    expect(r.procedures.find((p) => p.kind === "repair")!.ruleIds).toContain("repair.contaminated");
  });
});

describe("secondary closure of a wound that came apart", () => {
  it.each([
    // Written as complicated: extensive or complicated secondary closure; the debridement of
    // necrotic tissue to a named layer keeps its own lines (10 x 4 cm wound: 40 sq cm).
    [
      "Procedures: 1. Debridement of skin and subcutaneous tissue of abdominal wound. 2. Secondary closure of wound, complicated. Necrotic skin and subcutaneous tissue were excised from the 10 x 4 cm abdominal wound dehiscence. The wound was then closed.",
      "13160 11042 11045",
    ],
    [
      "Procedure: closure of wound dehiscence, left forearm. The superficial dehiscence, 2 cm, was closed with simple interrupted 4-0 nylon sutures.",
      "12020",
    ],
    [
      "The dehisced wound of the right thigh was closed loosely with simple interrupted sutures and packed with iodoform gauze.",
      "12021",
    ],
    [
      "The dehisced wound of the back was closed in layers with 3-0 Vicryl and 4-0 nylon, 5 cm.",
      "13160",
    ],
    // The title and the description tell one closure; the edges trimmed are part of it.
    [
      "Procedure: secondary layered closure of dehisced wound, left leg. The 5 cm wound had separated along its length. The edges were trimmed and the wound was reclosed with 4-0 nylon sutures over 5 cm.",
      "13160",
    ],
    [
      "Delayed primary closure of the dehisced wound of the left calf with simple interrupted sutures.",
      "12020",
    ],
  ])("%j is coded %s, not as a repair by length", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it.each([
    // A dehiscence named as a risk, or in another clause than the closure, or a wound opened to
    // evacuate a haematoma and closed again: no secondary closure.
    [
      "Risks including bleeding, infection and wound dehiscence were discussed. Layered closure of a 3 cm laceration on the back.",
      "12032",
    ],
    [
      "Findings: partial dehiscence of the previously closed wound, and the closure was satisfactory. The 4 cm laceration of the left arm was closed with simple interrupted sutures.",
      "12002",
    ],
    [
      "Hematoma of the excision site of the back. The wound was opened, the clot evacuated, and the wound re-closed with 4-0 nylon sutures.",
      "10140",
    ],
  ])("%j stays %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("names the secondary-closure rule and the table row", () => {
    const r = suggest("The dehisced wound of the back was closed in layers, 5 cm.");
    expect(r.procedures.find((p) => p.kind === "repair")!.ruleIds).toContain("repair.secondary");
    expect(r.codes[0]!.code).toBe("13160");
  });
});

describe("a layered closure of a wound measured before the closure words", () => {
  it.each([
    [
      "Excision of a 1.5 cm benign lesion of the back with 2 mm margins. The 4.2 cm wound was closed in layers.",
      "11402 12032",
    ],
    [
      "Excision of a 1.5 cm benign lesion of the back with 2 mm margins. The 3.5 cm wound was repaired in layers.",
      "11402 12032",
    ],
    // A simple closure stays bundled into the excision.
    [
      "Excision of a 1.5 cm benign lesion of the back with 2 mm margins. The 3.5 cm wound was closed with interrupted sutures.",
      "11402",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});

describe("complex repairs with no complex code (1.0 cm or less, reference 3.6)", () => {
  it.each([
    // The nose is in the face group for intermediate repair.
    [
      "Excision of a 0.4 cm biopsy-proven BCC on the nasal tip with 2 mm margins. Complex repair 0.9 cm.",
      "11641 12051",
    ],
    // Reported as intermediate, it sums with the intermediate repairs of its group.
    [
      `${BCC_BACK} Complex repair 0.8 cm. Excision of a 1.0 cm biopsy-proven BCC on the left arm with 2 mm margins. Layered closure 2.0 cm.`,
      "11603 11602 12032",
    ],
    // Complex repairs of one group are summed first: 0.6 + 0.8 cm is a 1.4 cm complex repair.
    [
      "Excision of a 0.5 cm biopsy-proven BCC on the left arm with 2 mm margins. Complex repair 0.6 cm. Excision of a 0.6 cm biopsy-proven SCC on the scalp with 2 mm margins. Complex repair 0.8 cm.",
      "11621 11601 13120",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("closures of several excision wounds, each naming its site after the closure words", () => {
  it.each([
    [
      "Excision of a biopsy-proven BCC of the left nasal tip 0.5 cm, 2 mm margins. Excision of a biopsy-proven SCC of the right cheek 1.0 cm, 3 mm margins. Complex repair of the left nasal tip 2.0 cm. Complex repair of the right cheek 2.0 cm.",
      "11642 11641 13151 13131",
    ],
    [
      "Excision of a biopsy-proven BCC of the upper back 1.1 cm, 4 mm margins. Excision of a biopsy-proven BCC of the left neck 0.8 cm, 3 mm margins. Layered closure of the back 4.5 cm. Layered closure of the left neck 3.0 cm.",
      "11622 11602 12042 12032",
    ],
  ])("closes each wound by its site: %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("repair headings written plural or abbreviated", () => {
  it.each([
    [`${BCC_BACK} Repairs: intermediate 3.0 cm.`, "11603 12032"],
    [`${BCC_BACK} Repair(s): intermediate 3.0 cm.`, "11603 12032"],
    [`${BCC_BACK} Closures - layered, 3.0 cm.`, "11603 12032"],
    [`${BCC_BACK} Wound closures: complex 3.0 cm.`, "11603 13101"],
    [`${BCC_BACK} Repair: intermediate 3.0 cm.`, "11603 12032"],
  ])("reads %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("wounds listed one per line and closed together", () => {
  it.each([
    // Forearm and arm are one intermediate repair group: 2.5 + 3.0 cm.
    ["Wounds:\n- left forearm 2.5 cm\n- right arm 3.0 cm\nAll closed in layers.", "12032"],
    [
      "Lacerations:\n- left forearm 2.5 cm\n- right cheek 3.0 cm\nAll closed with simple interrupted sutures.",
      "12013 12001",
    ],
    ["Layered closure of the following wounds:\n- back 2.0 cm\n- left neck 1.5 cm", "12041 12031"],
    // A heading that names no wound does not make the list wounds.
    ["Sites:\n- left forearm 2.5 cm\n- back 3.0 cm\nAll closed in layers.", ""],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });

  it("names the listed-wounds rule", () => {
    const r = run("Wounds:\n- left forearm 2.5 cm\n- right arm 3.0 cm\nAll closed in layers.");
    expect(r.procedures.find((p) => p.kind === "repair")!.ruleIds).toContain(
      "repair.listed-wounds",
    );
  });
});

// Shipped sites: the hands, feet and neck are a repair group of their own.
describe("wounds listed inline, each item with its own site and length", () => {
  it.each([
    // Each item's own site picks its repair group: the hand is not summed with the arms.
    [
      "Lacerations x3: 1) L forearm 2.6 cm 2) L dorsal hand 2.0 cm 3) R upper arm 5.0 cm. All irrigated, closed in layers.",
      "12041 12034",
    ],
    [
      "Laceration repair: #1 R forehead 2.0 cm #2 L hand 3.0 cm #3 chin 1.0 cm, simple interrupted sutures.",
      "12013 12002",
    ],
    // An item's own closure type is its wound's.
    [
      "Lacerations: 1) R cheek 1.5 cm, simple closure 2) L forearm 3.0 cm, layered closure 3) L knee 2.0 cm, layered closure.",
      "12032 12011",
    ],
    // A heading naming the wounds, the list inline, closed together after it or in the heading.
    [
      "Wounds: (1) L scalp 3.0 cm (2) R foot 2.0 cm (3) L neck 1.0 cm. All closed in layers.",
      "12042 12032",
    ],
    [
      "Layered closure of the following wounds: 1) L scalp 3.0 cm 2) R foot 2.0 cm 3) L neck 1.0 cm.",
      "12042 12032",
    ],
    // A heading that names no wound does not make the list wounds.
    ["Sites: 1) L scalp 3.0 cm 2) R foot 2.0 cm. All closed in layers.", ""],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });

  it("names the listed-wounds rule for an inline list", () => {
    const r = run("Wounds: (1) L scalp 3.0 cm (2) R foot 2.0 cm. All closed in layers.");
    expect(r.procedures.find((p) => p.kind === "repair")!.ruleIds).toContain(
      "repair.listed-wounds",
    );
  });
});

describe("one closure naming the length of each wound of a multi-lesion excision", () => {
  it.each([
    // Each length stands by its own place: the wounds' lengths are summed (5.5 cm).
    [
      "Layered closures: cheek 3.0 cm, chin 2.5 cm, after excision of two BCCs (1.0 cm each, 3 mm margins).",
      "11642x2 12053",
    ],
    [
      "Two BCCs (1.0 cm each) were excised with 3 mm margins from the left cheek and the chin. Layered closure: cheek 3.0 cm, chin 2.5 cm.",
      "11642x2 12053",
    ],
    // One lesion: the longest length documented is the wound's.
    [
      "A 1.0 cm BCC of the left cheek was excised with 3 mm margins. Layered closure 3.0 cm; the cheek defect was 2.5 cm.",
      "11642 12052",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(shippedCodes(note)).toBe(expected);
  });
});
