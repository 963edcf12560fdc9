import { type DiagnosisFact, suggestDiagnoses } from "../coding/diagnoses.ts";
import { inSentence, type MentionIndex, ofKind } from "../group/index-mentions.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Diagnosis } from "../schemas/api.ts";
import type { HistologyMention, Issue } from "../types.ts";
import { spanOf } from "./result.ts";

const DIAGNOSIS_SECTIONS = new Set([
  "diagnosis",
  "assessment",
  "pathology",
  "other",
  "exam",
  "procedure",
  "procedure_title",
]);

/**
 * ICD-10-CM facts: one per billable procedure with a diagnosis, plus specific diagnoses named in
 * the diagnosis, assessment and pathology sections (history-of mentions give history codes).
 */
export function diagnosisFacts(
  events: ProcedureEvent[],
  order: Map<number, number>,
  index: MentionIndex,
  supported: (e: ProcedureEvent) => boolean = () => true,
): DiagnosisFact[] {
  const facts: DiagnosisFact[] = [];
  const covered = new Set<string>();
  // Procedures done today first: their lesions' diagnoses are active; a procedure named only as
  // history adds a history code for a diagnosis no procedure of today treats. A procedure of
  // today that codes nothing and says nothing (no skin evidence) supports no diagnosis.
  const today = events.filter((e) => e.assertion.billable && e.kind !== "repair" && supported(e));
  // A history-of procedure gives a history code only on a visit that treats nothing else.
  const earlier = events.filter(
    (e) =>
      !e.assertion.billable && (today.length === 0 || e.assertion.temporality !== "historical"),
  );
  const ordered = [...today, ...earlier];
  for (const e of ordered) {
    if (e.kind === "repair") continue;
    const all = e.lesions.flatMap((l) => (l.histology ? [l.histology] : []));
    // A specific diagnosis beside a generic word ("pilar cyst" and "cyst") is the one to code.
    const specificNamed = all.filter((h) => h.skinSpecific && h.malignancy !== "unknown");
    const named = specificNamed.length > 0 ? specificNamed : all;
    // Pathology wins over the clinical impression of the same lesion.
    const list =
      e.histology?.fromPathology || named.length === 0 ? (e.histology ? [e.histology] : []) : named;
    let coded = false;
    // A procedure not done today ("planned resection of the tumor") codes only a named skin
    // diagnosis: a generic word ("tumor", "lesion") of another organ's note says nothing.
    const usable = e.assertion.billable ? list : list.filter((h) => h.malignancy !== "unknown");
    for (const h of new Map(usable.map((x) => [x.histology, x])).values()) {
      if (covered.has(h.histology)) continue;
      const fact = eventFact(e, h, order, index);
      if (!fact) continue;
      covered.add(h.histology);
      facts.push(fact);
      coded = true;
    }
    // A lesion biopsied today under a differential ("ddx DF vs BCC") is a neoplasm of
    // unspecified behaviour until the report is back.
    if (!coded && e.kind === "biopsy" && e.assertion.billable && !covered.has(PENDING_KEY)) {
      covered.add(PENDING_KEY);
      facts.push(pendingFact(e, order, index));
    }
  }
  const coded = facts.length > 0;
  for (const h of ofKind(index, "histology")) {
    if (covered.has(h.histology) || h.malignancy === "unknown" || !h.skinSpecific) continue;
    // With procedures coded, a diagnosis named elsewhere without a site adds only an unspecified code.
    if (coded && inSentence(index, h.sentence, "site").length === 0) continue;
    if (!DIAGNOSIS_SECTIONS.has(index.doc.sentences[h.sentence]!.section)) continue;
    const fact = mentionFact(h, index);
    // History codes belong to visits about the history, not to a visit that treats a lesion.
    if (fact?.temporality === "historical" && today.length > 0) continue;
    if (fact) {
      covered.add(h.histology);
      facts.push(fact);
    }
  }
  return facts;
}

/** Definitive treatments of a named cancer (not a biopsy of a suspected one) code the cancer. */
const DEFINITIVE = new Set(["excision", "destruction", "mohs", "shave"]);

function eventFact(
  e: ProcedureEvent,
  h: HistologyMention,
  order: Map<number, number>,
  index: MentionIndex,
): DiagnosisFact | undefined {
  const a = index.assertions.get(h.id);
  if (a && (a.negation === "negated" || a.experiencer === "other")) return undefined;
  // "If pathology shows BCC, excision will follow": a procedure not done today gives no code
  // for a diagnosis that is itself only supposed.
  if (!e.assertion.billable && a?.temporality === "hypothetical") return undefined;
  if (a?.negation === "possible" && h.malignancy !== "malignant" && h.malignancy !== "unknown")
    return undefined;
  const treated = DEFINITIVE.has(e.kind) && e.malignancy === "malignant" && e.pathology === "none";
  // A lesion sampled today waits for its report even when the note does not say "pending".
  const sampled =
    e.kind === "biopsy" &&
    e.assertion.billable &&
    e.pathology === "none" &&
    h.malignancy !== "premalignant";
  return {
    histology: h.histology,
    malignancy:
      sampled && h.malignancy !== "benign"
        ? "pending"
        : e.histology === h
          ? e.malignancy
          : h.malignancy,
    pathology: treated ? "final" : sampled ? "pending" : e.pathology,
    ...(e.site?.icdSite ? { site: e.site.icdSite } : {}),
    ...(e.site?.eyelid ? { eyelid: e.site.eyelid } : {}),
    ...(e.site?.laterality ? { laterality: e.site.laterality } : {}),
    // "History of BCC excision": the cancer was treated before; a diagnosis made earlier for a
    // lesion treated today ("BCC, bx-proven 2 wks ago") is still the active one.
    temporality:
      !e.assertion.billable && e.assertion.temporality === "historical" ? "historical" : "recent",
    experiencer: "patient",
    evidence: [spanOf(index.doc.original, h)],
    procedures: e.assertion.billable ? [order.get(e.index)!] : [],
    ruleIds: [h.ruleId],
  };
}

function mentionFact(h: HistologyMention, index: MentionIndex): DiagnosisFact | undefined {
  const a = index.assertions.get(h.id);
  if (a && (a.negation !== "affirmed" || a.temporality === "hypothetical")) return undefined;
  const site = inSentence(index, h.sentence, "site")[0];
  return {
    histology: h.histology,
    malignancy: h.malignancy,
    pathology: h.fromPathology ? "final" : "none",
    ...(site?.icdSite ? { site: site.icdSite } : {}),
    ...(site?.eyelid ? { eyelid: site.eyelid } : {}),
    ...(site?.laterality ? { laterality: site.laterality } : {}),
    temporality: a?.temporality === "historical" ? "historical" : "recent",
    experiencer: a?.experiencer ?? "patient",
    evidence: [spanOf(index.doc.original, h)],
    procedures: [],
    ruleIds: [h.ruleId],
  };
}

export function diagnosesFor(
  facts: DiagnosisFact[],
  lex: CompiledLexicon,
  issues: Issue[],
): Diagnosis[] {
  const { diagnoses, warnings } = suggestDiagnoses(facts, lex.icd10);
  for (const w of warnings) issues.push({ code: w.kind, message: w.message, severity: "warning" });
  return diagnoses;
}

const PENDING_KEY = "neoplasm_unspecified";

function pendingFact(
  e: ProcedureEvent,
  order: Map<number, number>,
  index: MentionIndex,
): DiagnosisFact {
  const at = e.histology ?? e.anchors[0]!;
  return {
    histology: PENDING_KEY,
    malignancy: "pending",
    pathology: "pending",
    ...(e.site?.icdSite ? { site: e.site.icdSite } : {}),
    ...(e.site?.laterality ? { laterality: e.site.laterality } : {}),
    temporality: "recent",
    experiencer: "patient",
    evidence: [spanOf(index.doc.original, at)],
    procedures: [order.get(e.index)!],
    ruleIds: [at.ruleId],
  };
}
