/**
 * Code systems (official FHIR/THO URIs) and dermcode's own extension URLs. The extensions live
 * under a placeholder base until the project publishes StructureDefinitions for them.
 */
export const CPT_SYSTEM = "http://www.ama-assn.org/go/cpt";
export const HCPCS_SYSTEM = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
export const ICD10CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm";
export const CONDITION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category";
export const CONDITION_VER_STATUS_SYSTEM =
  "http://terminology.hl7.org/CodeSystem/condition-ver-status";

export const EXTENSION_BASE = "https://dermcode.dev/fhir/StructureDefinition";
export const NOTE_ID_SYSTEM = "https://dermcode.dev/fhir/NamingSystem/note-id";
/** Codes of OperationOutcome.issue.details: the batch error kinds (invalid_json, too_large, ...). */
export const RECORD_ERROR_SYSTEM = "https://dermcode.dev/fhir/CodeSystem/record-error";

export const EXT = {
  /** CodeableConcept, one per modifier in claim order (same shape as Claim.item.modifier). */
  modifier: `${EXTENSION_BASE}/charge-item-modifier`,
  /** decimal in [0, 1]: probability that the line (code + units) is right. */
  confidence: `${EXTENSION_BASE}/confidence`,
  /** string: one sentence saying which facts chose the code. */
  rationale: `${EXTENSION_BASE}/rationale`,
  /** complex: `start`, `end` (integers, UTF-16 offsets into the note) and `text`. */
  evidence: `${EXTENSION_BASE}/evidence`,
  /** string, repeating: lexicon rule ids behind the line or diagnosis. */
  ruleId: `${EXTENSION_BASE}/rule-id`,
  /** string: version of the lexicon that produced the suggestion. */
  lexiconVersion: `${EXTENSION_BASE}/lexicon-version`,
  /** complex: `kind` (code), `index` (integer, index into the result's procedures). */
  procedure: `${EXTENSION_BASE}/procedure`,
} as const;
