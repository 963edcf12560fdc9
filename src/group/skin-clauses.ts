import { OPERATION_JOIN } from "../text/grammar.ts";
import type { HistologyMention, Mention } from "../types.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * Where a non-skin word stands relative to a procedure: in its own clause or list item (it says
 * the procedure is not on the skin) or in another one (it belongs to another operation or place).
 */

/** Sections that say what the whole note is about. */
export const HEADLINE = new Set(["procedure_title", "diagnosis"]);
/** Joins two clauses or listed operations of one line: "and", "as well as", ";". */
export const CLAUSE_JOIN = OPERATION_JOIN.pattern;
/** The same, or a line break: the text between two mentions names two places or items. */
const JOIN_OR_LINE = new RegExp(`${CLAUSE_JOIN.source}|\\n`);

const joinedBetween = (index: MentionIndex, a: Mention, b: Mention) =>
  JOIN_OR_LINE.test(index.doc.lower.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));

/**
 * The non-skin word belongs to another item of the list. The event names its own kind in a
 * numbered item ("1. Incision and drainage of left gluteal abscess."); a generic word of an item
 * of another number that joined it ("2. Removal of pigtail catheter.") brings no evidence: the
 * catheter there is item 2's. Other items the event did not absorb still speak as before.
 */
export function otherItem(o: Mention, e: ProcedureEvent, index: MentionIndex): boolean {
  const sentences = index.doc.sentences;
  const own = e.anchors.filter((a) => a.procedure === e.kind);
  const here = e.anchors.filter((a) => a.sentence === o.sentence);
  if (here.length === 0 || here.some((a) => a.procedure === e.kind)) return false;
  const items = new Set(
    own
      .filter((a) => HEADLINE.has(sentences[a.sentence]!.section))
      .map((a) => index.listNumber.get(a.sentence))
      .filter((n) => n !== undefined),
  );
  if (items.size === 0) return false;
  const n = index.listNumber.get(o.sentence);
  return n !== undefined && !items.has(n);
}

/**
 * A skin diagnosis ("squamous cell carcinoma") placed on a non-skin organ in its own clause
 * ("of the left nasal cavity", ", left nasal cavity") is that organ's tumour, no skin evidence.
 */
export function skinDiagnosis(h: HistologyMention | undefined, index: MentionIndex): boolean {
  if (!h?.skinSpecific) return false;
  return !inSentence(index, h.sentence, "organ").some(
    (o) => !inLesionName(o, index) && !joinedBetween(index, h, o),
  );
}

/**
 * A non-skin word naming another place of the same title line, joined to the event's own site by
 * "and" / "as well as" ("Debridement of necrotic tissue of the left lower abdomen and left
 * peritoneal area"), with no procedure of its own in its clause: the other place does not make
 * the procedure at the event's site non-skin.
 */
export function otherPlace(o: Mention, e: ProcedureEvent, index: MentionIndex): boolean {
  const s = index.doc.sentences[o.sentence]!;
  if (!HEADLINE.has(s.section) || !e.site) return false;
  const site = e.site.site;
  const sites = inSentence(index, o.sentence, "site").filter(
    (x) => x.site === site && joinedBetween(index, x, o),
  );
  if (sites.length === 0) return false;
  return !inSentence(index, o.sentence, "procedure").some((p) =>
    sites.every((x) => !joinedBetween(index, p, o) && joinedBetween(index, p, x)),
  );
}

/**
 * The procedure itself is told on the skin: a sentence of its own anchors, or of a narrative
 * retelling it, names skin and no non-skin organ ("The necrotic skin and subcutaneous fat were
 * excised down to the fascia").
 */
export function skinDescribed(
  e: ProcedureEvent,
  told: readonly ProcedureEvent[],
  index: MentionIndex,
): boolean {
  const sentences = new Set([e, ...told].flatMap((x) => x.anchors.map((a) => a.sentence)));
  return [...sentences].some(
    (s) =>
      inSentence(index, s, "skin_word").length > 0 &&
      inSentence(index, s, "organ").every((o) => inLesionName(o, index)),
  );
}

/**
 * A non-skin word inside a skin or soft-tissue diagnosis, a technique phrase, a site phrase or a
 * procedure's own name ("port-wine stain", "intramuscular lipoma", "foreign body removal"), or
 * named as a landmark ("dissection around the tendon sheath").
 */
export function inLesionName(o: Mention, index: MentionIndex): boolean {
  const layers = [
    ...inSentence(index, o.sentence, "histology").filter(
      (h) => h.skinSpecific || h.tissue === "soft",
    ),
    ...inSentence(index, o.sentence, "technique"),
    ...inSentence(index, o.sentence, "procedure"),
  ];
  // "requiring dissection around the tendon sheath": an organ after a landmark cue is a place
  // the procedure passed by, not the one it was done in.
  if (o.kind === "organ" && o.landmark) return true;
  // A bone named as a landmark of a skin site ("plantar to the metatarsal head"); a site that is
  // the organ itself ("buccal mucosa") is no landmark.
  const landmark = inSentence(index, o.sentence, "site").some(
    (x) => x.start <= o.start && o.end <= x.end && x.end - x.start > o.end - o.start,
  );
  return landmark || layers.some((l) => l.start <= o.start && o.end <= l.end);
}
