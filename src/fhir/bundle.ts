/**
 * A SuggestResult as a FHIR R4 Bundle (type "collection"):
 * - one ChargeItem per claim line: CPT in `code`, units in `quantity`, modifiers, confidence,
 *   rationale, evidence spans, rule ids and lexicon version as extensions, the site in
 *   `bodysite`, the line's ICD-10-CM diagnoses in `reason` with the Condition resources in
 *   `supportingInformation`, the procedure's warnings in `note`;
 * - one Condition per ICD-10-CM diagnosis (verification status provisional), with its evidence;
 * - the note itself as a DocumentReference (base64 text/plain attachment), unless the caller
 *   names the document the note came from (`options.document`).
 * Evidence offsets are UTF-16 code units into that note. See docs/fhir.md.
 */
import type { CodeLine, Diagnosis, SuggestResult, Warning } from "../schemas/api.ts";
import { utf8ByteLength, utf8ToBase64 } from "./base64.ts";
import {
  confidenceExtension,
  evidenceExtensions,
  lexiconVersionExtension,
  modifierExtension,
  procedureExtension,
  rationaleExtension,
  ruleIdExtensions,
} from "./extensions.ts";
import { stableUuid } from "./ids.ts";
import type {
  Bundle,
  BundleEntry,
  ChargeItem,
  CodeableConcept,
  Condition,
  DocumentReference,
  Reference,
} from "./types.ts";
import {
  CONDITION_CATEGORY_SYSTEM,
  CONDITION_VER_STATUS_SYSTEM,
  CPT_SYSTEM,
  ICD10CM_SYSTEM,
  NOTE_ID_SYSTEM,
} from "./urls.ts";

export type ChargeItemStatus =
  | "planned"
  | "billable"
  | "not-billable"
  | "aborted"
  | "billed"
  | "entered-in-error"
  | "unknown";

export interface FhirBundleOptions {
  /** The patient (or group) the note is about. Default: a display-only placeholder reference. */
  subject?: Reference;
  /** The DocumentReference the note came from; when set, the note is not embedded again. */
  document?: Reference;
  /** Embed the note as a DocumentReference when `document` is not given (default true). */
  includeNote?: boolean;
  /** ChargeItem.status (default "planned": suggestions a coder has not reviewed yet). */
  status?: ChargeItemStatus;
}

/** The result does not belong to the note text passed with it (a span's text differs). */
export class FhirOutputError extends Error {
  override name = "FhirOutputError";
}

export const PLACEHOLDER_SUBJECT: Reference = {
  display: "Patient of the coded note (not identified)",
};

export function toFhirBundle(
  result: SuggestResult,
  noteText: string,
  options: FhirBundleOptions = {},
): Bundle {
  if (typeof noteText !== "string")
    throw new FhirOutputError("toFhirBundle(result, noteText): noteText must be a string");
  checkSpans(result, noteText);
  const subject = options.subject ?? PLACEHOLDER_SUBJECT;
  const seed = [noteText, JSON.stringify(subject), result.id ?? ""];
  const url = (kind: string, index: number) =>
    `urn:uuid:${stableUuid(...seed, kind, String(index))}`;
  const entries: BundleEntry[] = [];
  let noteRef = options.document;
  if (!noteRef && options.includeNote !== false) {
    const fullUrl = url("DocumentReference", 0);
    entries.push({ fullUrl, resource: noteResource(noteText, subject, fullUrl, result.id) });
    noteRef = { reference: fullUrl };
  }
  const conditionUrls = result.diagnoses.map((_, i) => url("Condition", i));
  result.diagnoses.forEach((d, i) => {
    entries.push({
      fullUrl: conditionUrls[i]!,
      resource: conditionOf(d, subject, noteRef, idOf(conditionUrls[i]!)),
    });
  });
  result.codes.forEach((line, i) => {
    const fullUrl = url("ChargeItem", i);
    const ctx = { subject, noteRef, conditionUrls, status: options.status ?? "planned" };
    entries.push({ fullUrl, resource: chargeItemOf(line, result, ctx, idOf(fullUrl)) });
  });
  const bundleId = stableUuid(...seed, "Bundle", "0");
  return {
    resourceType: "Bundle",
    id: bundleId,
    ...(result.id ? { identifier: { system: NOTE_ID_SYSTEM, value: result.id } } : {}),
    type: "collection",
    entry: entries,
  };
}

function idOf(fullUrl: string): string {
  return fullUrl.slice("urn:uuid:".length);
}

function checkSpans(result: SuggestResult, note: string): void {
  const spans = [
    ...result.codes.flatMap((c) => c.evidence),
    ...result.diagnoses.flatMap((d) => d.evidence),
  ];
  for (const s of spans) {
    if (note.slice(s.start, s.end) !== s.text) {
      throw new FhirOutputError(
        `evidence span [${s.start}, ${s.end}) "${s.text}" does not match the note text passed to toFhirBundle`,
      );
    }
  }
}

function noteResource(
  note: string,
  subject: Reference,
  fullUrl: string,
  noteId: string | undefined,
): DocumentReference {
  return {
    resourceType: "DocumentReference",
    id: idOf(fullUrl),
    ...(noteId ? { masterIdentifier: { system: NOTE_ID_SYSTEM, value: noteId } } : {}),
    status: "current",
    subject,
    description: "Clinical note coded by dermcode (evidence offsets index this text)",
    content: [
      {
        attachment: {
          contentType: "text/plain; charset=utf-8",
          ...(note === "" ? {} : { data: utf8ToBase64(note) }),
          size: utf8ByteLength(note),
        },
      },
    ],
  };
}

function conditionOf(
  d: Diagnosis,
  subject: Reference,
  noteRef: Reference | undefined,
  id: string,
): Condition {
  return {
    resourceType: "Condition",
    id,
    extension: [
      confidenceExtension(d.confidence),
      ...evidenceExtensions(d.evidence),
      ...ruleIdExtensions(d.ruleIds),
    ],
    verificationStatus: { coding: [{ system: CONDITION_VER_STATUS_SYSTEM, code: "provisional" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY_SYSTEM, code: "encounter-diagnosis" }] }],
    code: icdConcept(d),
    subject,
    ...(noteRef ? { evidence: [{ detail: [noteRef] }] } : {}),
  };
}

function icdConcept(d: Diagnosis): CodeableConcept {
  const display = d.description === "" ? {} : { display: d.description };
  return {
    coding: [{ system: ICD10CM_SYSTEM, code: d.code, ...display }],
    ...(d.description ? { text: d.description } : {}),
  };
}

interface LineContext {
  subject: Reference;
  noteRef: Reference | undefined;
  conditionUrls: string[];
  status: ChargeItemStatus;
}

function chargeItemOf(
  line: CodeLine,
  result: SuggestResult,
  ctx: LineContext,
  id: string,
): ChargeItem {
  const procedure = result.procedures[line.procedure];
  const reasons = line.diagnoses.filter((i) => result.diagnoses[i] !== undefined);
  const supporting = [
    ...reasons.map((i) => ({ reference: ctx.conditionUrls[i]! })),
    ...(ctx.noteRef ? [ctx.noteRef] : []),
  ];
  const notes = warningsOf(result.warnings, line.procedure);
  return {
    resourceType: "ChargeItem",
    id,
    extension: [
      ...line.modifiers.map(modifierExtension),
      confidenceExtension(line.confidence),
      ...rationaleExtension(line.rationale),
      ...evidenceExtensions(line.evidence),
      ...ruleIdExtensions(line.ruleIds),
      ...(procedure ? [procedureExtension(procedure.kind, line.procedure)] : []),
      ...lexiconVersionExtension(result.lexiconVersion),
    ],
    status: ctx.status,
    code: {
      coding: [
        {
          system: CPT_SYSTEM,
          ...(result.codeSet ? { version: result.codeSet } : {}),
          code: line.code,
          ...(line.description ? { display: line.description } : {}),
        },
      ],
      ...(line.description ? { text: line.description } : {}),
    },
    subject: ctx.subject,
    quantity: { value: line.units },
    ...(procedure?.site?.text ? { bodysite: [{ text: procedure.site.text }] } : {}),
    ...(reasons.length > 0 ? { reason: reasons.map((i) => icdConcept(result.diagnoses[i]!)) } : {}),
    ...(supporting.length > 0 ? { supportingInformation: supporting } : {}),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
  };
}

function warningsOf(warnings: readonly Warning[], procedure: number): string[] {
  return warnings
    .filter((w) => w.procedure === procedure && w.message !== "")
    .map((w) => w.message);
}
