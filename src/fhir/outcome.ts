/**
 * The FHIR form of a record dermcode could not code (a batch error line): a Bundle of type
 * "collection" whose only entry is an OperationOutcome. Its one issue has severity "error", a
 * FHIR issue-type code for the problem, and `details` carrying dermcode's error kind (coding in
 * RECORD_ERROR_SYSTEM) and message (text). `Bundle.identifier` names the record, as in the
 * bundle of a coded note, so both kinds of line are found by the same id. See docs/fhir.md.
 */
import { stableUuid } from "./ids.ts";
import type { Bundle, Identifier, OperationOutcome, OperationOutcomeIssue } from "./types.ts";
import { NOTE_ID_SYSTEM, RECORD_ERROR_SYSTEM } from "./urls.ts";

/** FHIR issue type (http://hl7.org/fhir/issue-type) of each batch error kind. */
const ISSUE_TYPES: Record<string, OperationOutcomeIssue["code"]> = {
  invalid_json: "structure",
  bad_csv_row: "structure",
  missing_text: "required",
  empty_text: "required",
  too_large: "too-long",
  binary: "invalid",
  invalid_utf8: "invalid",
  internal: "exception",
};

/**
 * `Bundle.identifier` of record `id` (system NOTE_ID_SYSTEM). An empty id has no value (FHIR
 * allows no empty strings), only the system.
 */
export function noteIdentifier(id: string): Identifier {
  return id === "" ? { system: NOTE_ID_SYSTEM } : { system: NOTE_ID_SYSTEM, value: id };
}

/** A Bundle with one OperationOutcome saying why record `id` has no result. Deterministic ids. */
export function toFhirErrorBundle(id: string, error: { kind: string; message: string }): Bundle {
  const seed = ["record-error", id, error.kind, error.message];
  const outcomeId = stableUuid(...seed, "OperationOutcome", "0");
  const kind = error.kind === "" ? "internal" : error.kind;
  const outcome: OperationOutcome = {
    resourceType: "OperationOutcome",
    id: outcomeId,
    issue: [
      {
        severity: "error",
        code: ISSUE_TYPES[kind] ?? "processing",
        details: {
          coding: [{ system: RECORD_ERROR_SYSTEM, code: kind }],
          ...(error.message.trim() === "" ? {} : { text: error.message }),
        },
      },
    ],
  };
  return {
    resourceType: "Bundle",
    id: stableUuid(...seed, "Bundle", "0"),
    identifier: noteIdentifier(id),
    type: "collection",
    entry: [{ fullUrl: `urn:uuid:${outcomeId}`, resource: outcome }],
  };
}
