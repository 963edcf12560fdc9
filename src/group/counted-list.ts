import type { CountMention, Issue } from "../types.ts";
import { inSentence, type MentionIndex, ofKind, tokensIn } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * The sentences opening the items numbered 1, 2, ... N right after sentence `heading`, in its
 * section ("Two cysts excised." then "Cyst 1, back: ..." and "Cyst 2, arm: ..."). A sentence
 * continuing an item on its line ("... 1 mm margins. Sutured.") stays in the list; anything
 * else, or an item out of order, ends it.
 */
export function numberedItemsAfter(index: MentionIndex, heading: number): number[] {
  const sentences = index.doc.sentences;
  const section = sentences[heading]!.sectionIndex;
  const out: number[] = [];
  for (let k = heading + 1; k < sentences.length; k++) {
    if (sentences[k]!.sectionIndex !== section) break;
    const n = index.itemNumber.get(k);
    if (index.itemOpens.has(k)) {
      if (n !== out.length + 1) break;
      out.push(k);
    } else if (n === undefined && out.length > 0 && bridgesToItem(index, k, out.length)) continue;
    else if (out.length === 0 || n !== out.length) break;
  }
  return out;
}

/**
 * "#1 BCC R forearm 1.0 cm" / "Layered closure 2.5 cm" / "#2 BCC L arm ...": lines after item n,
 * up to the line opening item n + 1, that name no site and no procedure but a closure continue
 * item n. Whether sentence k starts such a run.
 */
export function bridgesToItem(index: MentionIndex, k: number, n: number): boolean {
  const sentences = index.doc.sentences;
  const section = sentences[k]!.sectionIndex;
  for (let j = k; j < sentences.length && sentences[j]!.sectionIndex === section; j++) {
    if (index.itemOpens.has(j)) return index.itemNumber.get(j) === n + 1;
    if (inSentence(index, j, "site").length > 0) return false;
    if (inSentence(index, j, "procedure").some((p) => p.procedure !== "repair" && !p.weak))
      return false;
  }
  return false;
}

/** A counted heading: a sentence with a lesion or procedure count, over a numbered list. */
export interface CountedHeading {
  count: CountMention;
  items: number[];
}

/**
 * "Two cysts excised." then "Cyst 1, back: ..." and "Cyst 2, arm: ...": a sentence that is no
 * item itself, states a count and is followed by two or more numbered items. Its count is the
 * list's, not the first item's.
 */
export function countedHeading(index: MentionIndex, sentence: number): CountedHeading | undefined {
  if (index.itemNumber.has(sentence)) return undefined;
  const count = inSentence(index, sentence, "count").find(
    (c) => !c.vague && !c.implied && !c.ordinal,
  );
  if (!count) return undefined;
  const items = numberedItemsAfter(index, sentence);
  return items.length >= 2 ? { count, items } : undefined;
}

/**
 * The heading says one number and lists another ("Three cysts excised." over two items): the
 * listed lesions, each with its own site and size, are what is coded; the count is to confirm.
 */
export function listCountIssue(heading: CountedHeading): Issue | undefined {
  const { count, items } = heading;
  if (count.count === items.length) return undefined;
  return {
    code: "count_ambiguous",
    message: `the note counts ${count.count} but lists ${items.length} numbered lesions: the listed lesions are coded; confirm the count`,
    severity: "warning",
    span: { start: count.start, end: count.end },
    ruleId: "group.counted-list",
  };
}

/**
 * "Two cysts excised." then "Cyst 1, back: ... excised." and "Cyst 2, arm: ... excised.": the
 * heading's count is the list's, not that of a procedure told in one of its items (on an item's
 * line). Returns the heading when the count is one the event must not take.
 */
export function countOfList(
  c: CountMention,
  anchorSentences: ReadonlySet<number>,
  index: MentionIndex,
): CountedHeading | undefined {
  const heading = countedHeading(index, c.sentence);
  if (!heading || heading.count !== c) return undefined;
  const last = heading.items.at(-1)!;
  const n = heading.items.length;
  for (const a of anchorSentences) {
    if (a <= c.sentence) continue;
    if (a <= last && index.itemNumber.has(a)) return heading;
    // A sentence continuing the last item on its line.
    let k = last + 1;
    while (k < a && index.itemNumber.get(k) === n && !index.itemOpens.has(k)) k++;
    if (k === a && index.itemNumber.get(a) === n && !index.itemOpens.has(a)) return heading;
  }
  return undefined;
}

const COLON: ReadonlySet<string> = new Set([":"]);

/**
 * "Two lesions are biopsied: a punch biopsy of the left thigh and a shave biopsy of the back": a
 * count before the colon of its sentence heads the procedures told after it. When two or more
 * events are told there, each at a site of its own, the count is the list's, not one of theirs:
 * each is counted by what it names. Returns those events.
 */
export function eventsAfterColon(
  c: CountMention,
  events: readonly ProcedureEvent[],
  index: MentionIndex,
): ProcedureEvent[] | undefined {
  if (c.vague || c.ordinal) return undefined;
  const s = index.doc.sentences[c.sentence]!;
  const colon = tokensIn(index, c.end, s.end, COLON)[0];
  if (colon === undefined) return undefined;
  const listed = events.filter(
    (o) =>
      o.assertion.billable &&
      o.anchors.some((a) => a.sentence === c.sentence && a.start > colon && !a.weak),
  );
  // Each at a site of its own named after the colon ("3 AKs: pared and frozen" is one list of lesions).
  const sites = new Set(listed.map((o) => o.site?.start));
  const placed = listed.every(
    (o) => o.site && !o.siteInferred && o.site.sentence === c.sentence && o.site.start > colon,
  );
  return listed.length >= 2 && placed && sites.size === listed.length ? listed : undefined;
}

/**
 * A count heading procedures after a colon that differs from the lesions they count ("Three
 * lesions are biopsied: a punch biopsy of ... and a shave biopsy of ..."): the listed procedures
 * are coded, and the count is to confirm. Run once the events are counted.
 */
export function colonListIssues(events: readonly ProcedureEvent[], index: MentionIndex): void {
  for (const c of ofKind(index, "count")) {
    const listed = eventsAfterColon(c, events, index);
    if (!listed) continue;
    const counted = listed.reduce((n, e) => n + e.count, 0);
    if (counted === c.count) continue;
    listed[0]!.issues.push({
      code: "count_ambiguous",
      message: `the note counts ${c.count} but lists ${counted} lesions after it: the listed lesions are coded; confirm the count`,
      severity: "warning",
      span: { start: c.start, end: c.end },
      ruleId: "group.counted-list",
    });
  }
}
