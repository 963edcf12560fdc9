/**
 * Resource-level checks of validate.ts: required elements and code values (R4) of ChargeItem,
 * Condition, DocumentReference and OperationOutcome (the bundle of a record that could not be
 * coded), CodeableConcepts, References, and dermcode's extensions.
 */
import { base64ToBytes } from "./base64.ts";
import { CPT_SYSTEM, EXT, ICD10CM_SYSTEM } from "./urls.ts";
import { eachOf, type Issues, isObject, type Json } from "./validate-issues.ts";

export interface Context {
  /** fullUrls of the bundle's entries (urn:uuid references must resolve to one). */
  urls: Set<string>;
  /** The coded note, when known: evidence spans are checked against it. */
  note: string | undefined;
  issues: Issues;
}

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
const ISSUE_SEVERITY = new Set(["fatal", "error", "warning", "information"]);
/** http://hl7.org/fhir/issue-type (R4). */
const ISSUE_TYPE = new Set([
  "invalid",
  "structure",
  "required",
  "value",
  "invariant",
  "security",
  "login",
  "unknown",
  "expired",
  "forbidden",
  "suppressed",
  "processing",
  "not-supported",
  "duplicate",
  "multiple-matches",
  "not-found",
  "deleted",
  "too-long",
  "code-invalid",
  "extension",
  "too-costly",
  "business-rule",
  "conflict",
  "transient",
  "lock-error",
  "no-store",
  "exception",
  "timeout",
  "incomplete",
  "throttled",
  "informational",
]);
const CPT_CODE = /^[0-9]{4}[0-9A-Z]$/;
const ICD10CM_CODE = /^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

export function checkResource(r: Json, path: string, ctx: Context): void {
  eachOf(r.extension, `${path}.extension`, ctx.issues, (ext, p) => checkExtension(ext, p, ctx));
  if (r.resourceType === "ChargeItem") chargeItem(r, path, ctx);
  else if (r.resourceType === "Condition") condition(r, path, ctx);
  else if (r.resourceType === "DocumentReference") documentReference(r, path, ctx);
  else if (r.resourceType === "OperationOutcome") operationOutcome(r, path, ctx);
  else
    ctx.issues.add(
      `${path}.resourceType`,
      `unexpected resource type ${JSON.stringify(r.resourceType)}`,
    );
}

function chargeItem(r: Json, path: string, ctx: Context): void {
  const { issues } = ctx;
  if (!CHARGE_ITEM_STATUS.has(r.status as string))
    issues.add(`${path}.status`, "required; must be a ChargeItem status code");
  concept(r.code, `${path}.code`, issues, { system: CPT_SYSTEM, code: CPT_CODE });
  reference(r.subject, `${path}.subject`, ctx);
  if (r.quantity !== undefined) {
    const value = isObject(r.quantity) ? r.quantity.value : undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      issues.add(`${path}.quantity.value`, "units must be an integer >= 1");
    }
  }
  eachOf(r.bodysite, `${path}.bodysite`, issues, (c, p) =>
    concept(c, p, issues, { textOnly: true }),
  );
  eachOf(r.reason, `${path}.reason`, issues, (c, p) =>
    concept(c, p, issues, { system: ICD10CM_SYSTEM, code: ICD10CM_CODE }),
  );
  eachOf(r.supportingInformation, `${path}.supportingInformation`, issues, (ref, p) =>
    reference(ref, p, ctx),
  );
  eachOf(r.note, `${path}.note`, issues, (n, p) => {
    if (!isObject(n) || typeof n.text !== "string")
      issues.add(`${p}.text`, "an Annotation needs text");
  });
}

function condition(r: Json, path: string, ctx: Context): void {
  const { issues } = ctx;
  reference(r.subject, `${path}.subject`, ctx);
  concept(r.code, `${path}.code`, issues, { system: ICD10CM_SYSTEM, code: ICD10CM_CODE });
  if (r.verificationStatus !== undefined) {
    concept(r.verificationStatus, `${path}.verificationStatus`, issues, {});
    const coding =
      isObject(r.verificationStatus) && Array.isArray(r.verificationStatus.coding)
        ? r.verificationStatus.coding[0]
        : undefined;
    if (!isObject(coding) || !VER_STATUS.has(coding.code as string)) {
      issues.add(`${path}.verificationStatus`, "must use a condition-ver-status code");
    }
  }
  eachOf(r.category, `${path}.category`, issues, (c, p) => concept(c, p, issues, {}));
  eachOf(r.evidence, `${path}.evidence`, issues, (e, p) => {
    if (!isObject(e)) issues.add(p, "must be an object");
    else eachOf(e.detail, `${p}.detail`, issues, (ref, q) => reference(ref, q, ctx));
  });
}

function documentReference(r: Json, path: string, { issues }: Context): void {
  if (!DOC_STATUS.has(r.status as string))
    issues.add(`${path}.status`, "required; must be current, superseded or entered-in-error");
  if (!Array.isArray(r.content)) {
    issues.add(`${path}.content`, "required: at least one content entry");
    return;
  }
  for (const [i, c] of r.content.entries()) {
    const p = `${path}.content[${i}].attachment`;
    const a = isObject(c) ? c.attachment : undefined;
    if (!isObject(a)) issues.add(p, "required");
    else if (a.data !== undefined) {
      const bytes = typeof a.data === "string" ? base64ToBytes(a.data) : undefined;
      if (!bytes) issues.add(`${p}.data`, "must be base64");
      else if (typeof a.size === "number" && a.size !== bytes.length)
        issues.add(`${p}.size`, "does not match the data");
    }
  }
}

function operationOutcome(r: Json, path: string, { issues }: Context): void {
  if (!Array.isArray(r.issue)) {
    issues.add(`${path}.issue`, "required: at least one issue");
    return;
  }
  eachOf(r.issue, `${path}.issue`, issues, (issue, p) => {
    if (!isObject(issue)) {
      issues.add(p, "must be an object");
      return;
    }
    if (!ISSUE_SEVERITY.has(issue.severity as string))
      issues.add(`${p}.severity`, "required; must be fatal, error, warning or information");
    if (!ISSUE_TYPE.has(issue.code as string))
      issues.add(`${p}.code`, "required; must be an issue-type code");
    if (issue.details !== undefined)
      concept(issue.details, `${p}.details`, issues, { textOnly: true });
    if (issue.diagnostics !== undefined && typeof issue.diagnostics !== "string")
      issues.add(`${p}.diagnostics`, "must be a string");
  });
}

interface ConceptRule {
  /** A coding from this system must be present, its code matching `code`. */
  system?: string;
  code?: RegExp;
  /** Text alone is enough (no coding required). */
  textOnly?: boolean;
}

function concept(c: unknown, path: string, issues: Issues, rule: ConceptRule): void {
  if (!isObject(c)) {
    issues.add(path, "must be a CodeableConcept");
    return;
  }
  const codings: unknown[] = Array.isArray(c.coding) ? c.coding : [];
  if (codings.length === 0) {
    if (!rule.textOnly) issues.add(`${path}.coding`, "at least one coding is required");
    else if (typeof c.text !== "string") issues.add(path, "needs a coding or text");
    return;
  }
  for (const [i, coding] of codings.entries()) {
    const p = `${path}.coding[${i}]`;
    if (!isObject(coding) || typeof coding.system !== "string" || typeof coding.code !== "string") {
      issues.add(p, "a coding needs system and code");
    } else if (coding.system === rule.system && rule.code && !rule.code.test(coding.code)) {
      issues.add(`${p}.code`, `"${coding.code}" is not a valid code of ${rule.system}`);
    }
  }
  if (rule.system && !codings.some((x) => isObject(x) && x.system === rule.system)) {
    issues.add(`${path}.coding`, `expected a coding from ${rule.system}`);
  }
}

function reference(ref: unknown, path: string, { urls, issues }: Context): void {
  if (ref === undefined) issues.add(path, "required");
  else if (
    !isObject(ref) ||
    (ref.reference === undefined && ref.identifier === undefined && ref.display === undefined)
  ) {
    issues.add(path, "a Reference needs reference, identifier or display");
  } else if (
    typeof ref.reference === "string" &&
    ref.reference.startsWith("urn:uuid:") &&
    !urls.has(ref.reference)
  ) {
    issues.add(`${path}.reference`, `${ref.reference} does not resolve inside the bundle`);
  }
}

function checkExtension(ext: unknown, path: string, ctx: Context): void {
  const { issues } = ctx;
  if (!isObject(ext) || typeof ext.url !== "string" || !URI.test(ext.url)) {
    issues.add(`${path}.url`, "an extension needs an absolute url");
    return;
  }
  extensionShape(ext, path, issues);
  if (ext.url === EXT.evidence) evidence(ext, path, ctx);
  if (
    ext.url === EXT.confidence &&
    !(typeof ext.valueDecimal === "number" && ext.valueDecimal >= 0 && ext.valueDecimal <= 1)
  ) {
    issues.add(`${path}.valueDecimal`, "confidence must be a decimal in [0, 1]");
  }
  if (ext.url === EXT.modifier)
    concept(ext.valueCodeableConcept, `${path}.valueCodeableConcept`, issues, {});
}

/** ext-1: value[x] or nested extensions, not both; at most one value[x]. */
function extensionShape(ext: Json, path: string, issues: Issues): void {
  const values = Object.keys(ext).filter((k) => k.startsWith("value"));
  const nested: unknown[] = Array.isArray(ext.extension) ? ext.extension : [];
  if (values.length > 1) issues.add(path, "an extension has at most one value[x]");
  if (nested.length > 0 === (values.length === 1)) {
    issues.add(path, "an extension needs either a value or sub-extensions, not both (ext-1)");
  }
  for (const [i, sub] of nested.entries()) {
    if (!isObject(sub) || typeof sub.url !== "string")
      issues.add(`${path}.extension[${i}].url`, "required");
    else extensionShape(sub, `${path}.extension[${i}]`, issues);
  }
}

function evidence(ext: Json, path: string, { note, issues }: Context): void {
  const parts = new Map<unknown, Json>();
  for (const sub of Array.isArray(ext.extension) ? ext.extension : [])
    if (isObject(sub)) parts.set(sub.url, sub);
  const start = parts.get("start")?.valueInteger;
  const end = parts.get("end")?.valueInteger;
  const text = parts.get("text")?.valueString ?? "";
  if (
    typeof start !== "number" ||
    typeof end !== "number" ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start
  ) {
    issues.add(path, "evidence needs integer start <= end");
  } else if (note !== undefined && end > note.length) {
    issues.add(path, `evidence end ${end} is past the end of the note`);
  } else if (note !== undefined && note.slice(start, end) !== text) {
    issues.add(path, `evidence text does not match the note at [${start}, ${end})`);
  }
}
