import type { HistologyMention } from "../types.ts";
import { inSentence, isBillable, type MentionIndex } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/** Procedures coded per lesion, whose list of lesions after a heading becomes one event each. */
const PER_LESION = new Set(["excision", "shave", "destruction"]);
const ITEM = /^\s*(?:#\s*\d{1,2}|\d{1,2}\s*[.)]|[-*\u2022])\s*/;

/**
 * "ED&C today:" followed by "1) R nasal sidewall BCC, 0.7 cm ..." and "2) L mid back BCC, 1.5
 * cm ...": a heading that names the procedure and a list of lesions, one per item, each with
 * its own site, size and diagnosis. The heading's event becomes one event per listed lesion.
 */
export function splitListedLesions(
  events: ProcedureEvent[],
  index: MentionIndex,
): ProcedureEvent[] {
  const out: ProcedureEvent[] = [];
  for (const e of events) {
    // Counted destructions (AKs, warts) add their lesions up anyway; only cancers are per lesion.
    const perLesion =
      PER_LESION.has(e.kind) && (e.kind !== "destruction" || e.malignancy === "malignant");
    const items = perLesion && e.assertion.billable ? listedItems(e, index) : [];
    if (items.length < 2) {
      out.push(e);
      continue;
    }
    for (const s of items) out.push(itemEvent(e, s, index));
  }
  out.forEach((e, i) => {
    e.index = i;
    e.lesion = i;
  });
  return out;
}

/** Item sentences right after the heading: each names a site and no procedure of its own. */
function listedItems(e: ProcedureEvent, index: MentionIndex): number[] {
  const doc = index.doc;
  const heading = e.anchors
    .map((a) => doc.sentences[a.sentence]!)
    .find((s) => doc.text.slice(s.start, s.end).trimEnd().endsWith(":"));
  if (!heading) return [];
  const last = heading.index;
  const items: number[] = [];
  for (let k = last + 1; k < doc.sentences.length; k++) {
    const s = doc.sentences[k]!;
    if (!ITEM.test(doc.text.slice(s.start, s.start + 6))) break;
    const ownProcedure = inSentence(index, k, "procedure").some(
      (p) => !p.weak && isBillable(index, p),
    );
    if (ownProcedure || inSentence(index, k, "site").length === 0) return [];
    items.push(k);
  }
  return items;
}

function itemEvent(e: ProcedureEvent, sentence: number, index: MentionIndex): ProcedureEvent {
  const site = inSentence(index, sentence, "site")[0]!;
  const named = inSentence(index, sentence, "histology");
  const histology: HistologyMention | undefined =
    named.find((h) => h.malignancy !== "unknown") ?? named[0] ?? e.histology;
  const sizes = inSentence(index, sentence, "size");
  return {
    ...e,
    scope: [...e.scope, sentence],
    site,
    siteInferred: false,
    sizes,
    ...(histology ? { histology } : {}),
    lesions: histology ? [{ histology, count: 1 }] : [],
    count: 1,
    countSource: "explicit",
    evidence: [...e.anchors, site, ...sizes, ...(histology ? [histology] : [])],
    issues: [],
  };
}
