import type { CompiledLexicon } from "../lexicon/compile.ts";
import { attachTechnique } from "./attributes.ts";
import type { MentionIndex } from "./index-mentions.ts";
import type { EventScope } from "./scope.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * Intent separates a tangential biopsy from a shave removal: a "shave biopsy" of a lesion taken
 * off whole for its symptoms ("removed in its entirety ... for symptom relief") is a shave removal.
 */
export function applyRemovalIntent(
  e: ProcedureEvent,
  index: MentionIndex,
  lex: CompiledLexicon,
): void {
  if (e.kind !== "biopsy" || e.technique !== "tangential") return;
  const doc = index.doc;
  for (const a of e.anchors) {
    const s = doc.sentences[a.sentence]!;
    if (lex.removalIntent.findAll(doc.canon, s.firstToken, s.lastToken).length === 0) continue;
    e.kind = "shave";
    e.ruleIds.push(lex.source.procedures.removalIntent.id);
    return;
  }
}

/** Procedure kinds that cut tissue away: of an ulcer, wound or necrotic tissue, they debride it. */
const CUTS_AWAY = new Set(["excision", "shave"]);

/**
 * Debridement is of a wound: tissue excised from an ulcer or a necrotic wound ("necrotic fascia
 * was sharply excised") is an excisional debridement, and a "debridement" of anything else (a
 * tumour bed, an abscess cavity that is drained) is a step of that procedure, not billed alone.
 */
export function applyWoundDebridement(
  e: ProcedureEvent,
  scope: EventScope,
  index: MentionIndex,
): void {
  const wound = e.histology?.wound === true;
  if (wound && CUTS_AWAY.has(e.kind)) {
    e.kind = "debridement";
    e.codeKey = "excisional";
    e.technique = undefined;
    e.techniqueRank = undefined;
    attachTechnique(e, scope, index);
    e.ruleIds.push("group.wound-debridement");
    return;
  }
  if (e.kind !== "debridement" || wound || !e.assertion.billable) return;
  e.assertion = {
    ...e.assertion,
    billable: false,
    reason: e.histology
      ? `debridement of ${e.histology.text} is part of the procedure on it, not a wound debridement`
      : "debridement with no ulcer, wound or necrotic tissue named: not a wound debridement",
    ruleIds: [...e.assertion.ruleIds, "group.debridement-needs-wound"],
  };
  e.ruleIds.push("group.debridement-needs-wound");
}
