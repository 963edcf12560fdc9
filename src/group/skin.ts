import type { HistologyMention, Mention } from "../types.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";
import {
  CLAUSE_JOIN,
  HEADLINE,
  inLesionName,
  otherItem,
  otherPlace,
  skinDescribed,
  skinDiagnosis,
} from "./skin-clauses.ts";
import type { ProcedureEvent } from "./types.ts";

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
  told: readonly ProcedureEvent[] = [],
): ProcedureEvent["skin"] {
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  const describedOnSkin = skinDescribed(e, told, index);
  const counts = (o: Mention) =>
    !otherItem(o, e, index) && !(describedOnSkin && otherPlace(o, e, index));
  if ([...anchorSentences].some((s) => organIn(s, index, e, counts))) return "organ";
  const onSkin = (h: HistologyMention | undefined) => skinDiagnosis(h, index);
  if (onSkin(e.histology) || e.lesions.some((l) => onSkin(l.histology))) return "skin";
  if (e.anchors.some((a) => a.skinSpecific)) return "skin";
  // "Debridement of leg wound ... necrotic skin and subcutaneous tissue were sharply excised"
  // under a diagnosis of a healed fracture: the tissue removed says it is a wound debridement.
  if (removesWoundLayer(e, near, index)) return "skin";
  const title = titleOf(index);
  const ownItems = ownSitedItems(e, index);
  const titleOrgan = title.organs.some((o) => counts(o) && !inOtherItem(o, ownItems, index));
  if (titleOrgan && !title.skin) return "organ";
  if (near.some((s) => inSentence(index, s, "skin_word").length > 0)) return "skin";
  if (titleOrgan) return "organ";
  // "Hypergranulation tissue at the gastrostomy site was cauterized with silver nitrate": a
  // wound's tissue destroyed (proud flesh cauterized) with no organ named is a skin wound's.
  const woundDestroyed =
    e.kind === "destruction" &&
    (woundTissue(e.histology) || e.lesions.some((l) => woundTissue(l.histology)));
  return woundDestroyed ? "skin" : "unknown";
}

function woundTissue(h: HistologyMention | undefined): boolean {
  return h?.wound === true;
}

/**
 * A debridement whose own sentences name a skin or soft-tissue layer removed (lexicon technique
 * `woundLayer`) as its deepest layer: bone removed ("bone fragments excised") is no wound's.
 */
function removesWoundLayer(e: ProcedureEvent, near: number[], index: MentionIndex): boolean {
  if (e.kind !== "debridement" || e.technique === undefined) return false;
  return near.some((s) =>
    inSentence(index, s, "technique").some(
      (t) =>
        t.woundLayer === true &&
        t.technique === e.technique &&
        t.applies.includes(e.kind) &&
        index.assertions.get(t.id)?.negation !== "negated",
    ),
  );
}

/**
 * The numbered title or diagnosis items that name the procedure with its own lesion and site ("1.
 * Incision and drainage of left gluteal abscess."), as sentence indexes.
 */
function ownSitedItems(e: ProcedureEvent, index: MentionIndex): Set<number> {
  const out = new Set<number>();
  const sentences = index.doc.sentences;
  for (const a of e.anchors) {
    if (a.weak || a.procedure === "removal") continue;
    const s = a.sentence;
    if (!HEADLINE.has(sentences[s]!.section) || !index.listNumber.has(s)) continue;
    const sited = e.site && inSentence(index, s, "site").some((x) => x.site === e.site!.site);
    if (sited && inSentence(index, s, "histology").length > 0) out.add(s);
  }
  return out;
}

/**
 * A title organ in another numbered item than the ones naming the procedure at its site ("1.
 * Carpal tunnel release, right wrist. 2. Excision of lesion, right forearm."; a diagnosis list
 * "3. Intraperitoneal pigtail catheter.") belongs to that item's operation or problem.
 */
function inOtherItem(o: Mention, own: ReadonlySet<number>, index: MentionIndex): boolean {
  return own.size > 0 && !own.has(o.sentence) && index.listNumber.has(o.sentence);
}

/** What the note's title and diagnosis lines say, once per note (the same for every event). */
const titles = new WeakMap<MentionIndex, { organs: Mention[]; skin: boolean }>();

/**
 * A title naming a non-skin organ and nothing on the skin ("Excisional breast biopsy with needle
 * localization") outranks the skin words of the access and closure ("the skin incision was
 * closed"); a title that also names a skin lesion or word leaves them their say. Only the title
 * line itself says "skin": a long "PROCEDURE:" narrative is not a title.
 */
function titleOf(index: MentionIndex): { organs: Mention[]; skin: boolean } {
  const known = titles.get(index);
  if (known) return known;
  const sentences = index.doc.sentences;
  const inHeadline = (m: Mention) => HEADLINE.has(sentences[m.sentence]!.section);
  const titleLine = (m: Mention) => {
    const prev = sentences[m.sentence - 1];
    return inHeadline(m) && (!prev || prev.sectionIndex !== sentences[m.sentence]!.sectionIndex);
  };
  const found = {
    organs: index.all.filter((m) => m.kind === "organ" && inHeadline(m) && !inLesionName(m, index)),
    skin: index.all.some(
      (m) =>
        titleLine(m) &&
        (m.kind === "skin_word" || (m.kind === "histology" && skinDiagnosis(m, index))),
    ),
  };
  titles.set(index, found);
  return found;
}

/**
 * A non-skin word in the sentence, other than one inside a skin or soft-tissue diagnosis, a
 * technique phrase, a site phrase or a procedure's own name ("port-wine stain", "intramuscular lipoma",
 * "intramuscular" as a depth, "foreign body removal"): those words name the lesion, its layer or
 * the procedure, not an organ.
 */
function organIn(
  sentence: number,
  index: MentionIndex,
  e: ProcedureEvent,
  counts: (o: Mention) => boolean,
): boolean {
  const own = e.anchors.filter((a) => a.sentence === sentence);
  return inSentence(index, sentence, "organ").some(
    (o) => !inLesionName(o, index) && counts(o) && !own.every((a) => otherClause(o, a, index)),
  );
}

/** Where "and" or ";" joins two operations of a title's list ("Laparoscopic cholecystectomy and ..."). */
const JOINS = new RegExp(CLAUSE_JOIN.source);

/**
 * The organ belongs to another operation of the title's list: "and" or ";" stands between it and
 * the procedure, whose own clause names a skin lesion or skin word ("Laparoscopic cholecystectomy
 * and excision of a skin lesion"). "Excision of a breast mass and skin" keeps its organ.
 */
function otherClause(o: Mention, a: Mention, index: MentionIndex): boolean {
  const text = index.doc.lower;
  const s = index.doc.sentences[a.sentence]!;
  const prev = index.doc.sentences[a.sentence - 1];
  // Only a title line lists operations; a "PROCEDURE:" narrative is no list.
  if (!HEADLINE.has(s.section) || (prev && prev.sectionIndex === s.sectionIndex)) return false;
  if (!joined(text.slice(Math.min(a.end, o.end), Math.max(a.start, o.start)))) return false;
  let start = s.start;
  let end = s.end;
  for (const m of text.slice(s.start, s.end).matchAll(CLAUSE_JOIN)) {
    const at = s.start + m.index;
    if (at < a.start) start = at;
    else if (at >= a.end) {
      end = at;
      break;
    }
  }
  const inClause = (m: Mention) => m.start >= start && m.end <= end;
  return (
    inSentence(index, a.sentence, "skin_word").some(inClause) ||
    inSentence(index, a.sentence, "histology").some((h) => h.skinSpecific && inClause(h))
  );
}

const joined = (between: string) => JOINS.test(between);
