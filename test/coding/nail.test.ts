/**
 * Nail procedures (reference 8.5; trephination 11740 from AMA-based references): each kind of nail work has its own code, counted per nail or
 * per visit, and nail-unit biopsies never take the skin biopsy codes.
 */
import { describe, expect, it } from "vitest";
import { shippedCodes as codes } from "../group/notes.ts";

describe("nail procedure codes", () => {
  it.each([
    ["Debridement of mycotic toenails x 3.", "11720"],
    ["Debridement of mycotic toenails x 6.", "11721"],
    ["Debridement of thick dystrophic toenails x 7 with nippers.", "11721"],
    ["Nails were debrided, five nails, left foot.", "11720"],
    ["Toenails were trimmed, all ten, non-dystrophic.", "11719"],
    ["Nails were trimmed and debrided of mycotic debris, 1-5 right.", "11720"],
    ["Partial nail avulsion, lateral border, left great toe.", "11730-TA"],
    ["Toenail avulsion x 3, right 2nd, 3rd and 4th toes.", "11730 11732x2"],
    ["Partial avulsion of the lateral border, left great toe, for an ingrown nail.", "11730-TA"],
    [
      "Avulsion of the medial nail border, right hallux, ingrown toenail. Avulsion of the lateral border, left hallux.",
      "11730-T5 11732-TA",
    ],
    [
      "Partial avulsion of lateral border L great toenail and medial border R great toenail for ingrown nails.",
      "11730-TA 11732-T5",
    ],
    ["Chemical matrixectomy of the lateral border of the right hallux with phenol.", "11750-T5"],
    ["Trephination of subungual hematoma, left index finger.", "11740-F1"],
    ["Biopsy of the nail matrix of the left index finger.", "11755-F1"],
    [
      "Punch biopsy of the nail bed of the right great toe; 3 mm punch through the nail plate.",
      "11755-T5",
    ],
    ["Wedge excision of the nail fold, right great toe, for ingrown nail.", "11765-T5"],
    ["A subungual hematoma of the right thumbnail was drained by trephination.", "11740-F5"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("keeps a matrixectomy and an avulsion of a single nail as one 11750", () => {
    expect(codes("Total nail avulsion with phenol matrixectomy, right great toe.")).toBe(
      "11750-T5",
    );
  });

  it.each([
    "Recommend nail avulsion if the ingrown nail recurs.",
    "History of matrixectomy of the left hallux in 2019.",
  ])("does not bill nail work that was not done today: %j", (note) => {
    expect(codes(note)).toBe("");
  });
});

describe("procedures on a nail or a callus named by their lesion", () => {
  it.each([
    // The excised border of an ingrown nail is a nail avulsion, not a skin excision.
    [
      "Onychocryptosis of the left great toenail. After a digital block, the lateral border of the left great toenail was excised.",
      "11730-TA",
    ],
    // Numbered nails count one each, on both feet.
    [
      "Onychomycosis: nails #1, #2, #3, #4 and #5 of the right foot and #1 of the left foot were debrided.",
      "11721",
    ],
    // Repeated phenol applications are not nails.
    [
      "Ingrown toenail, right hallux: the medial nail border was avulsed and the matrix was treated with phenol x 3.",
      "11750-T5",
    ],
    // Corns and calluses shaved or pared are pared; a metatarsal head is a landmark on the sole.
    ["Heloma durum of the fifth toe x 2 were shaved.", "11056"],
    ["Callus plantar to the left first metatarsal head was pared.", "11055"],
    ["Two intractable plantar keratoses of the left foot were pared with a #15 blade.", "11056"],
    // Ordinals listed before a site name one place each.
    ["Lesions of the first and second toes were pared.", "11056"],
    [
      "P: The benign lesions, each 1.1 cm, were excised from the area plantar to the first and fifth left metatarsal heads.",
      "11422x2",
    ],
    // ... not a place between two ordinals, nor one named in the singular.
    ["The benign lesion between the fourth and fifth toes was excised.", "11420"],
    ["The corn of the fourth and fifth toe web space was pared.", "11055"],
    // Done bilaterally: one on each side.
    ["The heloma durum was shaved bilaterally.", "11056"],
    // A SOAP foot note: the exam's sizes reach the plan's excisions at the same place, the
    // second excision "as well" is its own, and the corns shaved bilaterally are two.
    [
      "O: Painful hyperkeratotic lesion plantar to the left second metatarsal head, 0.5 cm. A second lesion plantar to the right fourth metatarsal head measures 3.1 x 1.8 cm. P: The benign lesion on the plantar aspect of the left foot was excised. The benign lesion on the plantar aspect of the right foot was excised as well. The heloma durum was shaved bilaterally.",
      "11424 11420 11056",
    ],
    // One avulsion per nail named.
    [
      "Partial nail plate avulsion of the medial border R hallux and the lateral border L hallux.",
      "11730-T5 11732-TA",
    ],
    [
      "Lateral nail border avulsed and the matrix ablated with 89% phenol for permanent removal, R hallux.",
      "11750-T5",
    ],
    ["Nail plate reflected and a 3 mm punch of the nail matrix taken for pathology.", "11755"],
    [
      "Plate trephinated with hot cautery wire; dark blood evacuated from the subungual hematoma, L thumb.",
      "11740-FA",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("nail debridement after an avulsion", () => {
  it("codes the remaining toenails' debridement on its own, not as more avulsions", () => {
    expect(
      codes(
        "Partial nail avulsion of the right great toenail for an ingrown nail. The remaining nine toenails required debridement.",
      ),
    ).toBe("11730-T5 11721");
  });
});

describe("several nail procedures told in one plan paragraph", () => {
  it.each([
    // A border of a nail on the other foot excised in a later sentence is a second nail.
    [
      "P: After digital block, the lateral border of the left great toenail was excised. The medial border of the right great toenail was also excised. Both toes were dressed.",
      "11730-TA 11732-T5",
    ],
    [
      "Partial nail avulsion of the medial border, right hallux. The lateral border of the left great toenail was then excised.",
      "11730-T5 11732-TA",
    ],
    // Another lesion type counted in the second nail's sentence does not count nails.
    [
      "P: The medial aspect of the left great toenail was excised. The lateral aspect of the right great toenail was also excised and the benign lesion, which measured 0.5 cm as all 3 benign lesions did, was excised.",
      "11730-TA 11732-T5",
    ],
    // Debridement of the other nails, after an avulsion, is its own procedure, counted by nails.
    [
      "P: The lateral aspect of the left great toenail was excised. Her remaining toenails required manual as well as electric debridement.",
      "11730-TA 11721",
    ],
    [
      "A: Onychocryptosis left great toe. P: The lateral aspect of the left great toenail was excised. Her remaining toenails were debrided manually and with an electric burr.",
      "11730-TA 11721",
    ],
    [
      "Partial avulsion of the medial border, right hallux. The rest of the toenails were debrided.",
      "11730-T5 11721",
    ],
    // An excised plantar lesion and an excised toenail border, each in its own sentence, are two
    // procedures (an excision and a nail avulsion), whatever foot site they share.
    [
      "P: The 1.1 cm benign lesion plantar to the left first metatarsal head was excised. The medial aspect of the left great toenail was excised.",
      "11422 11730-TA",
    ],
    [
      "P: The lateral aspect of the left great toenail was excised. The 1.1 cm benign lesion plantar to the left first metatarsal head was excised as well.",
      "11422 11730-TA",
    ],
    // A generic "lesion" in the next sentence names no other lesion: the same nail told again.
    [
      "The lateral border of the left great toenail was excised. The lesion was excised down to the matrix.",
      "11730-TA",
    ],
    // "All toenails" is ten nails.
    ["A: Onychomycosis, painful thick toenails. P: All of her toenails were debrided.", "11721"],
    ["All toenails were debrided of mycotic debris.", "11721"],
    // A whole set counts only the procedure of its own sentence: an exam sentence describing
    // all the nails counts none.
    [
      "Partial nail avulsion of the right great toenail. All of her toenails are thick and dystrophic.",
      "11730-T5",
    ],
    [
      "Partial nail avulsion of the right great toenail. The other toenails are normal.",
      "11730-T5",
    ],
    [
      "Partial nail avulsion of the right great toenail; all other toenails were debrided.",
      "11730-T5 11721",
    ],
    // The nail bed or fold debrided during an avulsion is part of it, not a nail debridement.
    [
      "The lateral border of the left great toenail was excised. The nail bed was then debrided.",
      "11730-TA",
    ],
    // One nail told twice on the same side stays one nail: an avulsion told again as an excised
    // border, or its two borders excised in two sentences.
    [
      "Partial nail avulsion of the medial border, right hallux. The medial border of the right great toenail was excised with an English anvil.",
      "11730-T5",
    ],
    [
      "P: The medial border of the left great toenail was excised. The lateral border of the left great toenail was then excised.",
      "11730-TA",
    ],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("an avulsion whose nail is named with words before it", () => {
  it.each([
    // A word between the article and the nail does not hide the nail.
    [
      "Simple avulsion of the entire nail plate of the left great toe and of the right great toe.",
      "11730-TA 11732-T5",
    ],
    ["Avulsion of the whole nail plate, left great toe.", "11730-TA"],
    ["Avulsion of the lateral third of the ingrown nail plate, left hallux.", "11730-TA"],
    ["The thickened, dystrophic toenail of the right hallux was avulsed.", "11730-T5"],
    ["The complete nail plate of the right great toe was avulsed with a hemostat.", "11730-T5"],
    ["Avulsion of the R hallux nail.", "11730-T5"],
    // An avulsion of anything but a nail is no nail avulsion.
    ["An avulsion fracture of the fifth metatarsal base was seen on the x-ray.", ""],
    ["Superficial avulsion lacerations of the third and fourth toes, no repair needed.", ""],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("a bare 'plate' is the nail plate only beside a digit in a note about nails", () => {
  it.each([
    [
      "Debridement of 6 mycotic toenails. Partial avulsion of the medial plate, R great toe.",
      "11730-T5 11721",
    ],
    [
      "Ingrown nail, left hallux. Avulsion of the lateral plate of the L hallux under digital block.",
      "11730-TA",
    ],
    // No nail named elsewhere in the note: no nail.
    ["Avulsion of the lateral plate L great toe.", ""],
    // Orthopaedic plates are never nails, even in a note that names a nail.
    [
      "Toenail intact. ORIF of the proximal phalanx fracture of the right great toe with a locking plate and screws.",
      "",
    ],
    ["Toenail trimmed. Avulsion of the growth plate of the 2nd toe.", ""],
    ["Debridement of 3 toenails. The plantar plate of the second toe was avulsed.", "11720"],
    ["Fingernail normal. Volar plate avulsion, R index finger, splinted.", ""],
    ["Onychomycosis of the toenails. Screw and plate fixation of the L great toe.", ""],
  ])("codes %j as %s", (note, expected) => {
    expect(codes(note)).toBe(expected);
  });
});

describe("each nail's own wording decides its code (avulsion 11730/11732 or matrixectomy 11750)", () => {
  it.each([
    // The matrix of the second nail excised for permanent removal is 11750, not a second avulsion.
    [
      "Right great toenail avulsed. Left great toenail: matrix excised for permanent removal.",
      "11750-TA 11730-T5",
    ],
    [
      "Left thumbnail avulsed. Right middle fingernail: nail and matrix excised, permanent removal.",
      "11750-F7 11730-FA",
    ],
    ["Permanent removal of the left second toenail. The nail matrix was removed.", "11750-T1"],
    // A matrixectomy of one nail includes the avulsion of that nail, not of the other.
    [
      "Right hallux nail: complete avulsion. Left hallux nail: partial avulsion with phenol matricectomy.",
      "11750-TA 11730-T5",
    ],
    [
      "Avulsion of the right great toenail. Avulsion of the left great toenail followed by chemical matrixectomy.",
      "11750-TA 11730-T5",
    ],
    [
      "Wedge excision of the nail fold, left great toe. Phenol matrixectomy of the right great toenail.",
      "11750-T5 11765-TA",
    ],
    // With no digit of its own, a matrixectomy is on the nail just avulsed.
    ["Left great toenail avulsed. The matrix was then destroyed with phenol.", "11750-TA"],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });

  it("does not read permanent removal as nail work without a nail", () => {
    expect(codes("Laser session for permanent removal of axillary hair.")).not.toContain("11750");
  });
});

describe("an agent applied to the nail matrix is a matrixectomy", () => {
  it.each([
    // Told surgically, with the agent's strength and the number of applications.
    [
      "Ingrown toenail. Medial nail border of the right great toe removed; phenol 88% applied to the medial matrix, 3 applications of 30 seconds.",
      "11750-T5",
    ],
    [
      "Ingrown nail L hallux: lateral border avulsed, sodium hydroxide 10% applied to the lateral nail matrix x2 applications.",
      "11750-TA",
    ],
    [
      "Ingrown nail R hallux: medial border avulsed, electrocautery applied to the matrix.",
      "11750-T5",
    ],
    // A past procedure on the other great toe named beside today's site keeps the digit modifier.
    [
      "Site: left great toe, medial border (right great toe matrixectomy done two years ago).\nProcedure: medial border avulsed; phenol applied to the medial matrix x3 applications.",
      "11750-TA",
    ],
  ])("codes %j as %s", (note, code) => {
    expect(codes(note)).toBe(code);
  });
});
