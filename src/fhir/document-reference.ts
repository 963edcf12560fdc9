/**
 * Input from an EHR: a FHIR R4 DocumentReference whose content carries the note as an inline
 * base64 attachment.
 *
 *   { "resourceType": "DocumentReference", "id": "n1", "status": "current",
 *     "content": [{ "attachment": { "contentType": "text/plain; charset=utf-8", "data": "U2hhdmUg..." } }] }
 *
 * The first content entry with a plain-text attachment that has `data` is used. Attachments
 * given only by `url` are refused: dermcode never fetches anything.
 */
import { base64ToBytes } from "./base64.ts";
import type { Reference } from "./types.ts";

/** The DocumentReference cannot be read; `path` names the offending element. */
export class FhirInputError extends Error {
  override name = "FhirInputError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export interface NoteFromFhir {
  /** DocumentReference.id, when present (use it as the result id). */
  id?: string;
  /** The note text, decoded. Evidence offsets of a result refer to this string. */
  text: string;
  /** DocumentReference.subject, when present (pass it on to toFhirBundle). */
  subject?: Reference;
}

const TEXT_TYPES = new Set(["text/plain", "text/x-plain"]);

export function fromDocumentReference(doc: unknown): NoteFromFhir {
  const resource = record(doc, "DocumentReference");
  if (resource.resourceType !== "DocumentReference") {
    const got = typeof resource.resourceType === "string" ? `"${resource.resourceType}"` : "none";
    throw new FhirInputError("resourceType", `expected "DocumentReference", got ${got}`);
  }
  if (resource.status === "entered-in-error") {
    throw new FhirInputError("status", "the document is marked entered-in-error");
  }
  if (!Array.isArray(resource.content) || resource.content.length === 0) {
    throw new FhirInputError("content", "expected a non-empty array of content entries");
  }
  const text = noteText(resource.content);
  const id = typeof resource.id === "string" && resource.id !== "" ? resource.id : undefined;
  const subject = isReference(resource.subject) ? resource.subject : undefined;
  return { ...(id ? { id } : {}), text, ...(subject ? { subject } : {}) };
}

function noteText(content: unknown[]): string {
  const problems: FhirInputError[] = [];
  for (let i = 0; i < content.length; i++) {
    const path = `content[${i}].attachment`;
    try {
      const entry = record(content[i], `content[${i}]`);
      return attachmentText(record(entry.attachment, path), path);
    } catch (error) {
      if (!(error instanceof FhirInputError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length === 1) throw problems[0]!;
  throw new FhirInputError(
    "content",
    `no usable plain-text attachment (${problems.map((p) => p.message).join("; ")})`,
  );
}

function attachmentText(attachment: Record<string, unknown>, path: string): string {
  const { mime, charset } = parseContentType(attachment.contentType, path);
  if (!TEXT_TYPES.has(mime))
    throw new FhirInputError(
      `${path}.contentType`,
      `"${mime}" is not supported (expected text/plain)`,
    );
  if (typeof attachment.data !== "string") {
    const why =
      typeof attachment.url === "string"
        ? "has only a url; dermcode does not fetch documents"
        : "has no data";
    throw new FhirInputError(`${path}.data`, `the attachment ${why}`);
  }
  const bytes = base64ToBytes(attachment.data);
  if (!bytes) throw new FhirInputError(`${path}.data`, "is not valid base64");
  if (typeof attachment.size === "number" && attachment.size !== bytes.length) {
    throw new FhirInputError(
      `${path}.size`,
      `says ${attachment.size} bytes but the data has ${bytes.length}`,
    );
  }
  return decode(bytes, charset, `${path}.data`);
}

function parseContentType(value: unknown, path: string): { mime: string; charset: string } {
  if (value === undefined) return { mime: "text/plain", charset: "utf-8" };
  if (typeof value !== "string")
    throw new FhirInputError(`${path}.contentType`, "must be a string");
  const [mime, ...params] = value.split(";").map((p) => p.trim());
  const charsetParam = params.find((p) => p.toLowerCase().startsWith("charset="));
  const charset = charsetParam ? charsetParam.slice(8).replace(/^"|"$/g, "") : "utf-8";
  return { mime: (mime ?? "").toLowerCase(), charset };
}

function decode(bytes: Uint8Array, charset: string, path: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new FhirInputError(path, `unsupported charset "${charset}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FhirInputError(path, `is not valid ${charset} text`);
  }
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new FhirInputError(
      path,
      `expected an object, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

function isReference(value: unknown): value is Reference {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.reference === "string" ||
    typeof r.display === "string" ||
    typeof r.identifier === "object"
  );
}
