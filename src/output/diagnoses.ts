import { type DiagnosisFact, suggestDiagnoses } from "../coding/diagnoses.ts";
import { inSentence, type MentionIndex, ofKind } from "../group/index-mentions.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Diagnosis } from "../schemas/api.ts";
import type { HistologyMention, Issue } from "../types.ts";
import { spanOf } from "./result.ts";

const DIAGNOSIS_SECTIONS = new Set(["diagnosis", "assessment", "pathology"]);

/**
 * ICD-10-CM facts: one per billable procedure with a diagnosis, plus specific diagnoses named in
 * the diagnosis, assessment and pathology sections (history-of mentions give history codes).
 */
export function diagnosisFacts(
  events: ProcedureEvent[],
  order: Map<number, number>,
  index: MentionIndex,
): DiagnosisFact[] {
  const original = index.doc.original;
  const facts: DiagnosisFact[] = [];
  const used = new Set<number>();
  for (const e of events) {
    if (!e.histology || !e.assertion.billable || e.kind === "repair") continue;
    used.add(e.histology.id);
    facts.push({
      histology: e.histology.histology,
      malignancy: e.malignancy,
      pathology: e.pathology,
      ...(e.site?.icdSite ? { site: e.site.icdSite } : {}),
      ...(e.site?.eyelid ? { eyelid: e.site.eyelid } : {}),
      ...(e.site?.laterality ? { laterality: e.site.laterality } : {}),
      temporality: "recent",
      experiencer: "patient",
      evidence: [spanOf(original, e.histology)],
      procedures: [order.get(e.index)!],
      ruleIds: [e.histology.ruleId],
    });
  }
  for (const h of ofKind(index, "histology")) {
    if (used.has(h.id) || h.malignancy === "unknown") continue;
    if (!DIAGNOSIS_SECTIONS.has(index.doc.sentences[h.sentence]!.section)) continue;
    const fact = mentionFact(h, index);
    if (fact) facts.push(fact);
  }
  return facts;
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
