/**
 * Runtime shape check of the bundles dermcode writes, beside the compile-time check against the
 * FHIR type package (types.ts). It enforces what the types cannot: FHIR JSON rules (no null,
 * empty string, empty array or empty object: ele-1), the required elements and code values of
 * the resources used (R4 cardinalities, validate-resources.ts), ext-1 (an extension has a value
 * or sub-extensions, not both), references that resolve inside the bundle, code formats, and
 * that every evidence span's text is the note's text at its offsets.
 *
 * It is not a profile validator (no terminology server, no StructureDefinition walk); see
 * docs/fhir.md for running the official HL7 validator on the output.
 */
import { base64ToBytes } from "./base64.ts";
import { Issues, isObject, type Json } from "./validate-issues.ts";
import { checkResource } from "./validate-resources.ts";

export type { FhirIssue } from "./validate-issues.ts";

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
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Problems found in `bundle` ([] when it passes). `note`: the coded text, when not embedded. */
export function validateFhirBundle(bundle: unknown, options: { note?: string } = {}) {
  const issues = new Issues();
  jsonRules(bundle, "", issues);
  if (!isObject(bundle)) {
    issues.add("", "a Bundle must be a JSON object");
    return issues.list;
  }
  if (bundle.resourceType !== "Bundle") issues.add("resourceType", 'must be "Bundle"');
  checkId(bundle.id, "id", issues);
  if (!BUNDLE_TYPES.has(bundle.type as string))
    issues.add("type", "must be a Bundle type code (e.g. collection)");
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    issues.add("entry", "must be an array");
  const entries: unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const urls = fullUrls(entries, issues);
  const note = options.note ?? embeddedNote(entries);
  for (const [i, entry] of entries.entries()) {
    const path = `entry[${i}].resource`;
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource)) {
      issues.add(path, "each entry must carry a resource");
      continue;
    }
    checkId(resource.id, `${path}.id`, issues);
    checkResource(resource, path, { urls, note, issues });
  }
  return issues.list;
}

function fullUrls(entries: unknown[], issues: Issues): Set<string> {
  const urls = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const url = isObject(entry) ? entry.fullUrl : undefined;
    const path = `entry[${i}].fullUrl`;
    if (typeof url !== "string" || !URI.test(url)) issues.add(path, "must be an absolute URI");
    else if (url.startsWith("urn:uuid:") && !UUID_URN.test(url))
      issues.add(path, "malformed urn:uuid");
    else if (urls.has(url)) issues.add(path, `duplicate fullUrl ${url}`);
    else urls.add(url);
  }
  return urls;
}

/** FHIR JSON: no nulls, no empty strings, arrays or objects (ele-1); numbers finite. */
function jsonRules(node: unknown, path: string, issues: Issues): void {
  if (node === null) issues.add(path, "null is not allowed in FHIR JSON");
  else if (typeof node === "string" && node.trim() === "")
    issues.add(path, "empty or blank strings are not allowed");
  else if (typeof node === "number" && !Number.isFinite(node))
    issues.add(path, "numbers must be finite");
  else if (Array.isArray(node)) {
    if (node.length === 0) issues.add(path, "empty arrays are not allowed");
    for (const [i, item] of node.entries()) jsonRules(item, `${path}[${i}]`, issues);
  } else if (isObject(node)) {
    const keys = Object.keys(node);
    if (keys.length === 0) issues.add(path, "empty objects are not allowed");
    for (const k of keys) jsonRules(node[k], path ? `${path}.${k}` : k, issues);
  }
}

function checkId(value: unknown, path: string, issues: Issues): void {
  if (value !== undefined && (typeof value !== "string" || !ID.test(value))) {
    issues.add(path, "must match [A-Za-z0-9-.]{1,64}");
  }
}

/** The text of the first DocumentReference attachment in the bundle (the coded note). */
function embeddedNote(entries: unknown[]): string | undefined {
  for (const entry of entries) {
    const r: Json | undefined =
      isObject(entry) && isObject(entry.resource) ? entry.resource : undefined;
    if (r?.resourceType !== "DocumentReference" || !Array.isArray(r.content)) continue;
    const attachment = isObject(r.content[0]) ? r.content[0].attachment : undefined;
    if (!isObject(attachment)) continue;
    if (attachment.data === undefined && attachment.size === 0) return "";
    const bytes = typeof attachment.data === "string" ? base64ToBytes(attachment.data) : undefined;
    if (bytes) return new TextDecoder().decode(bytes);
  }
  return undefined;
}
