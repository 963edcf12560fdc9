import type { HistologyMention, SiteMention, SizeMention } from "../types.ts";
import { isLesionSize } from "./derive.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";
import { otherSide } from "./lesions.ts";
import type { ProcedureEvent } from "./types.ts";

const HEADER_SIZE_RULE = "group.diagnosis-header-size";

/**
 * "POSTOPERATIVE DIAGNOSIS: Intramuscular lipoma, right arm, approximately 6 cm. PROCEDURE:
 * Excision of intramuscular lipoma.": a soft-tissue tumour excised, or a wound debrided, with no
 * size of its own takes the one size its diagnosis header gives beside the same diagnosis (same
 * tumour, or for a debridement any wound), at no other site or side. The tumour's size chooses the
 * soft-tissue size band; the wound's length x width (or area) its debridement area.
 * Conservative: one size in the header sentence, and a tumour size goes to one excision only (two
 * tumours of one kind excised share no header size); the last diagnosis header wins
 * (postoperative over preoperative).
 */
export function attachHeaderSizes(
  events: ProcedureEvent[],
  index: MentionIndex,
  claimed: Set<SizeMention>,
): void {
  const headers = index.doc.sentences.filter((s) => s.section === "diagnosis").reverse();
  const takers = events.filter((e) => e.assertion.billable && wants(e));
  for (const e of takers) {
    for (const s of headers) {
      const size = headerSize(e, s.index, index, claimed);
      if (!size) continue;
      // Two tumours the header could describe: whose size it is is not known.
      if (
        e.kind === "excision" &&
        takers.some((o) => o !== e && o.kind === e.kind && fits(o, s.index, index))
      )
        break;
      e.sizes.push(size);
      e.ruleIds.push(HEADER_SIZE_RULE);
      break;
    }
  }
}

/** A soft-tissue excision or a debridement with no measurement of its own. */
function wants(e: ProcedureEvent): boolean {
  if (e.kind === "excision" && e.histology?.tissue === "soft")
    return (
      e.count === 1 &&
      !e.sizes.some((x) => x.unit === "cm" && x.role !== "margin" && x.role !== "repair")
    );
  if (e.kind === "debridement") return !e.sizes.some(measuresWound);
  return false;
}

/** A wound's length x width, or its area. */
function measuresWound(x: SizeMention): boolean {
  return (
    x.unit === "cm2" ||
    (x.unit === "cm" && x.dims.length >= 2 && x.role !== "margin" && x.role !== "repair")
  );
}

function headerSize(
  e: ProcedureEvent,
  s: number,
  index: MentionIndex,
  claimed: Set<SizeMention>,
): SizeMention | undefined {
  if (!fits(e, s, index)) return undefined;
  const sizes = inSentence(index, s, "size").filter(
    (x) => !claimed.has(x) && (e.kind === "debridement" ? measuresWound(x) : isLesionSize(x)),
  );
  return sizes.length === 1 ? sizes[0] : undefined;
}

/** The header sentence names the event's diagnosis, and no other site or side than its own. */
function fits(e: ProcedureEvent, s: number, index: MentionIndex): boolean {
  const h = e.histology;
  if (!h) return false;
  const named = inSentence(index, s, "histology").filter((x) => live(x, index));
  if (!named.some((x) => sameDiagnosis(e, h, x))) return false;
  const sites = inSentence(index, s, "site").filter((x) => !x.landmark && !x.donor);
  return !e.site || sites.length === 0 || sites.some((x) => sameSite(e.site!, x));
}

function sameDiagnosis(e: ProcedureEvent, h: HistologyMention, x: HistologyMention): boolean {
  if (x.histology === h.histology) return true;
  return e.kind === "debridement" && Boolean(h.wound && x.wound);
}

function sameSite(a: SiteMention, b: SiteMention): boolean {
  const region = a.softTissue !== undefined && a.softTissue === b.softTissue;
  return (a.site === b.site || region) && !otherSide(a, b);
}

function live(x: HistologyMention, index: MentionIndex): boolean {
  const a = index.assertions.get(x.id);
  return a?.negation !== "negated" && a?.experiencer !== "other";
}
