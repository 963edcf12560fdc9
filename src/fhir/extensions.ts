/**
 * Builders for dermcode's extensions (URLs in urls.ts) and the codings they carry.
 */
import type { Span } from "../schemas/api.ts";
import type { CodeableConcept, Extension } from "./types.ts";
import { CPT_SYSTEM, EXT, HCPCS_SYSTEM } from "./urls.ts";

export function confidenceExtension(confidence: number): Extension {
  return { url: EXT.confidence, valueDecimal: confidence };
}

export function rationaleExtension(rationale: string): Extension[] {
  return rationale === "" ? [] : [{ url: EXT.rationale, valueString: rationale }];
}

/** One extension per span: start and end offsets (UTF-16 code units) and the covered text. */
export function evidenceExtensions(spans: readonly Span[]): Extension[] {
  return spans.map((s) => ({
    url: EXT.evidence,
    extension: [
      { url: "start", valueInteger: s.start },
      { url: "end", valueInteger: s.end },
      ...(s.text === "" ? [] : [{ url: "text", valueString: s.text }]),
    ],
  }));
}

export function ruleIdExtensions(ruleIds: readonly string[]): Extension[] {
  return ruleIds.filter((id) => id !== "").map((id) => ({ url: EXT.ruleId, valueString: id }));
}

export function lexiconVersionExtension(version: string): Extension[] {
  return version === "" ? [] : [{ url: EXT.lexiconVersion, valueString: version }];
}

export function procedureExtension(kind: string, index: number): Extension {
  return {
    url: EXT.procedure,
    extension: [
      ...(kind === "" ? [] : [{ url: "kind", valueCode: kind }]),
      { url: "index", valueInteger: index },
    ],
  };
}

/**
 * A CPT/HCPCS modifier as Claim.item.modifier carries it: two-digit modifiers ("25", "59") are
 * CPT (Level I), letter modifiers ("XS", "RT") HCPCS Level II.
 */
export function modifierExtension(modifier: string): Extension {
  return { url: EXT.modifier, valueCodeableConcept: modifierConcept(modifier) };
}

export function modifierConcept(modifier: string): CodeableConcept {
  const system = /^\d{2}$/.test(modifier) ? CPT_SYSTEM : HCPCS_SYSTEM;
  return { coding: [{ system, code: modifier }] };
}
