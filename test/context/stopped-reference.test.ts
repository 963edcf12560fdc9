import { describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";

describe("a procedure stopped by a later reference to it", () => {
  it.each<[string, string]>([
    [
      "the procedure ... not performed, later in its sentence",
      "Consented for ED&C of bx-proven BCC R shoulder, but patient became vasovagal; the procedure was not performed and is rescheduled.",
    ],
    [
      "procedure aborted, in the next sentence",
      "ED&C of BCC L forearm 0.8 cm. Procedure aborted due to vasovagal episode.",
    ],
    [
      "procedure stopped, no auxiliary",
      "Shave biopsy of the left arm papule was started. Procedure stopped due to vasovagal episode.",
    ],
    [
      "the procedure's own word, not performed",
      "Shave biopsy of the left arm papule was started. Biopsy not performed due to patient anxiety.",
    ],
    [
      "the procedure's own word, aborted",
      "Shave removal of a 0.8 cm SK on the back was started. Shave removal aborted when the patient fainted.",
    ],
    [
      "the procedure's own word, stopped",
      "ED&C of BCC L forearm 0.8 cm. ED&C stopped due to a vasovagal episode.",
    ],
    [
      "the procedure's own word with an auxiliary",
      "Excision of 1.2 cm cyst on the back. Excision was discontinued after anesthesia due to chest pain.",
    ],
    [
      "an excision with its repair",
      "Excision of 1.2 cm SCC R forearm with intermediate layered closure 2.5 cm. The procedure was cancelled after anesthesia due to chest pain.",
    ],
  ])("bills nothing for %s", (_name, note) => {
    const r = suggest(note);
    expect(r.codes).toEqual([]);
    const stopped = r.procedures.filter((p) =>
      p.assertion.ruleIds.includes("context.stopped-reference"),
    );
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0]!.assertion.reason).toMatch(/refers to the/);
  });

  it("keeps two procedures in reach billed, with a warning", () => {
    const r = suggest(
      "Shave bx of a papule L arm and LN2 to 3 AKs on the scalp. It was aborted due to a vasovagal episode.",
    );
    expect(r.codes.map((c) => c.code)).toEqual(["11102", "17000", "17003"]);
    expect(r.warnings.map((w) => w.kind)).toContain("stopped_reference_ambiguous");
  });

  it.each([
    ["a stop with no reference", "ED&C of BCC L forearm 0.8 cm. Bleeding stopped with pressure."],
    ["'it stopped' (no auxiliary)", "Shave bx of a papule L arm. Pressure held until it stopped."],
    // An operative note's "terminated" ends a procedure that was done.
    [
      "an operation brought to its end",
      "ED&C of BCC L forearm 0.8 cm, three cycles. The procedure was then terminated and the patient tolerated it well.",
    ],
    [
      "'the procedure was then terminated' (no auxiliary)",
      "Shave bx of a papule L arm. Procedure terminated; tolerated well.",
    ],
    // A procedure word stops only its own kind, and only right before the stop.
    [
      "another kind's word stopped",
      "Shave bx of a papule L arm. Excision deferred to a later visit.",
    ],
    [
      "the procedure word of another lesion",
      "Shave bx of a papule L arm. Biopsy of the back lesion deferred.",
    ],
    [
      "the procedure word after another lesion's name",
      "Shave bx of a papule L arm.\nNail unit bx deferred.",
    ],
    [
      "a reference whose stop is not right after it",
      "ED&C of BCC L forearm 0.8 cm. Tolerated well. A second procedure: deferred. The procedure on the back was deferred.",
    ],
  ])("keeps the procedure billed for %s", (_name, note) => {
    expect(suggest(note).codes.length).toBeGreaterThan(0);
  });
});
