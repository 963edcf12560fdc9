import { describe, expect, it } from "vitest";
import { LEXICON_VERSION } from "../../src/lexicon/files.ts";
import { STAGES } from "../../src/pipeline/stages.ts";
import { InputError, suggest, suggestWithMentions } from "../../src/pipeline/suggest.ts";
import { type SuggestOptions, SuggestResultSchema } from "../../src/schemas/api.ts";
import { lexiconWith, MINI_SITES } from "../extract/mini-lexicon.ts";

const NOTE =
  "Shave biopsy of a 0.6 x 0.4 cm nevus on the left forearm. Cryotherapy of 3 AKs on the scalp.";

describe("suggest()", () => {
  it.each([
    ["a short procedure note", NOTE],
    ["an empty note", ""],
    ["a note without procedures", "Follow up in 6 months for a skin check."],
    [
      "a templated op note",
      "PROCEDURE: Excision\nSite: L upper back\nSize: 1.2 cm\nMargins: 2 mm\nPATHOLOGY: BCC",
    ],
  ])("returns a result that validates with SuggestResultSchema for %s", (_name, note) => {
    const parsed = SuggestResultSchema.safeParse(suggest(note));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("echoes the id and leaves it out when none is given", () => {
    expect(suggest(NOTE, { id: "note-17" }).id).toBe("note-17");
    expect(suggest(NOTE)).not.toHaveProperty("id");
  });

  it("reports the lexicon version and the code set", () => {
    const result = suggest(NOTE);
    expect(result.lexiconVersion).toBe(LEXICON_VERSION);
    expect(result.lexiconVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.codeSet).toMatch(/^\d{4}$/);
    expect(suggest(NOTE, { codeSet: result.codeSet }).codeSet).toBe(result.codeSet);
  });

  it.each([
    ["a number", 42],
    ["null", null],
    ["undefined", undefined],
    ["an object", { text: NOTE }],
    ["a Buffer", Buffer.from(NOTE)],
  ])("throws InputError when the text is %s", (_name, text) => {
    expect(() => suggest(text as unknown as string)).toThrow(InputError);
  });

  it.each<[string, unknown]>([
    ["an unknown modifier style", { modifierStyle: "XS" }],
    ["a minimum confidence above 1", { minConfidence: 1.5 }],
    ["a negative minimum confidence", { minConfidence: -0.1 }],
    ["a non-boolean trace", { trace: "yes" }],
    ["a numeric id", { id: 7 }],
    ["a code set the lexicon does not carry", { codeSet: "2019" }],
  ])("throws InputError for %s", (_name, options) => {
    expect(() => suggest(NOTE, options as SuggestOptions)).toThrow(InputError);
  });

  it("returns the output of every stage, by name, with { trace: true }", () => {
    const result = suggest(NOTE, { trace: true });
    expect(Object.keys(result.trace ?? {})).toEqual(STAGES.map((s) => s.name));
    expect(suggest(NOTE)).not.toHaveProperty("trace");
  });

  it("suggestWithMentions gives suggest()'s result and the extract stage's mentions", () => {
    const { result, mentions } = suggestWithMentions(NOTE, {});
    const traced = suggest(NOTE, { trace: true });
    expect(result).toEqual(suggest(NOTE));
    expect(mentions).toEqual(traced.trace?.extract);
    expect(mentions.map((m) => m.text)).toContain("Shave biopsy");
    // trace is never part of it, even when asked for
    expect(suggestWithMentions(NOTE, { trace: true }).result).not.toHaveProperty("trace");
  });

  it("warns about a deleted code in the note and never suggests it", () => {
    const note =
      "CPT 11100 was billed in the template. Shave biopsy of a nevus on the left forearm.";
    const result = suggest(note);
    const warning = result.warnings.find((w) => w.kind === "deleted_code");
    expect(warning?.message).toContain("11100");
    expect(warning?.span).toEqual({ start: 4, end: 9, text: "11100" });
    expect(result.codes.map((c) => c.code)).not.toContain("11100");
    expect(result.codes.map((c) => c.code)).toEqual(["11102"]);
  });

  it("leaves out lines below minConfidence and says which", () => {
    const note = "Biopsy of a nevus on the back. Punch biopsy of a nevus on the left forearm.";
    const all = suggest(note);
    expect(all.codes.map((c) => c.code)).toEqual(["11104", "11103"]);
    const low = all.codes.find((c) => c.code === "11103")!.confidence;
    const high = all.codes.find((c) => c.code === "11104")!.confidence;
    expect(low).toBeLessThan(high);
    const kept = suggest(note, { minConfidence: (low + high) / 2 });
    expect(kept.codes.map((c) => c.code)).toEqual(["11104"]);
    expect(kept.warnings.find((w) => w.kind === "below_min_confidence")?.message).toContain(
      "11103",
    );
    expect(suggest(note, { minConfidence: 0 }).codes).toHaveLength(2);
  });

  it("is deterministic and leaves its options untouched", () => {
    const options: SuggestOptions = { id: "a", modifierStyle: "59" };
    const before = JSON.stringify(options);
    expect(suggest(NOTE, options)).toEqual(suggest(NOTE, options));
    expect(JSON.stringify(options)).toBe(before);
  });

  it("uses the compiled lexicon passed as third argument", () => {
    const note = "Excision of a 1.0 cm nevus on the thigh with 2 mm margins.";
    expect(suggest(note).codes.map((c) => c.code)).toEqual(["11402"]);
    const noThigh = lexiconWith({ sites: MINI_SITES });
    const result = suggest(note, {}, noThigh);
    expect(result.codes).toEqual([]);
    expect(result.warnings.map((w) => w.kind)).toContain("site_missing");
  });

  it("gives each code line a description, a rationale, evidence and rule ids", () => {
    for (const line of suggest(NOTE).codes) {
      expect(line.description.trim()).not.toBe("");
      expect(line.rationale.trim()).not.toBe("");
      expect(line.evidence.length).toBeGreaterThan(0);
      expect(line.ruleIds.length).toBeGreaterThan(0);
      expect(line.factors.length).toBeGreaterThan(0);
    }
  });
});
