import { tokenAt } from "../text/tokens.ts";
import type { HistologyMention, SiteMention, SizeMention } from "../types.ts";
import {
  inSentence,
  isBillable,
  joinersBetween,
  LIST_JOINERS,
  type MentionIndex,
} from "./index-mentions.ts";
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

/** Sizes that measure a lesion (not a margin, repair, depth or area). */
const LESION_ROLES = new Set(["lesion", "unknown"]);

/**
 * "Shave removal of a 0.4 cm SK on the left cheek and a 1.2 cm SK on the back": one procedure
 * sentence naming several lesions, each with its own size and site, joined by "and" or commas.
 * Each lesion becomes its own event with the mentions of its part of the sentence, as a coder
 * codes each lesion by its own site and size.
 */
export function splitCoordinatedLesions(
  events: ProcedureEvent[],
  index: MentionIndex,
): ProcedureEvent[] {
  const out: ProcedureEvent[] = [];
  for (const e of events) {
    const perLesion =
      PER_LESION.has(e.kind) && (e.kind !== "destruction" || e.malignancy === "malignant");
    const parts =
      perLesion && e.assertion.billable
        ? ([lesionParts, clauseParts].map((f) => f(e, index)).find((p) => p.length >= 2) ?? [])
        : [];
    // A count in the sentence ("two SKs: ...") must agree with the lesions found.
    if (parts.length < 2 || (e.count > 1 && e.count !== parts.length)) out.push(e);
    else for (const part of parts) out.push(partEvent(e, part, index));
  }
  out.forEach((e, i) => {
    e.index = i;
    e.lesion = i;
  });
  return out;
}

/**
 * "Nevus of the left shoulder, 0.9 cm, removed by shave; SK of the right cheek, 0.6 cm,
 * removed by shave": one sentence naming the procedure once per lesion, the clauses joined by
 * ";" (or "and"). Each clause with its own site is one lesion.
 */
function clauseParts(e: ProcedureEvent, index: MentionIndex): Part[] {
  const bySentence = new Map<number, ProcedureEvent["anchors"]>();
  for (const a of e.anchors)
    if (!a.weak) bySentence.set(a.sentence, [...(bySentence.get(a.sentence) ?? []), a]);
  const found = [...bySentence].filter(([, list]) => list.length >= 2);
  if (found.length !== 1) return [];
  const [sentence, anchors] = found[0]!;
  const s = index.doc.sentences[sentence]!;
  const cuts: number[] = [];
  for (let k = 1; k < anchors.length; k++) {
    const cut =
      lastOf(index, anchors[k - 1]!.end, anchors[k]!.start, SEMICOLON) ??
      lastOf(index, anchors[k - 1]!.end, anchors[k]!.start, AND);
    if (cut === undefined) return [];
    cuts.push(cut);
  }
  const bounds = [s.start, ...cuts, s.end];
  const parts: Part[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [from, to] = [bounds[k]!, bounds[k + 1]!];
    const site = inSentence(index, sentence, "site").find((x) => x.start >= from && x.end <= to);
    if (!site) return [];
    parts.push({ sentence, site, from, to });
  }
  return parts;
}

const SEMICOLON: ReadonlySet<string> = new Set([";"]);
const AND: ReadonlySet<string> = new Set(["and"]);

/** Offset of the last token in [from, to) that is one of `norms`, or undefined. */
function lastOf(
  index: MentionIndex,
  from: number,
  to: number,
  norms: ReadonlySet<string>,
): number | undefined {
  const tokens = index.doc.tokens;
  let found: number | undefined;
  for (let i = tokenAt(tokens, from); i < tokens.length && tokens[i]!.start < to; i++)
    if (norms.has(tokens[i]!.norm)) found = tokens[i]!.start;
  return found;
}

interface Part {
  sentence: number;
  site: SiteMention;
  from: number;
  to: number;
}

/** The parts of the event's sentence that each name one lesion's size and site, or []. */
function lesionParts(e: ProcedureEvent, index: MentionIndex): Part[] {
  // The one sentence of the event that names several sites after its procedure word.
  const candidates = e.anchors.filter(
    (a) => inSentence(index, a.sentence, "site").filter((x) => x.start > a.start).length >= 2,
  );
  const anchor = candidates[0];
  if (!anchor || candidates.some((a) => a.sentence !== anchor.sentence)) return [];
  const sentence = anchor.sentence;
  const sites = inSentence(index, sentence, "site").filter((x) => x.start > anchor.start);
  const sizes = inSentence(index, sentence, "size").filter(
    (x) => x.start > anchor.start && LESION_ROLES.has(x.role),
  );
  if (sites.length < 2 || sizes.length !== sites.length) return [];
  // Pair each size with the site of its own clause: nothing joins them ("0.4 cm SK on the cheek").
  const pairs: { site: SiteMention; size: SizeMention }[] = [];
  for (const size of sizes) {
    const site = sites.find((x) => joinersBetween(index, size, x) === 0);
    if (!site || pairs.some((p) => p.site === site)) return [];
    pairs.push({ site, size });
  }
  pairs.sort((a, b) => Math.min(a.site.start, a.size.start) - Math.min(b.site.start, b.size.start));
  const s = index.doc.sentences[sentence]!;
  const parts: Part[] = [];
  let from = s.start;
  for (let k = 0; k < pairs.length; k++) {
    const next = pairs[k + 1];
    let to = s.end;
    if (next) {
      const end = Math.max(pairs[k]!.site.end, pairs[k]!.size.end);
      const cut = lastOf(index, end, Math.min(next.site.start, next.size.start), LIST_JOINERS);
      if (cut === undefined) return [];
      to = cut;
    }
    parts.push({ sentence, site: pairs[k]!.site, from, to });
    from = to;
  }
  return parts;
}

function partEvent(e: ProcedureEvent, part: Part, index: MentionIndex): ProcedureEvent {
  const sentence = part.sentence;
  const within = <T extends { start: number }>(list: T[]) =>
    list.filter((m) => m.start >= part.from && m.start < part.to);
  const sizes = within(inSentence(index, sentence, "size"));
  const named = within(inSentence(index, sentence, "histology"));
  const histology: HistologyMention | undefined =
    named.find((h) => h.malignancy !== "unknown") ?? named[0] ?? e.histology;
  return {
    ...e,
    site: part.site,
    siteInferred: false,
    sizes,
    ...(histology ? { histology } : {}),
    lesions: histology ? [{ histology, count: 1 }] : [],
    count: 1,
    countSource: "explicit",
    evidence: [...e.anchors, part.site, ...sizes, ...(histology ? [histology] : [])],
    issues: [],
  };
}
