import { AND, COMMA, LIST_JOINERS } from "../text/grammar.ts";
import type {
  Doc,
  HistologyMention,
  ProcedureMention,
  SiteMention,
  SizeMention,
  TechniqueMention,
} from "../types.ts";
import {
  bridgesToItem,
  type CountedHeading,
  countedHeading,
  listCountIssue,
} from "./counted-list.ts";
import { isLesionSize } from "./derive.ts";
import {
  endsWithColon,
  inSentence,
  isBillable,
  itemNumber,
  joinersBetween,
  lastTokenIn,
  type MentionIndex,
  tokensIn,
} from "./index-mentions.ts";
import { inOwnClause } from "./own-clauses.ts";
import { placeKey } from "./places.ts";
import type { ProcedureEvent } from "./types.ts";

/** Procedures coded per lesion, whose list of lesions after a heading becomes one event each. */
const PER_LESION = new Set(["excision", "shave", "destruction"]);

/** Whether events of this kind are split into one event per lesion after clustering. */
export function splitPerLesion(kind: string): boolean {
  return PER_LESION.has(kind);
}
/** A sentence opening a list item: "#2", "(2)", "3.", "1)", or a bullet ("-", "*", "•"). */
const LIST_ITEM_LINE = /^\s*(?:#\s*\d{1,2}|\(\d{1,2}\)|\d{1,2}\s*[.)](?!\d)|[-*\u2022])\s*/;

/** Sentence k opens a list item by its marker ("#2", "(2)", "3.", "1)", "-", "*", "•"). */
export function opensListItem(doc: Doc, k: number): boolean {
  const s = doc.sentences[k]!;
  return LIST_ITEM_LINE.test(doc.text.slice(s.start, s.start + 6));
}
/** An inline first item after a procedure: "Shave removal: (1) ...", "ED&C 1) ...", "... #1 ...". */
const FIRST_ITEM = /(?:^|[\s:,])(?:\(1\)|1\)|#\s?1\b)/;

/**
 * One item of a list of lesions: its sentences (the one opening it, then those continuing it on
 * its line) and where in the first one the item begins (after the heading's words when the first
 * item is written inline: "Shave removal: (1) ...").
 */
interface Item {
  sentences: number[];
  from: number;
}

/**
 * One event per lesion for the procedures coded per lesion, when one event names several:
 * - "ED&C today:" followed by "1) R nasal sidewall BCC, 0.7 cm ..." and "2) L mid back BCC,
 *   1.5 cm ...": a heading that names the procedure and a list of lesions, one per item;
 * - "Shave removal: (1) ISK L back 1.2 cm; (2) ISK R arm 0.8 cm.": the same list written inline,
 *   its first item in the heading's sentence (the sentences split before "(2)");
 * - "Shave removal of a 0.4 cm SK on the left cheek and a 1.2 cm SK on the back": one sentence
 *   naming several lesions, each with its own size and site, joined by "and" or commas;
 * - "Nevus of the left shoulder, 0.9 cm, removed by shave; SK of the right cheek, 0.6 cm,
 *   removed by shave": one sentence naming the procedure once per lesion.
 * Each lesion gets the site, sizes and diagnosis of its own item or part of the sentence.
 */
export function splitLesions(events: ProcedureEvent[], index: MentionIndex): ProcedureEvent[] {
  const out: ProcedureEvent[] = [];
  for (const e of events) {
    // Counted destructions (AKs, warts) add their lesions up anyway; only cancers are per lesion.
    const perLesion =
      PER_LESION.has(e.kind) &&
      (e.kind !== "destruction" || e.malignancy === "malignant") &&
      e.assertion.billable;
    const list = perLesion || perWound(e) ? listedItems(e, index, events) : undefined;
    if (list && list.items.length >= 2) {
      const { items, counted } = list;
      for (const item of items) out.push(itemEvent(e, item, items, index));
      const issue = counted ? listCountIssue(counted) : undefined;
      if (issue) out[out.length - items.length]!.issues.push(issue);
      continue;
    }
    const wounds = perWound(e) ? woundParts(e, index, events) : [];
    if (wounds.length >= 2) {
      for (const part of wounds) out.push(partEvent(e, part, index));
      continue;
    }
    const parts = perLesion ? sentenceParts(e, index) : [];
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

/** The mentions that anchor the other events of the event's kind. */
function anchorsOfOthers(
  e: ProcedureEvent,
  events: readonly ProcedureEvent[],
): ReadonlySet<ProcedureMention> {
  return new Set(events.filter((o) => o !== e && o.kind === e.kind).flatMap((o) => o.anchors));
}

/**
 * Item sentences right after the heading: each names a site and no procedure but the event's own
 * words and the closure of its wound. An item naming another event of the heading's kind is that
 * event's lesion ("Excisions x3:" then "#1 Scalp: 1.0 cm cyst, excised ...", "#2 Back: ...
 * excised ...", "#3 Left cheek: 0.8 cm nevus, 1 mm margins"): the heading is over the list, and
 * the items naming no procedure are its lesions too. The heading is a sentence ending with a
 * colon, or one counting the numbered items that follow it ("Two cysts excised." then "Cyst 1,
 * back: ..." and "Cyst 2, arm: ..."; `counted`), or the event's sentence whose first item follows
 * its procedure word inline. A sentence continuing an item on its line belongs to that item ("A.
 * Right cheek: BCC, 1.2 cm. Excised with 3 mm margins."); one naming a procedure of another kind
 * ends the list.
 */
function listedItems(
  e: ProcedureEvent,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): { items: Item[]; counted?: CountedHeading } | undefined {
  const doc = index.doc;
  const own = new Set(e.anchors);
  const otherOfKind = anchorsOfOthers(e, events);
  let counted: CountedHeading | undefined;
  const heading = e.anchors
    .map((a) => doc.sentences[a.sentence]!)
    .find((s) => {
      counted = countedHeading(index, s.index);
      return counted !== undefined || endsWithColon(index, s.index);
    });
  const first = heading ? undefined : inlineFirstItem(e, index);
  if (!heading && !first) return undefined;
  // The procedures of sentence k from offset `from` on, but the event's own words and closures.
  const proceduresIn = (k: number, from: number) =>
    inSentence(index, k, "procedure").filter(
      (p) =>
        p.start >= from &&
        !p.weak &&
        isBillable(index, p) &&
        !own.has(p) &&
        p.procedure !== "repair",
    );
  const ofOther = (procedures: readonly ProcedureMention[]) =>
    procedures.length > 0 && procedures.every((p) => otherOfKind.has(p));
  const items: Item[] = [];
  // The item being read (undefined when it is another event's lesion) and its number.
  let current: Item | undefined;
  let currentNumber: number | undefined;
  // Reads the item opening at sentence k (offset `from`); false when it ends the whole list.
  const open = (k: number, from: number): boolean => {
    current = undefined;
    const procedures = proceduresIn(k, from);
    if (ofOther(procedures)) return true;
    if (procedures.length > 0 || !inSentence(index, k, "site").some((x) => x.start >= from))
      return false;
    current = { sentences: [k], from };
    items.push(current);
    return true;
  };
  if (first) {
    currentNumber = 1;
    if (!open(first.sentence, first.from)) return undefined;
  }
  const start = heading?.index ?? first!.sentence;
  const section = doc.sentences[start]!.sectionIndex;
  for (let k = start + 1; k < doc.sentences.length; k++) {
    const s = doc.sentences[k]!;
    if (s.sectionIndex !== section) break;
    if (!index.itemOpens.has(k) && !opensListItem(doc, k)) {
      // A sentence on the line of the item before: its procedure of the kind makes the item that
      // event's lesion; one of another kind ends the list.
      const item = index.itemNumber.get(k);
      // A closure on a line of its own between two items continues the item before it.
      if (item === undefined && currentNumber && bridgesToItem(index, k, currentNumber)) {
        current?.sentences.push(k);
        continue;
      }
      if (item === undefined || item !== currentNumber) break;
      const procedures = proceduresIn(k, s.start);
      if (ofOther(procedures)) {
        if (current) items.splice(items.indexOf(current), 1);
        current = undefined;
      } else if (procedures.length > 0) break;
      else current?.sentences.push(k);
      continue;
    }
    currentNumber = index.itemNumber.get(k);
    if (!open(k, s.start)) return undefined;
  }
  return { items, ...(counted ? { counted } : {}) };
}

/**
 * "Shave removal: (1) ISK L back 1.2 cm;" before "(2) ISK R arm 0.8 cm.": the first item of a
 * list written inline after the event's procedure word, when the next sentence opens item 2.
 */
function inlineFirstItem(
  e: ProcedureEvent,
  index: MentionIndex,
): { sentence: number; from: number } | undefined {
  const doc = index.doc;
  // A debridement list may be headed by a generic word ("Debridement of wounds: (1) ...").
  const anchor = e.anchors.find((a) => !a.weak) ?? (perWound(e) ? e.anchors[0] : undefined);
  const s = anchor && doc.sentences[anchor.sentence];
  const next = s && doc.sentences[s.index + 1];
  if (!s || !next || next.sectionIndex !== s.sectionIndex) return undefined;
  if (itemNumber(doc.text, next.start, next.end) !== 2) return undefined;
  const tail = doc.text.slice(anchor.end, s.end);
  const match = FIRST_ITEM.exec(tail);
  if (!match) return undefined;
  const from = anchor.end + match.index + match[0].length - match[0].trimStart().length;
  // The item's own words ("(1) ... excised") are not the heading's; a wound's own "debrided" is
  // only its part of the heading's debridement.
  const heading = (a: ProcedureMention) => a.weak === true && perWound(e) && a !== anchor;
  if (e.anchors.some((a) => a.sentence === s.index && a.start >= from && !heading(a)))
    return undefined;
  return { sentence: s.index, from };
}

/** The event of one item: the heading's words and the item's own, not another item's. */
function itemEvent(
  e: ProcedureEvent,
  item: Item,
  items: Item[],
  index: MentionIndex,
): ProcedureEvent {
  const within = (i: Item) => (m: { sentence: number; start: number }) =>
    i.sentences.includes(m.sentence) && m.start >= i.from;
  const inItem = within(item);
  const inAnyItem = (m: { sentence: number; start: number }) => items.some((i) => within(i)(m));
  const ofItem = <K extends "size" | "histology">(kind: K) =>
    item.sentences.flatMap((k) => inSentence(index, k, kind)).filter(inItem);
  const site = inSentence(index, item.sentences[0]!, "site").find(inItem)!;
  const anchors = e.anchors.filter((a) => inItem(a) || !inAnyItem(a));
  const lesion = lesionEvent({ ...e, anchors }, site, ofItem("size"), ofItem("histology"));
  // The layers of the heading and of every item are read, so that an item naming no layer of
  // its own takes the heading's, never another item's.
  if (perWound(e)) {
    const read = [
      ...new Set([...e.anchors.map((a) => a.sentence), ...items.flatMap((i) => i.sentences)]),
    ];
    ownLayer(lesion, e, read, inItem, (m) => inAnyItem(m) && !inItem(m), index);
  }
  return { ...lesion, scope: [...e.scope, ...item.sentences] };
}

/** The event of one lesion of `e`: its own site, sizes and diagnosis (else `e`'s diagnosis). */
function lesionEvent(
  e: ProcedureEvent,
  site: SiteMention,
  sizes: SizeMention[],
  named: HistologyMention[],
): ProcedureEvent {
  const histology = named.find((h) => h.malignancy !== "unknown") ?? named[0] ?? e.histology;
  return {
    ...e,
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

/** The parts of one sentence that each name one lesion: by size and site pairs, else by clause. */
function sentenceParts(e: ProcedureEvent, index: MentionIndex): Part[] {
  const bySize = lesionParts(e, index);
  if (bySize.length >= 2) return bySize;
  const byClause = clauseParts(e, index);
  return byClause.length >= 2 ? byClause : countedParts(e, index);
}

/**
 * "Two separate cysts were excised from the back: 1.5 cm and 2.5 cm, each with 1 mm margins":
 * as many lesion sizes as the stated count, at one site, are one lesion each; the sentence's
 * margins apply to all of them.
 */
function countedParts(e: ProcedureEvent, index: MentionIndex): Part[] {
  if (e.count < 2 || !e.site) return [];
  const anchor = e.anchors.find((a) => !a.weak) ?? e.anchors[0]!;
  // Sizes after another procedure named later in the sentence are that procedure's.
  const own = new Set(e.anchors);
  const next = inSentence(index, anchor.sentence, "procedure").find(
    (p) => p.start > anchor.end && !own.has(p),
  );
  const sizes = inSentence(index, anchor.sentence, "size").filter(
    (x) => isLesionSize(x) && inOwnClause(e, x) && (next === undefined || x.start < next.start),
  );
  if (sizes.length !== e.count) return [];
  const span = clauseSpan(e, anchor.sentence, index);
  const parts: Part[] = [];
  for (let k = 0; k < sizes.length; k++) {
    const from = k === 0 ? span.from : sizes[k]!.start;
    const to = k + 1 < sizes.length ? sizes[k + 1]!.start : span.to;
    parts.push({ sentence: anchor.sentence, site: e.site, from, to, shared: true });
  }
  return parts;
}

/** The event's own clause of a sentence it shares with another procedure, else the sentence. */
function clauseSpan(e: ProcedureEvent, sentence: number, index: MentionIndex) {
  const s = index.doc.sentences[sentence]!;
  return e.clauses?.get(sentence) ?? { from: s.start, to: s.end };
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
      lastTokenIn(index, anchors[k - 1]!.end, anchors[k]!.start, SEMICOLON) ??
      lastTokenIn(index, anchors[k - 1]!.end, anchors[k]!.start, AND);
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

export interface Part {
  sentence: number;
  site: SiteMention;
  from: number;
  to: number;
  /** The part's own lesion size plus the sizes of the sentence that are not lesion sizes. */
  shared?: boolean;
  /** Margins written once after the whole list ("..., 2 mm margins"): every lesion's. */
  listMargins?: SizeMention[];
  /** A wound of a debridement list: its layer is read from its own part or the list's heading. */
  layers?: boolean;
  /** Where the list's first wound is named (the heading before it is every wound's). */
  listStart?: number;
  /**
   * A wound told in a sentence of its own under a heading: its layer is its sentence's, else
   * one of these (the heading's).
   */
  sentenceLayers?: { heading: TechniqueMention[]; listed: TechniqueMention[] };
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
  // In a sentence telling another procedure too, only this one's own clause lists its lesions.
  const sites = inSentence(index, sentence, "site").filter(
    (x) => x.start > anchor.start && inOwnClause(e, x),
  );
  const sizes = inSentence(index, sentence, "size").filter(
    (x) => x.start > anchor.start && LESION_ROLES.has(x.role) && inOwnClause(e, x),
  );
  if (sizes.length < 2 || sites.length < sizes.length) return [];
  // Pair each size with the site of its own clause: nothing joins them ("0.4 cm SK on the cheek"),
  // else the size follows its site after one comma ("a BCC of the upper back, 1.1 cm, and a 5 mm
  // SCC of the nose": the item's size stands after its site, before the joiner of the next item).
  // A site no size pairs with ("removed from the face by shave: 0.3 cm on the nose, ...") is
  // the region the list is in.
  const pairs: { site: SiteMention; size: SizeMention }[] = [];
  const unpaired = (x: SiteMention) => !pairs.some((p) => p.site === x);
  for (const size of sizes) {
    const site =
      sites.find((x) => joinersBetween(index, size, x) === 0 && unpaired(x)) ??
      sizeAfterSite(size, sites, sizes, index);
    if (!site || !unpaired(site)) return [];
    pairs.push({ site, size });
  }
  pairs.sort((a, b) => Math.min(a.site.start, a.size.start) - Math.min(b.site.start, b.size.start));
  const span = clauseSpan(e, sentence, index);
  const parts: Part[] = [];
  let from = span.from;
  for (let k = 0; k < pairs.length; k++) {
    const next = pairs[k + 1];
    let to = span.to;
    if (next) {
      const end = Math.max(pairs[k]!.site.end, pairs[k]!.size.end);
      const nextStart = Math.min(next.site.start, next.size.start);
      const cut =
        lastTokenIn(index, end, nextStart, LIST_JOINERS) ??
        itemMarkerIn(index, sentence, end, nextStart);
      if (cut === undefined) return [];
      to = cut;
    }
    parts.push({ sentence, site: pairs[k]!.site, from, to });
    from = to;
  }
  const last = pairs[pairs.length - 1]!;
  const tail = Math.max(last.site.end, last.size.end);
  const listMargins = inSentence(index, sentence, "size").filter(
    (x) => x.role === "margin" && x.start > tail && inOwnClause(e, x),
  );
  if (listMargins.length > 0) for (const part of parts) part.listMargins = listMargins;
  return parts;
}

/**
 * "... of the upper back, 1.1 cm, and ...": the site a size follows after one comma and nothing
 * else of the list (no other site or size between them), or undefined.
 */
function sizeAfterSite(
  size: SizeMention,
  sites: readonly SiteMention[],
  sizes: readonly SizeMention[],
  index: MentionIndex,
): SiteMention | undefined {
  const site = sites.findLast((x) => x.end <= size.start);
  if (!site || sizes.some((x) => x !== size && x.start >= site.end && x.end <= size.start))
    return undefined;
  const joiners = tokensIn(index, site.end, size.start, LIST_JOINERS);
  return joiners.length === 1 && tokensIn(index, site.end, size.start, COMMA).length === 1
    ? site
    : undefined;
}

/**
 * Offset of the last inline item marker ("(2)", "2)", "#2") in [from, to) of the note: "1) ISK L
 * back 1.5 cm 2) ISK R arm 0.5 cm" lists its lesions with no comma or "and" between them.
 */
function itemMarkerIn(
  index: MentionIndex,
  sentence: number,
  from: number,
  to: number,
): number | undefined {
  return inlineItemMarkers(index, sentence)
    .filter((m) => m >= from && m < to)
    .at(-1);
}

/**
 * Offsets of the inline item markers of one sentence ("1) L forearm 2.6 cm 2) L hand 2.0 cm 3)
 * ..."): "(n)", "n)" or "#n" numbered in sequence from 1 (or from the item the sentence opens),
 * so a bracketed number of another kind ("(1.5 x 2)") is no item.
 */
export function inlineItemMarkers(index: MentionIndex, sentence: number): number[] {
  const memo = markerMemo.get(index) ?? new Map<number, number[]>();
  markerMemo.set(index, memo);
  const known = memo.get(sentence);
  if (known) return known;
  const s = index.doc.sentences[sentence]!;
  const tokens = index.doc.tokens;
  const out: number[] = [];
  let expected = (index.listNumber.get(sentence) ?? 0) + 1;
  for (let i = s.firstToken; i + 1 < s.lastToken; i++) {
    const [t, next, after] = [tokens[i]!.norm, tokens[i + 1]!.norm, tokens[i + 2]?.norm];
    const open = t === "(" && WHOLE.test(next) && after === ")";
    const closed = WHOLE.test(t) && next === ")" && tokens[i - 1]?.norm !== "(";
    const hash = t === "#" && WHOLE.test(next);
    if (!open && !closed && !hash) continue;
    const n = Number.parseInt(closed ? t : next, 10);
    if (n !== expected && n !== 1) continue;
    out.push(tokens[i]!.start);
    expected = n + 1;
  }
  memo.set(sentence, out);
  return out;
}

const markerMemo = new WeakMap<MentionIndex, Map<number, number[]>>();

/** How many inline item markers of its sentence stand between two spans of one sentence. */
export function markersBetween(
  index: MentionIndex,
  sentence: number,
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  const [from, to] = [Math.min(a.end, b.end), Math.max(a.start, b.start)];
  return inlineItemMarkers(index, sentence).filter((m) => m >= from && m < to).length;
}

const WHOLE = /^\d{1,2}$/;

/** Debridements are coded per depth: each wound of a list keeps its own layer and area. */
function perWound(e: ProcedureEvent): boolean {
  return e.kind === "debridement" && e.assertion.billable;
}

/**
 * "Excisional debridement of sacral ulcer to subcutaneous tissue, 30 sq cm, and of R heel ulcer
 * including bone, 5 sq cm": one sentence naming several wounds (ulcers, wounds, necrotic tissue)
 * at different sites after its debridement word. Each wound's part runs from the list joiner
 * before it to the next one's; its site, area and layer are its own.
 */
function woundParts(
  e: ProcedureEvent,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): Part[] {
  const bySentence = headingWounds(e, index, events);
  if (bySentence.length >= 2) return bySentence;
  const anchor = e.anchors.find((a) => !a.weak);
  if (!anchor) return [];
  const sentence = anchor.sentence;
  const sites = inSentence(index, sentence, "site");
  const wounds = inSentence(index, sentence, "histology").filter(
    (h) => h.wound && h.start > anchor.start,
  );
  if (wounds.length < 2) return [];
  // A wound's own site: the one overlapping or right before it ("R heel ulcer", "ulcer of the heel").
  const siteOf = (h: HistologyMention) =>
    sites.find((x) => x.start < h.end && h.start < x.end) ??
    sites.find((x) => x.start >= h.end && joinersBetween(index, h, x) === 0) ??
    sites.findLast((x) => x.end <= h.start && joinersBetween(index, x, h) === 0);
  const placed = wounds.map((h) => ({ h, site: siteOf(h) }));
  if (placed.some((w) => !w.site) || new Set(placed.map((w) => w.site!.site)).size < 2) return [];
  const s = index.doc.sentences[sentence]!;
  const listStart = Math.min(placed[0]!.h.start, placed[0]!.site!.start);
  const parts: Part[] = [];
  let from = s.start;
  for (let k = 0; k < placed.length; k++) {
    const next = placed[k + 1];
    let to = s.end;
    if (next) {
      const start = Math.min(next.h.start, next.site!.start);
      const cut = lastTokenIn(index, placed[k]!.h.end, start, LIST_JOINERS);
      if (cut === undefined) return [];
      to = cut;
    }
    parts.push({ sentence, site: placed[k]!.site!, from, to, layers: true, listStart });
    from = to;
  }
  return parts;
}

/**
 * "Debridement: L heel ulcer, excisional to subcutaneous tissue, 40 sq cm. R lateral malleolus
 * ulcer, devitalized muscle excised, 10 sq cm.": wounds told in consecutive sentences under a
 * debridement heading (the heading's own sentence, its debridement word followed by a colon, or
 * a sentence ending with one), each sentence naming one wound and its site. Each sentence is one
 * wound's part, with its own area and layer (else the heading's layer). The list ends at the
 * first sentence naming no wound at a site of its own, or naming another debridement.
 */
function headingWounds(
  e: ProcedureEvent,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): Part[] {
  const doc = index.doc;
  const anchor = e.anchors.find((a) => {
    const s = doc.sentences[a.sentence]!;
    return endsWithColon(index, a.sentence) || /^\s*:/.test(doc.text.slice(a.end, s.end));
  });
  if (!anchor) return [];
  const heading = doc.sentences[anchor.sentence]!;
  const others = anchorsOfOthers(e, events);
  const own = new Set(e.anchors);
  /** The wound a sentence names after `from` at one site (and side), or undefined. */
  const woundAt = (k: number, from: number) => {
    const wounds = inSentence(index, k, "histology").filter((h) => h.wound && h.start >= from);
    const sites = inSentence(index, k, "site").filter((x) => x.start >= from);
    if (wounds.length === 0 || sites.length === 0) return undefined;
    if (new Set(sites.map(placeKey)).size !== 1) return undefined;
    const debridements = inSentence(index, k, "procedure").filter(
      (p) => p.procedure === e.kind && !p.weak && isBillable(index, p),
    );
    if (debridements.some((p) => others.has(p) || !own.has(p))) return undefined;
    return sites[0]!;
  };
  const colon = doc.text.indexOf(":", anchor.end);
  const parts: Part[] = [];
  const first = woundAt(heading.index, colon + 1);
  if (first && colon < heading.end)
    parts.push({ sentence: heading.index, site: first, from: colon + 1, to: heading.end });
  for (let k = heading.index + 1; k < doc.sentences.length; k++) {
    const s = doc.sentences[k]!;
    if (s.sectionIndex !== heading.sectionIndex) break;
    const found = woundAt(k, s.start);
    if (!found) break;
    parts.push({ sentence: k, site: found, from: s.start, to: s.end });
  }
  if (parts.length < 2 || new Set(parts.map((p) => placeKey(p.site))).size < parts.length)
    return [];
  // The layer written in the heading before the first wound is every wound's.
  const headingLayers = inSentence(index, heading.index, "technique").filter(
    (t) => t.start < (parts[0]!.sentence === heading.index ? parts[0]!.from : heading.end),
  );
  const listed = parts.flatMap((p) =>
    inSentence(index, p.sentence, "technique").filter((t) => t.start >= p.from && t.start < p.to),
  );
  for (const part of parts) part.sentenceLayers = { heading: headingLayers, listed };
  return parts;
}

/**
 * The layer of one wound of a list: the deepest named in its own part or before the list, else
 * the event's own unless another wound's part named it.
 */
function ownLayer(
  lesion: ProcedureEvent,
  e: ProcedureEvent,
  sentences: readonly number[],
  inPart: (m: { sentence: number; start: number }) => boolean,
  inOtherPart: (m: { sentence: number; start: number }) => boolean,
  index: MentionIndex,
): void {
  const layers = sentences
    .flatMap((k) => inSentence(index, k, "technique"))
    .filter(
      (t) => t.applies.includes(e.kind) && index.assertions.get(t.id)?.negation !== "negated",
    );
  const own = layers.filter((t) => !inOtherPart(t) || inPart(t));
  const deepest = own.sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[0];
  if (deepest) {
    lesion.technique = deepest.technique;
    lesion.techniqueRank = deepest.rank && deepest.rank > 0 ? deepest.rank : undefined;
  } else if (layers.some((t) => t.technique === e.technique)) {
    lesion.technique = undefined;
    lesion.techniqueRank = undefined;
  }
}

export function partEvent(e: ProcedureEvent, part: Part, index: MentionIndex): ProcedureEvent {
  const inPart = (m: { start: number }) => m.start >= part.from && m.start < part.to;
  const within = <T extends { start: number }>(list: T[]) => list.filter(inPart);
  const sizes = inSentence(index, part.sentence, "size").filter(
    (x) => inPart(x) || (part.shared === true && !isLesionSize(x)),
  );
  if (part.listMargins && !sizes.some((x) => x.role === "margin")) sizes.push(...part.listMargins);
  const histology = within(inSentence(index, part.sentence, "histology"));
  const lesion = lesionEvent(
    e,
    part.site,
    sizes,
    histology.length > 0 || !part.shared ? histology : e.histology ? [e.histology] : [],
  );
  if (part.sentenceLayers) sentenceLayer(lesion, e, part, index);
  else if (part.layers) {
    const at = (m: { sentence: number; start: number }) => m.sentence === part.sentence;
    ownLayer(
      lesion,
      e,
      [part.sentence],
      (m) => at(m) && inPart(m),
      (m) => at(m) && !inPart(m) && m.start >= part.listStart!,
      index,
    );
  }
  return lesion;
}

/**
 * The layer of a wound told in its own sentence: the deepest its sentence names, else the
 * deepest of the heading's, else the event's unless that was another listed wound's layer.
 */
function sentenceLayer(lesion: ProcedureEvent, e: ProcedureEvent, part: Part, index: MentionIndex) {
  const { heading, listed } = part.sentenceLayers!;
  const live = (t: TechniqueMention) =>
    t.applies.includes(e.kind) && index.assertions.get(t.id)?.negation !== "negated";
  const own = listed.filter(
    (t) => t.sentence === part.sentence && t.start >= part.from && t.start < part.to,
  );
  const layers = (own.some(live) ? own : heading).filter(live);
  const deepest = [...layers].sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[0];
  if (deepest) {
    lesion.technique = deepest.technique;
    lesion.techniqueRank = deepest.rank && deepest.rank > 0 ? deepest.rank : undefined;
  } else if (listed.some((t) => live(t) && t.technique === e.technique)) {
    lesion.technique = undefined;
    lesion.techniqueRank = undefined;
  }
}
