/**
 * Runtime shape check of the bundles dermcode writes, beside the compile-time check against the
 * FHIR type package (types.ts). It enforces what the types cannot: FHIR JSON rules (no null,
 * empty string, empty array or empty object: ele-1), the required elements and code values of
 * the resources used (R4 cardinalities), ext-1 (an extension has a value or sub-extensions,
 * not both), references that resolve inside the bundle, code formats, and that every evidence
 * span's text is the note's text at its offsets.
 *
 * It is not a profile validator (no terminology server, no StructureDefinition walk); see
 * docs/fhir.md for how to run the official HL7 validator on the output.
 */
import { base64ToBytes } from "./base64.ts";
import { CPT_SYSTEM, EXT, ICD10CM_SYSTEM } from "./urls.ts";

export interface FhirIssue {
  /** JSON path of the offending element ("entry[2].resource.code"). */
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const BUNDLE_TYPES = new Set([
  "document",
  "message",
  "transaction",
  "transaction-response",
  "batch",
  "batch-response",
  "history",
  "searchset",
  "collection",
]);
const CHARGE_ITEM_STATUS = new Set([
  "planned",
  "billable",
  "not-billable",
  "aborted",
  "billed",
  "entered-in-error",
  "unknown",
]);
const DOC_STATUS = new Set(["current", "superseded", "entered-in-error"]);
const VER_STATUS = new Set([
  "unconfirmed",
  "provisional",
  "differential",
  "confirmed",
  "refuted",
  "entered-in-error",
]);
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CPT_CODE = /^[0-9]{4}[0-9A-Z]$/;
const ICD10CM_CODE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Problems found in `bundle` ([] when it passes). `note`: the coded text, when not embedded. */
export function validateFhirBundle(bundle: unknown, options: { note?: string } = {}): FhirIssue[] {
  const v = new Validator();
  v.jsonRules(bundle, "");
  if (!isObject(bundle)) return v.fail("", "a Bundle must be a JSON object");
  if (bundle.resourceType !== "Bundle") v.add("resourceType", 'must be "Bundle"');
  v.id(bundle.id, "id");
  if (!BUNDLE_TYPES.has(bundle.type as string))
    v.add("type", "must be a Bundle type code (e.g. collection)");
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    v.add("entry", "must be an array");
  const urls = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const url = isObject(e) ? e.fullUrl : undefined;
    if (typeof url !== "string" || !URI.test(url))
      v.add(`entry[${i}].fullUrl`, "must be an absolute URI");
    else if (url.startsWith("urn:uuid:") && !UUID_URN.test(url))
      v.add(`entry[${i}].fullUrl`, "malformed urn:uuid");
    else if (urls.has(url)) v.add(`entry[${i}].fullUrl`, `duplicate fullUrl ${url}`);
    else urls.add(url);
  });
  const note = options.note ?? embeddedNote(entries);
  for (const [i, e] of entries.entries()) {
    const path = `entry[${i}].resource`;
    const resource = isObject(e) ? e.resource : undefined;
    if (!isObject(resource)) return v.add(path, "each entry must carry a resource");
    v.id(resource.id, `${path}.id`);
    v.resource(resource, path, urls, note);
  });
  return v.issues;
}

function embeddedNote(entries: unknown[]): string | undefined {
  for (const e of entries) {
    const r = isObject(e) ? e.resource : undefined;
    if (!isObject(r) || r.resourceType !== "DocumentReference" || !Array.isArray(r.content))
      continue;
    const attachment = isObject(r.content[0]) ? r.content[0].attachment : undefined;
    if (!isObject(attachment)) continue;
    if (attachment.data === undefined && attachment.size === 0) return "";
    const bytes = typeof attachment.data === "string" ? base64ToBytes(attachment.data) : undefined;
    if (bytes) return new TextDecoder().decode(bytes);
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Validator {
  readonly issues: FhirIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  fail(path: string, message: string): FhirIssue[] {
    this.add(path, message);
    return this.issues;
  }

  /** FHIR JSON: no nulls, no empty strings, arrays or objects (ele-1); numbers finite. */
  jsonRules(node: unknown, path: string): void {
    if (node === null) this.add(path, "null is not allowed in FHIR JSON");
    else if (typeof node === "string" && node.trim() === "")
      this.add(path, "empty or blank strings are not allowed");
    else if (typeof node === "number" && !Number.isFinite(node))
      this.add(path, "numbers must be finite");
    else if (Array.isArray(node)) {
      if (node.length === 0) this.add(path, "empty arrays are not allowed");
      for (const [i, item] of node.entries()) this.jsonRules(item, `${path}[${i}]`);
    } else if (isObject(node)) {
      const keys = Object.keys(node);
      if (keys.length === 0) this.add(path, "empty objects are not allowed");
      for (const k of keys) this.jsonRules(node[k], path ? `${path}.${k}` : k);
    }
  }

  id(value: unknown, path: string): void {
    if (value !== undefined && (typeof value !== "string" || !ID.test(value)))
      this.add(path, "must match [A-Za-z0-9-.]{1,64}");
  }

  resource(r: Json, path: string, urls: Set<string>, note: string | undefined): void {
    this.extensions(r.extension, `${path}.extension`, note);
    switch (r.resourceType) {
      case "ChargeItem":
        return this.chargeItem(r, path, urls);
      case "Condition":
        return this.condition(r, path, urls);
      case "DocumentReference":
        return this.documentReference(r, path);
      default:
        this.add(
          `${path}.resourceType`,
          `unexpected resource type ${JSON.stringify(r.resourceType)}`,
        );
    }
  }

  chargeItem(r: Json, path: string, urls: Set<string>): void {
    if (!CHARGE_ITEM_STATUS.has(r.status as string))
      this.add(`${path}.status`, "required; must be a ChargeItem status code");
    this.concept(r.code, `${path}.code`, true, CPT_SYSTEM, CPT_CODE);
    this.reference(r.subject, `${path}.subject`, urls, true);
    if (r.quantity !== undefined) {
      const value = isObject(r.quantity) ? r.quantity.value : undefined;
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
        this.add(`${path}.quantity.value`, "units must be an integer >= 1");
    }
    this.list(r.bodysite, `${path}.bodysite`, (c, p) => this.concept(c, p, false));
    this.list(r.reason, `${path}.reason`, (c, p) =>
      this.concept(c, p, true, ICD10CM_SYSTEM, ICD10CM_CODE),
    );
    this.list(r.supportingInformation, `${path}.supportingInformation`, (ref, p) =>
      this.reference(ref, p, urls, true),
    );
    this.list(r.note, `${path}.note`, (n, p) => {
      if (!isObject(n) || typeof n.text !== "string")
        this.add(`${p}.text`, "an Annotation needs text");
    });
  }

  condition(r: Json, path: string, urls: Set<string>): void {
    this.reference(r.subject, `${path}.subject`, urls, true);
    this.concept(r.code, `${path}.code`, true, ICD10CM_SYSTEM, ICD10CM_CODE);
    if (r.verificationStatus !== undefined) {
      this.concept(r.verificationStatus, `${path}.verificationStatus`, true);
      const code =
        isObject(r.verificationStatus) && Array.isArray(r.verificationStatus.coding)
          ? (r.verificationStatus.coding[0] as Json)?.code
          : undefined;
      if (!VER_STATUS.has(code as string))
        this.add(`${path}.verificationStatus`, "must use a condition-ver-status code");
    }
    this.list(r.category, `${path}.category`, (c, p) => this.concept(c, p, true));
    this.list(r.evidence, `${path}.evidence`, (e, p) => {
      if (!isObject(e)) { this.add(p, "must be an object"); return; }
      this.list(e.detail, `${p}.detail`, (ref, q) => this.reference(ref, q, urls, true));
    });
  }

  documentReference(r: Json, path: string): void {
    if (!DOC_STATUS.has(r.status as string))
      this.add(`${path}.status`, "required; must be current, superseded or entered-in-error");
    if (!Array.isArray(r.content))
      { this.add(`${path}.content`, "required: at least one content entry"); return; }
    for (const [i, c] of r.content.entries()) {
      const p = `${path}.content[${i}].attachment`;
      const a = isObject(c) ? c.attachment : undefined;
      if (!isObject(a)) { this.add(p, "required"); return; }
      if (a.data !== undefined) {
        const bytes = typeof a.data === "string" ? base64ToBytes(a.data) : undefined;
        if (!bytes) this.add(`${p}.data`, "must be base64");
        else if (typeof a.size === "number" && a.size !== bytes.length)
          this.add(`${p}.size`, "does not match the data");
      }
    });
  }

  concept(c: unknown, path: string, needsCoding: boolean, system?: string, code?: RegExp): void {
    if (!isObject(c)) { this.add(path, "must be a CodeableConcept"); return; }
    const codings = Array.isArray(c.coding) ? c.coding : [];
    if (needsCoding && codings.length === 0)
      { this.add(`${path}.coding`, "at least one coding is required"); return; }
    if (!needsCoding && codings.length === 0 && typeof c.text !== "string")
      this.add(path, "needs a coding or text");
    for (const [i, coding] of codings.entries()) {
      const p = `${path}.coding[${i}]`;
      if (
        !isObject(coding) ||
        typeof coding.system !== "string" ||
        typeof coding.code !== "string"
      ) {
        { this.add(p, "a coding needs system and code"); return; }
      }
      if (system && coding.system === system && code && !code.test(coding.code))
        this.add(`${p}.code`, `"${coding.code}" is not a valid code of ${system}`);
    });
    if (system && !codings.some((x) => isObject(x) && x.system === system))
      this.add(`${path}.coding`, `expected a coding from ${system}`);
  }

  reference(ref: unknown, path: string, urls: Set<string>, required: boolean): void {
    if (ref === undefined) {
      if (required) this.add(path, "required");
      return;
    }
    if (
      !isObject(ref) ||
      (ref.reference === undefined && ref.identifier === undefined && ref.display === undefined)
    ) {
      { this.add(path, "a Reference needs reference, identifier or display"); return; }
    }
    if (
      typeof ref.reference === "string" &&
      ref.reference.startsWith("urn:uuid:") &&
      !urls.has(ref.reference)
    ) {
      this.add(`${path}.reference`, `${ref.reference} does not resolve inside the bundle`);
    }
  }

  list(value: unknown, path: string, each: (item: unknown, path: string) => void): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) { this.add(path, "must be an array"); return; }
    for (const [i, item] of value.entries()) each(item, `${path}[${i}]`);
  }

  extensions(value: unknown, path: string, note: string | undefined): void {
    this.list(value, path, (ext, p) => {
      if (!isObject(ext) || typeof ext.url !== "string" || !URI.test(ext.url))
        { this.add(`${p}.url`, "an extension needs an absolute url"); return; }
      this.extensionShape(ext, p);
      if (ext.url === EXT.evidence) this.evidence(ext, p, note);
      if (
        ext.url === EXT.confidence &&
        !(typeof ext.valueDecimal === "number" && ext.valueDecimal >= 0 && ext.valueDecimal <= 1)
      ) {
        this.add(`${p}.valueDecimal`, "confidence must be a decimal in [0, 1]");
      }
      if (ext.url === EXT.modifier)
        this.concept(ext.valueCodeableConcept, `${p}.valueCodeableConcept`, true);
    });
  }

  /** ext-1: value[x] or nested extensions, not both; at most one value[x]. */
  extensionShape(ext: Json, path: string): void {
    const values = Object.keys(ext).filter((k) => k.startsWith("value"));
    const nested = Array.isArray(ext.extension) && ext.extension.length > 0;
    if (values.length > 1) this.add(path, "an extension has at most one value[x]");
    if (nested === (values.length === 1))
      this.add(path, "an extension needs either a value or sub-extensions, not both (ext-1)");
    if (nested) {
      for (const [i, sub] of (ext.extension as unknown[]).entries()) {
        if (!isObject(sub) || typeof sub.url !== "string")
          { this.add(`${path}.extension[${i}].url`, "required"); return; }
        this.extensionShape(sub, `${path}.extension[${i}]`);
      });
    }
  }

  evidence(ext: Json, path: string, note: string | undefined): void {
    const parts = new Map<string, Json>();
    for (const sub of Array.isArray(ext.extension) ? ext.extension : [])
      if (isObject(sub)) parts.set(sub.url as string, sub);
    const start = parts.get("start")?.valueInteger;
    const end = parts.get("end")?.valueInteger;
    const text = parts.get("text")?.valueString ?? "";
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      (start as number) < 0 ||
      (end as number) < (start as number)
    ) {
      { this.add(path, "evidence needs integer start <= end"); return; }
    }
    if (note === undefined) return;
    if ((end as number) > note.length)
      { this.add(path, `evidence end ${end} is past the end of the note`); return; }
    if (note.slice(start as number, end as number) !== text)
      this.add(path, `evidence text does not match the note at [${start}, ${end})`);
  }
}
