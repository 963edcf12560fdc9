import type * as R4 from "fhir/r4.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Bundle,
  type ChargeItem,
  type Condition,
  CPT_SYSTEM,
  EXT,
  FhirOutputError,
  HCPCS_SYSTEM,
  ICD10CM_SYSTEM,
  toFhirBundle,
  validateFhirBundle,
} from "../../src/fhir/index.ts";
import { suggest } from "../../src/index.ts";
import { fixtureNames, readFixture } from "../incremental/fixture-note.ts";

const chargeItems = (b: Bundle) =>
  b.entry.flatMap((e) => (e.resource.resourceType === "ChargeItem" ? [e.resource] : []));
const conditions = (b: Bundle) =>
  b.entry.flatMap((e) => (e.resource.resourceType === "Condition" ? [e.resource] : []));
const ext = (r: { extension?: { url: string }[] }, url: string) =>
  (r.extension ?? []).filter((e) => e.url === url);

const BIOPSY =
  "Shave biopsy of a 0.6 cm papule on the left upper back. Pathology: basal cell carcinoma.";

describe("toFhirBundle", () => {
  it.each(fixtureNames())("gives a bundle that passes validation for %s", (name) => {
    const note = readFixture(name);
    const result = suggest(note, { id: name });
    const bundle = toFhirBundle(result, note);
    expect(validateFhirBundle(bundle)).toEqual([]);
    expect(chargeItems(bundle)).toHaveLength(result.codes.length);
    expect(conditions(bundle)).toHaveLength(result.diagnoses.length);
    chargeItems(bundle).forEach((item, i) => {
      const line = result.codes[i]!;
      expect(item.code.coding?.[0]).toMatchObject({ system: CPT_SYSTEM, code: line.code });
      expect(item.quantity?.value).toBe(line.units);
      expect(ext(item, EXT.modifier)).toHaveLength(line.modifiers.length);
      expect(ext(item, EXT.evidence)).toHaveLength(line.evidence.length);
      expect(item.reason ?? []).toHaveLength(line.diagnoses.length);
    });
  });

  it("is typed by the FHIR type package", () => {
    const bundle = toFhirBundle(suggest(BIOPSY), BIOPSY);
    expectTypeOf(bundle).toEqualTypeOf<Bundle>();
    expectTypeOf(chargeItems(bundle)).toEqualTypeOf<ChargeItem[]>();
    expectTypeOf<ChargeItem["code"]>().toEqualTypeOf<R4.CodeableConcept>();
    expectTypeOf<Condition["subject"]>().toEqualTypeOf<R4.Reference>();
  });

  it("links each charge item to the Condition of its diagnosis and carries the ICD-10-CM code in reason", () => {
    const result = suggest(BIOPSY);
    const bundle = toFhirBundle(result, BIOPSY);
    const [item] = chargeItems(bundle);
    const [condition] = conditions(bundle);
    expect(result.codes[0]!.diagnoses).toEqual([0]);
    const conditionUrl = bundle.entry.find((e) => e.resource === condition)!.fullUrl;
    expect(item!.supportingInformation).toContainEqual({ reference: conditionUrl });
    expect(item!.reason?.[0]?.coding?.[0]).toMatchObject({
      system: ICD10CM_SYSTEM,
      code: result.diagnoses[0]!.code,
    });
    expect(condition!.code?.coding?.[0]?.code).toBe(result.diagnoses[0]!.code);
    expect(condition!.verificationStatus?.coding?.[0]?.code).toBe("provisional");
  });

  it("writes evidence spans that index the embedded note", () => {
    const bundle = toFhirBundle(suggest(BIOPSY), BIOPSY);
    const doc = bundle.entry.find((e) => e.resource.resourceType === "DocumentReference")!.resource;
    expect(doc.resourceType).toBe("DocumentReference");
    const [item] = chargeItems(bundle);
    const spans = ext(item!, EXT.evidence).map((e) =>
      Object.fromEntries(
        ((e as R4.Extension).extension ?? []).map((s) => [s.url, s.valueInteger ?? s.valueString]),
      ),
    );
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(BIOPSY.slice(s.start as number, s.end as number)).toBe(s.text);
  });

  it("carries modifiers as CodeableConcepts: two-digit ones in CPT, letter ones in HCPCS", () => {
    const note =
      "Shave biopsy of the left arm. Separately, cryotherapy with liquid nitrogen of three actinic keratoses on the face.";
    const result = suggest(note, { modifierStyle: "59" });
    const withModifier = result.codes.findIndex((c) => c.modifiers.length > 0);
    const items = chargeItems(toFhirBundle(result, note));
    if (withModifier >= 0) {
      const systems = ext(items[withModifier]!, EXT.modifier).map(
        (e) => (e as R4.Extension).valueCodeableConcept?.coding?.[0]?.system,
      );
      expect(systems.every((s) => s === CPT_SYSTEM || s === HCPCS_SYSTEM)).toBe(true);
    }
    const fake = { ...result, codes: [{ ...result.codes[0]!, modifiers: ["59", "XS", "RT"] }] };
    const coded = ext(chargeItems(toFhirBundle(fake, note))[0]!, EXT.modifier).map(
      (e) => (e as R4.Extension).valueCodeableConcept?.coding?.[0],
    );
    expect(coded).toEqual([
      { system: CPT_SYSTEM, code: "59" },
      { system: HCPCS_SYSTEM, code: "XS" },
      { system: HCPCS_SYSTEM, code: "RT" },
    ]);
  });

  it("is deterministic, and ids change with the subject", () => {
    const result = suggest(BIOPSY);
    expect(toFhirBundle(result, BIOPSY)).toEqual(toFhirBundle(result, BIOPSY));
    const other = toFhirBundle(result, BIOPSY, { subject: { reference: "Patient/123" } });
    expect(other.id).not.toBe(toFhirBundle(result, BIOPSY).id);
    expect(chargeItems(other)[0]!.subject).toEqual({ reference: "Patient/123" });
  });

  it("points at the caller's DocumentReference instead of embedding the note", () => {
    const bundle = toFhirBundle(suggest(BIOPSY), BIOPSY, {
      document: { reference: "DocumentReference/n1" },
      status: "billable",
    });
    expect(bundle.entry.some((e) => e.resource.resourceType === "DocumentReference")).toBe(false);
    expect(chargeItems(bundle)[0]!.status).toBe("billable");
    expect(chargeItems(bundle)[0]!.supportingInformation).toContainEqual({
      reference: "DocumentReference/n1",
    });
    expect(validateFhirBundle(bundle, { note: BIOPSY })).toEqual([]);
  });

  it("throws FhirOutputError when the note is not the one the result was made from", () => {
    const result = suggest(BIOPSY);
    expect(() => toFhirBundle(result, BIOPSY.toUpperCase())).toThrow(FhirOutputError);
  });

  it("gives a valid empty collection for a note without procedures", () => {
    const bundle = toFhirBundle(suggest("Follow up in six months."), "Follow up in six months.");
    expect(validateFhirBundle(bundle)).toEqual([]);
    expect(chargeItems(bundle)).toEqual([]);
  });
});

describe("validateFhirBundle", () => {
  const good = () =>
    structuredClone(toFhirBundle(suggest(BIOPSY), BIOPSY)) as unknown as {
      entry: { resource: Record<string, unknown> }[];
    };
  const item = (b: ReturnType<typeof good>) =>
    b.entry.find((e) => e.resource.resourceType === "ChargeItem")!.resource;

  it.each([
    ["a missing subject", (b: ReturnType<typeof good>) => delete item(b).subject, /subject/],
    ["an unknown status", (b: ReturnType<typeof good>) => (item(b).status = "suggested"), /status/],
    [
      "a bad CPT code",
      (b: ReturnType<typeof good>) =>
        ((item(b).code as R4.CodeableConcept).coding![0]!.code = "1110"),
      /not a valid code/,
    ],
    ["units of zero", (b: ReturnType<typeof good>) => (item(b).quantity = { value: 0 }), /units/],
    [
      "an empty string",
      (b: ReturnType<typeof good>) => ((item(b).code as R4.CodeableConcept).text = ""),
      /empty/,
    ],
    [
      "a dangling reference",
      (b: ReturnType<typeof good>) =>
        (item(b).supportingInformation = [
          { reference: "urn:uuid:00000000-0000-8000-8000-000000000000" },
        ]),
      /resolve/,
    ],
    [
      "an extension with value and sub-extensions",
      (b: ReturnType<typeof good>) =>
        (item(b).extension as R4.Extension[]).push({
          url: EXT.rationale,
          valueString: "x",
          extension: [{ url: "a", valueString: "b" }],
        }),
      /ext-1/,
    ],
    [
      "evidence that does not match the note",
      (b: ReturnType<typeof good>) =>
        (item(b).extension as R4.Extension[]).push({
          url: EXT.evidence,
          extension: [
            { url: "start", valueInteger: 0 },
            { url: "end", valueInteger: 5 },
            { url: "text", valueString: "Punch" },
          ],
        }),
      /does not match/,
    ],
  ])("reports %s", (_, spoil, message) => {
    const bundle = good();
    spoil(bundle);
    const issues = validateFhirBundle(bundle);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => `${i.path}: ${i.message}`).join("\n")).toMatch(message);
  });

  it("rejects what is not a Bundle", () => {
    expect(validateFhirBundle({ resourceType: "Patient" })[0]!.message).toMatch(/Bundle/);
    expect(validateFhirBundle("x")[0]!.message).toMatch(/object/);
  });
});
