import type { CountMention } from "../types.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

const PER_LESION = new Set(["biopsy", "shave", "excision", "mohs"]);

/**
 * Lesion counts of an event. A count next to a lesion word counts that lesion type ("4 SKs and
 * 6 verrucae"); a bare "x 12" or "#1-#4" counts the event; otherwise several distinct sites
 * named after a per-lesion procedure count one lesion each ("punch bx of L arm and R thigh").
 */
export function attachCounts(e: ProcedureEvent, near: number[], index: MentionIndex): void {
  const anchorSentences = e.anchors.map((a) => a.sentence);
  const sentences = [...new Set([...anchorSentences, ...near.slice(0, anchorSentences.length + 2)])];
  const counts = sentences.flatMap((s) => inSentence(index, s, "count")).filter((c) => !c.ordinal);
  dedupeLesions(e);
  let explicit = false;
  let eventCount: CountMention | undefined;
  for (const c of counts) {
    const lesion = c.target !== undefined ? e.lesions.find((l) => l.histology?.start === c.target) : undefined;
    if (lesion) {
      lesion.count = c.count;
      lesion.countMention = c;
      explicit = true;
    } else if (!eventCount || c.vague === undefined) eventCount = eventCount ?? c;
    e.evidence.push(c);
  }
  if (explicit) {
    e.count = e.lesions.reduce((sum, l) => sum + l.count, 0);
    e.countSource = counts.some((c) => c.vague) ? "vague" : "explicit";
  } else if (eventCount) {
    e.count = eventCount.count;
    e.countSource = eventCount.vague ? "vague" : "explicit";
    if (e.lesions.length === 1) e.lesions[0]!.count = eventCount.count;
  } else inferCount(e, index);
}

/** Repeated mentions of one lesion type without their own counts are one lesion entry. */
function dedupeLesions(e: ProcedureEvent): void {
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  const own = e.lesions.filter((l) => l.histology && anchorSentences.has(l.histology.sentence));
  const list = own.length > 0 ? own : e.lesions.slice(0, 1);
  const specific = list.filter((l) => l.histology?.malignancy !== "unknown");
  const seen = new Set<string>();
  e.lesions = (specific.length > 0 ? specific : list).filter((l) => {
    const key = l.histology?.histology ?? "";
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function inferCount(e: ProcedureEvent, index: MentionIndex): void {
  if (!PER_LESION.has(e.kind)) return;
  const anchor = e.anchors[0]!;
  const sites = inSentence(index, anchor.sentence, "site").filter((s) => s.start > anchor.start);
  const distinct = new Set(sites.map((s) => `${s.site}|${s.laterality ?? ""}`));
  if (distinct.size > 1 && e.kind === "biopsy") {
    e.count = distinct.size;
    e.countSource = "inferred";
  }
}
