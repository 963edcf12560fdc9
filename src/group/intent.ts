import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { MentionIndex } from "./index-mentions.ts";
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
