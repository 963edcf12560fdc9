import type { MentionIndex } from "./index-mentions.ts";
import { inSentence } from "./index-mentions.ts";
import { markNotBilled } from "./not-billed.ts";
import type { ProcedureEvent } from "./types.ts";

type Lesion = ProcedureEvent["lesions"][number];

const RETOLD = "group.retold-count";

/**
 * Lesions a note counts twice, told once as a list or an assessment and again in the narrative:
 *
 * - "A/P: Actinic keratoses of the face. 6 treated with LN2 today." then "PROCEDURE: The 6
 *   actinic keratoses were treated with liquid nitrogen": a count of a lesion type that an
 *   earlier billable event of the same kind counts with the same number, in another section, at
 *   a site that does not differ, tells those lesions again and adds none.
 * - "PROCEDURE: Destruction of benign lesions." then "8 common warts were frozen": an uncounted
 *   family word (a generic histology term with a destruction family) in a sentence naming no
 *   site, where the note counts lesions of that family, names those lesions and adds none.
 *
 * An event left with no lesions of its own is shown, not billed.
 */
export function markRetoldCounts(events: ProcedureEvent[], index: MentionIndex): void {
  const sectionOf = (sentence: number) => index.doc.sentences[sentence]!.sectionIndex;
  for (const e of events) {
    if (!e.assertion.billable || e.lesions.length === 0) continue;
    const told = new Map<Lesion, ProcedureEvent>();
    for (const c of counted(e)) {
      const l = c.lesion;
      if (!l.histology) continue;
      const earlier = events.find(
        (o) =>
          o !== e &&
          o.kind === e.kind &&
          o.assertion.billable &&
          sitesAgree(e, o) &&
          counted(o).some(
            (m) =>
              m.start < c.start &&
              sectionOf(m.sentence) !== sectionOf(c.sentence) &&
              m.lesion.count === l.count &&
              m.lesion.histology?.histology === l.histology!.histology,
          ),
      );
      if (earlier) told.set(l, earlier);
    }
    for (const l of e.lesions) {
      const h = l.histology;
      if (told.has(l) || !h?.generic || !h.destruction || l.countMention) continue;
      if (inSentence(index, h.sentence, "site").length > 0) continue;
      const counted = events.find(
        (o) =>
          o.kind === e.kind &&
          o.assertion.billable &&
          o.lesions.some(
            (m) =>
              m !== l &&
              !told.has(m) &&
              m.countMention !== undefined &&
              m.histology?.destruction === h.destruction,
          ),
      );
      if (counted) told.set(l, counted);
    }
    if (told.size === 0) continue;
    const removed = [...told.keys()].reduce((n, l) => n + l.count, 0);
    e.lesions = e.lesions.filter((l) => !told.has(l));
    if (e.lesions.length > 0) {
      e.ruleIds.push(RETOLD);
      e.count = Math.max(1, e.count - removed);
      continue;
    }
    const first = [...told.values()][0]!;
    markNotBilled(e, `the lesions counted in "${first.anchors[0]!.text}", told again`, RETOLD);
  }
}

/**
 * "PROCEDURES: 1. Excisional debridement, sacral wound, ..., 30 sq cm." then "DESCRIPTION: Sacral
 * wound: ... excised ... over the full 30 sq cm surface", "2. Full-thickness skin graft, left ear,
 * 4.4 sq cm." then "An FTSG measuring 2.2 x 2.0 cm was harvested": a procedure measured by its
 * area, told in another section by an earlier billable event of the same kind and code, at a site
 * that does not differ, with the same area (written in sq cm, or length by width), tells it
 * again: it is shown, not billed.
 */
export function markRetoldAreas(events: ProcedureEvent[], index: MentionIndex): void {
  const sections = (e: ProcedureEvent) =>
    new Set(e.anchors.map((a) => index.doc.sentences[a.sentence]!.sectionIndex));
  for (const e of events) {
    if (!e.assertion.billable || !AREA_KINDS.has(e.kind)) continue;
    const mine = areasOf(e);
    if (mine.length === 0) continue;
    const own = sections(e);
    const earlier = events.find(
      (o) =>
        o.index < e.index &&
        o.kind === e.kind &&
        o.codeKey === e.codeKey &&
        o.technique === e.technique &&
        o.assertion.billable &&
        sitesAgree(e, o) &&
        ![...sections(o)].some((s) => own.has(s)) &&
        areasOf(o).some((a) => mine.includes(a)),
    );
    if (!earlier) continue;
    markNotBilled(e, `the same area as "${earlier.anchors[0]!.text}", told again`, RETOLD_AREA);
  }
}

const RETOLD_AREA = "group.retold-area";
/** Procedures coded by the area they cover (wound debridement, skin grafts and flaps). */
const AREA_KINDS = new Set(["debridement", "flap"]);

/** Areas an event's sizes give, in tenths of a sq cm: written as an area, or length by width. */
function areasOf(e: ProcedureEvent): number[] {
  return e.sizes.flatMap((s) =>
    s.unit === "cm2"
      ? [Math.round(s.value * 10)]
      : s.dims.length >= 2
        ? [Math.round(s.dims[0]! * s.dims[1]! * 10)]
        : [],
  );
}

/**
 * An event's lesions counted by a number written in the note, with where the number stands: the
 * lesion's own count, or the event's ("6 treated with LN2 today") when it has one lesion type.
 */
function counted(e: ProcedureEvent): { lesion: Lesion; sentence: number; start: number }[] {
  const own = e.lesions.flatMap((lesion) =>
    lesion.countMention && !lesion.countMention.vague
      ? [{ lesion, sentence: lesion.countMention.sentence, start: lesion.countMention.start }]
      : [],
  );
  if (own.length > 0 || e.lesions.length !== 1 || e.countSource !== "explicit") return own;
  const c = e.evidence.find((m) => m.kind === "count" && m.count === e.count);
  return c ? [{ lesion: e.lesions[0]!, sentence: c.sentence, start: c.start }] : [];
}

/** Sites that do not tell two events apart: one has none (or an inferred one), or both share a site group. */
function sitesAgree(a: ProcedureEvent, b: ProcedureEvent): boolean {
  if (!a.site || !b.site || a.siteInferred || b.siteInferred) return true;
  return a.site.site === b.site.site || a.site.siteGroup === b.site.siteGroup;
}
