import { isLesionSize } from "./derive.ts";
import { inSentence, isBillable, type MentionIndex } from "./index-mentions.ts";
import { partEvent } from "./split.ts";
import type { ProcedureEvent } from "./types.ts";

/** Kinds whose elliptical list items are recognised by the margins or closure they name. */
const ELLIPTICAL_KINDS: ReadonlySet<string> = new Set(["excision"]);

/**
 * "1. MIS L post. neck (prior bx): lesion 0.6 cm excised w/ 5mm margins, layered closure 4.0 cm."
 * then "2. SCC L dorsal hand (prior bx): 0.8 cm w/ 4mm margins, layered closure 3.5 cm.": the
 * numbered items after an item that names an excision, each naming no procedure of its own but
 * the same things (a diagnosis, a site, a lesion size, and margins or a closure), leave its verb
 * out: each is another lesion excised. The run ends at an item that names a procedure or lacks
 * one of these.
 */
export function continueEllipticalItems(
  events: ProcedureEvent[],
  index: MentionIndex,
): ProcedureEvent[] {
  const added: ProcedureEvent[] = [];
  for (const e of events) {
    if (!ELLIPTICAL_KINDS.has(e.kind) || !e.assertion.billable) continue;
    const item = ownItem(e, index);
    if (item === undefined) continue;
    const before = added.length;
    for (let k = item.next, n = item.n + 1; ; n++) {
      const sentences = itemSentences(index, k, n);
      if (sentences.length === 0 || placedAt(sentences, e, events)) break;
      const part = ellipticalPart(sentences, index);
      if (!part) break;
      const lesion = partEvent(e, part, index);
      lesion.ruleIds = [...lesion.ruleIds, "group.elliptical-item"];
      added.push(lesion);
      k = sentences.at(-1)! + 1;
    }
    // "Excision x3" over the list: the count was the items', now events of their own.
    const items = added.length - before;
    if (items > 0 && e.count > 1) {
      e.count = Math.max(1, e.count - items);
      if (e.lesions.length === 1) e.lesions[0]!.count = e.count;
    }
  }
  if (added.length === 0) return events;
  const out = [...events, ...added];
  out.forEach((e, i) => {
    e.index = i;
    e.lesion = i;
  });
  return out;
}

/** Another event of the kind is already placed in one of the item's sentences (its lesion). */
function placedAt(
  sentences: number[],
  e: ProcedureEvent,
  events: readonly ProcedureEvent[],
): boolean {
  return events.some(
    (o) =>
      o !== e &&
      o.kind === e.kind &&
      ((o.site !== undefined && sentences.includes(o.site.sentence)) ||
        o.anchors.some((a) => sentences.includes(a.sentence))),
  );
}

/**
 * The numbered item the event's last words are in (a heading before it may name the procedure
 * too: "Procedure: excision." then "1. ... excised ..."), and the sentence after it.
 */
function ownItem(e: ProcedureEvent, index: MentionIndex): { n: number; next: number } | undefined {
  const k = Math.max(...e.anchors.map((a) => a.sentence));
  const n = index.listNumber.get(k);
  if (n === undefined || !index.itemOpens.has(k)) return undefined;
  return { n, next: itemEnd(index, k, n) };
}

/** The sentence after the last one of item n, which opens at sentence k (its continuations). */
function itemEnd(index: MentionIndex, k: number, n: number): number {
  let j = k + 1;
  while (j < index.doc.sentences.length && !index.itemOpens.has(j) && index.itemNumber.get(j) === n)
    j++;
  return j;
}

/** The sentences of item n opening at sentence k (in k's section), or [] when k opens no item n. */
function itemSentences(index: MentionIndex, k: number, n: number): number[] {
  const sentences = index.doc.sentences;
  if (k >= sentences.length || !index.itemOpens.has(k) || index.listNumber.get(k) !== n) return [];
  if (sentences[k]!.sectionIndex !== sentences[k - 1]?.sectionIndex) return [];
  const out: number[] = [];
  for (let j = k, end = itemEnd(index, k, n); j < end; j++) out.push(j);
  return out;
}

/** The item as one lesion's part, when it names a diagnosis, a site, a lesion size and margins or a closure, and no procedure. */
function ellipticalPart(sentences: number[], index: MentionIndex) {
  const of = <K extends "procedure" | "site" | "histology" | "size">(kind: K) =>
    sentences.flatMap((k) => inSentence(index, k, kind));
  // "(prior bx)": a procedure named as done before is no procedure of the item; one planned
  // ("to be excised next month") or done today is.
  const named = of("procedure").filter(
    (p) => index.assertions.get(p.id)?.temporality !== "historical",
  );
  if (named.some((p) => p.procedure !== "repair" && !p.weak)) return undefined;
  const today = named.filter((p) => isBillable(index, p));
  const first = sentences[0]!;
  const site = inSentence(index, first, "site")[0];
  const sizes = inSentence(index, first, "size");
  const closed = today.length > 0 || sizes.some((s) => s.role === "margin");
  if (!site || of("histology").length === 0 || !sizes.some(isLesionSize) || !closed)
    return undefined;
  const s = index.doc.sentences[first]!;
  return { sentence: first, site, from: s.start, to: s.end };
}
