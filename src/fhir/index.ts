/**
 * FHIR R4 for EHR integration: a SuggestResult as a Bundle of ChargeItem + Condition resources
 * (toFhirBundle), a note read from a DocumentReference (fromDocumentReference), and the runtime
 * shape check the tests run on every bundle (validateFhirBundle); a record that could not be
 * coded as a Bundle with an OperationOutcome (toFhirErrorBundle). See docs/fhir.md.
 */
export {
  type ChargeItemStatus,
  type FhirBundleOptions,
  FhirOutputError,
  PLACEHOLDER_SUBJECT,
  toFhirBundle,
} from "./bundle.ts";
export { FhirInputError, fromDocumentReference, type NoteFromFhir } from "./document-reference.ts";
export { noteIdentifier, toFhirErrorBundle } from "./outcome.ts";
export type * from "./types.ts";
export {
  CPT_SYSTEM,
  EXT,
  EXTENSION_BASE,
  HCPCS_SYSTEM,
  ICD10CM_SYSTEM,
  NOTE_ID_SYSTEM,
  RECORD_ERROR_SYSTEM,
} from "./urls.ts";
export { type FhirIssue, validateFhirBundle } from "./validate.ts";
