import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc, ProcedureMention, TechniqueMention } from "../types.ts";
import { matchSentences, mentionBase } from "./match.ts";

/**
 * Procedure terms ("4 mm punch biopsy", "shave excision", "LN2", "ED&C", "layered closure") and
 * technique words that qualify a nearby procedure ("with a punch", "tangential").
 * "ignore" terms ("frozen section", "sutures removed") only block shorter matches.
 */
export function extractProcedures(doc: Doc, lex: CompiledLexicon): (ProcedureMention | TechniqueMention)[] {
  const out: (ProcedureMention | TechniqueMention)[] = [];
  for (const m of matchSentences(doc, lex.procedures)) {
    const t = m.payload;
    if (t.procedure === "ignore") continue;
    out.push({
      ...mentionBase(doc, "procedure", m.first, m.last, t.id, m.sentence),
      kind: "procedure",
      procedure: t.procedure,
      ...(t.technique ? { technique: t.technique } : {}),
      ...(t.repairType ? { repairType: t.repairType } : {}),
      ...(t.codeKey ? { codeKey: t.codeKey } : {}),
      ...(t.unsupported ? { unsupported: t.unsupported } : {}),
    });
  }
  for (const m of matchSentences(doc, lex.techniques)) {
    out.push({
      ...mentionBase(doc, "technique", m.first, m.last, m.payload.id, m.sentence),
      kind: "technique",
      technique: m.payload.technique,
      applies: m.payload.applies,
    });
  }
  return out;
}
