/**
 * A procedure list that names an operation dermcode does not code: the coded lines stay, the
 * note carries a procedure_not_covered warning per uncoded clause and every line a lower
 * confidence, so the note is not auto-accepted as a complete claim.
 */
import { describe, expect, it } from "vitest";
import { suggest } from "../../src/pipeline/suggest.ts";

const LIST_RULE = "proc.list.uncoded";
const uncoded = (note: string) =>
  suggest(note)
    .warnings.filter((w) => w.ruleId === LIST_RULE)
    .map((w) => note.slice(w.span!.start, w.span!.end));

const BODY =
  "\n\nPROCEDURE IN DETAIL: A 1.2 x 0.8 cm nevus of the left upper back was excised with 2 mm margins and closed with simple interrupted sutures.";

describe("procedure list naming uncoded operations", () => {
  it.each([
    [
      "OPERATION PERFORMED: Bilateral myringotomy and excision of skin lesion.",
      ["Bilateral myringotomy"],
    ],
    [
      "PROCEDURES PERFORMED:\n1.  Inguinal herniorrhaphy.\n2.  Excision of nevus, back.",
      ["Inguinal herniorrhaphy"],
    ],
    [
      "PROCEDURE: Excision of nevus, left upper back; bilateral tubal ligation.",
      ["bilateral tubal ligation"],
    ],
    [
      "PROCEDURES:\n1. Excision of nevus, back.\n2. Placement of a central venous catheter.",
      ["Placement of a central venous catheter"],
    ],
  ])("%j is reported", (list, clauses) => {
    expect(uncoded(list + BODY)).toEqual(clauses);
  });

  it.each([
    ["PROCEDURE: Excision of nevus, left upper back, with simple repair."],
    ["PROCEDURE PERFORMED: Excision of benign lesion with layered closure."],
    ["PROCEDURES:\n1. Excision of nevus, back.\n2. Z-plasty."],
    // A narrative paragraph under the heading is no list.
    [
      "PROCEDURE: The patient was taken to the operating room and placed supine; after a time-out the back was prepped, and a prior appendectomy scar was noted on the abdomen, which was left alone while the nevus of the upper back was examined and then prepared for excision under local anesthesia in the usual fashion for this kind of operation.",
    ],
  ])("%j is not", (list) => {
    expect(uncoded(list + BODY)).toEqual([]);
  });

  it("keeps the coded line, warns, and lowers its confidence below auto-acceptance", () => {
    const plain = suggest(`PROCEDURE: Excision of nevus, left upper back.${BODY}`);
    const listed = suggest(
      `PROCEDURE: Bilateral tubal ligation and excision of nevus, left upper back.${BODY}`,
    );
    expect(listed.codes.map((c) => c.code)).toEqual(plain.codes.map((c) => c.code));
    expect(listed.codes[0]!.confidence).toBeLessThan(plain.codes[0]!.confidence);
    expect(listed.codes[0]!.factors.map((f) => f.name)).toContain("procedure_list_uncoded");
    expect(listed.warnings.map((w) => w.kind)).toContain("procedure_not_covered");
  });

  it("says nothing when nothing is coded", () => {
    expect(
      uncoded("PROCEDURE: Laparoscopic cholecystectomy.\n\nThe gallbladder was removed."),
    ).toEqual([]);
  });

  it("codes the skin operation of a title that also lists an operation on an organ", () => {
    const note = `PROCEDURE: Laparoscopic cholecystectomy and excision of skin lesion, left upper back.${BODY}`;
    expect(suggest(note).codes.map((c) => c.code)).toEqual(["11402"]);
    expect(uncoded(note)).toEqual(["Laparoscopic cholecystectomy"]);
  });

  it("keeps the organ of a narrative sentence that joins two steps with 'and'", () => {
    const note =
      "PROCEDURE: The artery was exposed and opened.  The plaque was sharply excised and an endarterectomy was completed.  The incision was closed in layers.";
    expect(suggest(note).codes).toEqual([]);
  });
});
