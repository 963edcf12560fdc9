import { inSentence, type MentionIndex } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/** Sections that say what the whole note is about. */
const HEADLINE = new Set(["procedure_title", "diagnosis"]);

/**
 * Is the procedure on the skin? A non-skin organ named with it ("biopsies of the gastric
 * antrum", "excisional biopsy of a cervical lymph node") says no; a skin diagnosis ("nevus",
 * "BCC", "papule") or a skin word ("cutaneous", "skin lesion") nearby says yes; "lesion",
 * "tumor", "mass" or "cyst" alone leave it open.
 */
export function skinEvidence(
  e: ProcedureEvent,
  near: number[],
  index: MentionIndex,
): ProcedureEvent["skin"] {
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  if ([...anchorSentences].some((s) => organIn(s, index))) return "organ";
  if (e.histology?.skinSpecific || e.lesions.some((l) => l.histology?.skinSpecific)) return "skin";
  if (e.anchors.some((a) => a.skinSpecific)) return "skin";
  if (near.some((s) => inSentence(index, s, "skin_word").length > 0)) return "skin";
  const headline = index.all.some(
    (m) => m.kind === "organ" && HEADLINE.has(index.doc.sentences[m.sentence]!.section),
  );
  return headline ? "organ" : "unknown";
}

/**
 * A non-skin word in the sentence, other than one inside a skin or soft-tissue diagnosis or a
 * depth phrase ("port-wine stain", "venous lake", "intramuscular lipoma", "intramuscular" as a
 * depth): those words are part of the lesion's name or layer, not an organ.
 */
function organIn(sentence: number, index: MentionIndex): boolean {
  const organs = inSentence(index, sentence, "organ");
  if (organs.length === 0) return false;
  const layers = [
    ...inSentence(index, sentence, "histology").filter(
      (h) => h.skinSpecific || h.tissue === "soft",
    ),
    ...inSentence(index, sentence, "technique").filter((t) => t.technique === "subfascial"),
  ];
  return organs.some((o) => !layers.some((l) => l.start <= o.start && o.end <= l.end));
}
