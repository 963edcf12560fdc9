import type { CompiledLexicon } from "../lexicon/compile.ts";
import { SAMPLED_FROM, WORDS } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
import type { CountMention, ProcedureMention, SiteMention } from "../types.ts";
import { antecedentLine } from "./antecedent.ts";
import { inOtherPhrase } from "./count-phrase.ts";
import { countOfList, eventsAfterColon, listCountIssue } from "./counted-list.ts";
import {
  endsWithColon,
  inSentence,
  isFieldLine,
  joinersBetween,
  type MentionIndex,
} from "./index-mentions.ts";
import { differentSites } from "./lesions.ts";
import { samePlace } from "./places.ts";
import type { ProcedureEvent } from "./types.ts";
import { toldElsewhere, untreatedLesions } from "./untreated.ts";

const PER_LESION = new Set(["biopsy", "shave", "excision", "mohs", "nail"]);

/**
 * Lesion counts of an event. A count next to a lesion word counts that lesion type ("4 SKs and
 * 6 verrucae"); a bare "x 12" or "#1-#4" counts the event; otherwise several distinct sites
 * named after a per-lesion procedure count one lesion each ("punch bx of L arm and R thigh").
 */
export function attachCounts(
  e: ProcedureEvent,
  near: number[],
  index: MentionIndex,
  events: readonly ProcedureEvent[],
  anchors: ReadonlySet<ProcedureMention>,
  lex: CompiledLexicon,
): void {
  countLesions(e, near, index, events, anchors, lex);
  countRemainder(e, events);
  // "Two 4 mm punches from the same plaque, one for H&E and one for DIF": samples of one lesion
  // are one biopsy (reference 1.1: biopsies are counted per lesion).
  if (e.kind === "biopsy" && e.count > 1 && samplesOfOneLesion(e, index)) {
    e.count = 1;
    for (const l of e.lesions) l.count = 1;
  }
  // "2 AKs on each cheek", "punch biopsy of each forearm": the count is per side.
  if (e.site?.perSide) {
    e.count *= 2;
    for (const l of e.lesions) l.count *= 2;
    if (e.countSource === "default") e.countSource = "inferred";
  }
  // "The entire nail plate of the left hallux was avulsed. The same was performed on the right
  // hallux, removing the entire nail plate.": each digit its sentences name is one more nail.
  // (Not when another nail procedure at another digit is named in the same sentence: "Avulsion of the R great
  // toenail; avulsion of the L great toenail" names one nail each.)
  if (e.kind === "nail" && e.countSource !== "explicit" && !sharesSentence(e, events)) {
    const digits = digitsNamed(e, index);
    if (digits > e.count) {
      e.count = digits;
      if (e.lesions.length === 1) e.lesions[0]!.count = digits;
      e.countSource = "inferred";
    }
  }
  // "The heloma durum was shaved bilaterally": done on each side, so on two lesions at least.
  if (e.countSource === "default" && BOTH_SIDES_COUNTED.has(e.kind) && doneBilaterally(e, index)) {
    e.count = 2;
    if (e.lesions.length === 1) e.lesions[0]!.count = 2;
    e.countSource = "inferred";
  }
}

/** Another nail procedure, at another site of its own, is named in one of the event's sentences. */
function sharesSentence(e: ProcedureEvent, events: readonly ProcedureEvent[]): boolean {
  const sentences = new Set(e.anchors.map((a) => a.sentence));
  return events.some(
    (o) =>
      o !== e &&
      o.kind === "nail" &&
      o.assertion.billable &&
      o.anchors.some((a) => sentences.has(a.sentence)) &&
      differentSites(e, o),
  );
}

/** One digit of one limb ("toe1"), whatever its side. */
function digitKey(d: NonNullable<SiteMention["digit"]>): string {
  return `${d.limb}${d.digit}`;
}

/** Digits with their sides ("left great toe", "bilateral halluces") named in an event's sentences. */
function digitsNamed(e: ProcedureEvent, index: MentionIndex): number {
  const keys = new Set<string>();
  for (const sentence of new Set(e.anchors.map((a) => a.sentence))) {
    for (const x of inSentence(index, sentence, "site")) {
      if (!x.digit || !x.laterality) continue;
      const digit = digitKey(x.digit);
      const sides = x.laterality === "bilateral" ? ["left", "right"] : [x.laterality];
      for (const side of sides) keys.add(`${digit}|${side}`);
    }
  }
  return keys.size;
}

/** Kinds counted by lesion over the visit (count ladders), where each side is one more lesion. */
const BOTH_SIDES_COUNTED = new Set(["destruction", "skin_tag", "paring", "nail"]);

/** A side word of an anchor's sentence that is no site's own ("shaved bilaterally"), meaning both sides. */
function doneBilaterally(e: ProcedureEvent, index: MentionIndex): boolean {
  return e.anchors.some((a) => {
    const sites = inSentence(index, a.sentence, "site");
    return inSentence(index, a.sentence, "laterality").some(
      (l) =>
        l.laterality === "bilateral" && !sites.some((x) => x.start <= l.start && l.end <= x.end),
    );
  });
}

/**
 * "... toenail was also excised and the benign [lesion] ... as all 3 benign lesions did measure
 * was excised": a count of a lesion type that is none of the event's lesions (its lesions being
 * only what it was done on) does not count it.
 */
function ofAnotherType(c: CountMention, e: ProcedureEvent, index: MentionIndex): boolean {
  if (e.lesions.length === 0) return false;
  // Its lesion word: the one it targets, or the one right after it ("all 3 benign lesions").
  const named = inSentence(index, c.sentence, "histology").find((h) =>
    c.target !== undefined
      ? h.start === c.target
      : h.start >= c.end && index.doc.text.slice(c.end, h.start).trim() === "",
  );
  // A generic word ("lesions", "nails") names no other type.
  if (named === undefined || named.malignancy === "unknown") return false;
  return !e.lesions.some((l) => l.histology?.histology === named.histology);
}

function sourceOf(used: CountMention[]): ProcedureEvent["countSource"] {
  if (used.some((c) => c.vague)) return "vague";
  return used.some((c) => c.implied) ? "inferred" : "explicit";
}

/**
 * "The lateral aspect of the left great toenail was excised. Her remaining toenails were
 * debrided.": the rest of a set is its size less what the note's other billable procedures of
 * the kind treat (9 nails here), at least 1.
 */
function countRemainder(e: ProcedureEvent, events: readonly ProcedureEvent[]): void {
  const rest = e.lesions.find((l) => l.countMention?.remainder);
  if (!rest) return;
  const others = events
    .filter((o) => o !== e && o.kind === e.kind && o.assertion.billable)
    .reduce((n, o) => n + o.count, 0);
  const count = Math.max(1, rest.count - others);
  e.count -= rest.count - count;
  rest.count = count;
}

/** How far (characters) after the procedure words "of the same lesion" may stand. */
const SAME_LESION_REACH = 40;
/** Words that open where samples were taken: "of", "from" or "at" the same lesion. */

/** "of the same lesion", "from the same plaque" shortly after one of the event's words. */
function samplesOfOneLesion(e: ProcedureEvent, index: MentionIndex): boolean {
  return e.anchors.some((a) =>
    inSentence(index, a.sentence, "lesion_ref").some(
      (r) =>
        r.start > a.start &&
        r.start - a.end <= SAME_LESION_REACH &&
        /\bsame\b/i.test(r.text) &&
        SAMPLED_FROM.has(index.doc.canon[tokenAt(index.doc.tokens, r.start) - 1] ?? ""),
    ),
  );
}

/**
 * "Two cysts excised." over "Cyst 1, back: ... excised." and "Cyst 2, arm: ... excised.": the
 * count of a numbered list is not that of the event told in one of its items; nor is a count
 * before a colon over several procedures ("Two lesions are biopsied: a punch biopsy of ... and a
 * shave biopsy of ..."). A count that differs from the items listed is warned about.
 */
function countsTheList(
  c: CountMention,
  e: ProcedureEvent,
  anchorSentences: ReadonlySet<number>,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): boolean {
  const list = countOfList(c, anchorSentences, index);
  const listed = list ? undefined : eventsAfterColon(c, events, index);
  if (!list && !listed?.includes(e)) return false;
  const issue = list && listCountIssue(list);
  if (issue) e.issues.push(issue);
  return true;
}

function countLesions(
  e: ProcedureEvent,
  near: number[],
  index: MentionIndex,
  events: readonly ProcedureEvent[],
  anchors: ReadonlySet<ProcedureMention>,
  lex: CompiledLexicon,
): void {
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  const first = e.anchors[0]!.start;
  // "1.2 cm SK L flank. 6 other SKs on back. The L flank lesion was shaved.": a count of lesions
  // left untreated, told in another sentence, does not count the procedure's.
  const untreated = untreatedLesions(index, lex);
  const ofUntreated = (c: CountMention) =>
    c.target !== undefined &&
    !anchorSentences.has(c.sentence) &&
    inSentence(index, c.sentence, "histology").some(
      (h) => h.start === c.target && untreated.has(h.id),
    );
  // "A: AK scalp x4." then "P: LN2 today.": the counts of the line a plan line refers to.
  const referred = new Set(antecedentLine(index, e.anchors[0]!.sentence));
  // "Removal of 12 skin tags ...; a cyst was also excised": the 12 counts the other event's tags.
  const othersLesion = (c: CountMention) =>
    c.target !== undefined &&
    e.histology?.start !== c.target &&
    events.some((o) => o !== e && o.histology?.start === c.target);
  // "1.2 cm SK L flank. 6 SKs on back." then "The L flank lesion was shaved": counts told of
  // lesions at another place than the one the procedure places its lesion at are theirs.
  const elsewhere = toldElsewhere(e, index);
  // By loops: no list per sentence (this runs for every event over its near sentences).
  const applying: CountMention[] = [];
  for (const s of near) {
    if (elsewhere?.(s)) continue;
    for (const c of inSentence(index, s, "count"))
      if (
        !countsTheList(c, e, anchorSentences, index, events) &&
        !headsToldLesions(c, e, index, events) &&
        !c.ordinal &&
        !othersLesion(c) &&
        !ofUntreated(c) &&
        !ofAnotherType(c, e, index) &&
        !inOtherPhrase(c, e, index, anchors) &&
        (applies(c, e, anchorSentences, index) || referred.has(c.sentence))
      )
        applying.push(c);
  }
  const parts = partsOfTotals(applying);
  const counts = applying
    .filter((c) => !parts.has(c))
    .sort(
      (a, b) =>
        Number(a.vague ?? false) - Number(b.vague ?? false) ||
        Number(!anchorSentences.has(a.sentence)) - Number(!anchorSentences.has(b.sentence)) ||
        Math.abs(a.start - first) - Math.abs(b.start - first),
    );
  dedupeLesions(e);
  if (techniqueLines(e, index)) return;
  if (techniquesInSentence(e, index, events)) return;
  // "Face: 3 / Scalp: 2 / R dorsal hand: 1", "scalp x 12, right ear x 2": counts given per site
  // count the event's lesions per region; they add up unless a label gives the total ("Total
  // treated: 6").
  const bySite = counts.filter(
    (c) =>
      c.target === undefined &&
      !c.vague &&
      (c.ruleId === "count.label" ? !anchorSentences.has(c.sentence) : true) &&
      countSite(c, index) !== undefined,
  );
  const total = counts.some(
    (c) => c.ruleId === "count.label" && c.target === undefined && !bySite.includes(c),
  );
  let eventCount: CountMention | undefined =
    bySite.length >= 2 && atDistinctSites(bySite, index) && !total
      ? { ...bySite[0]!, count: bySite.reduce((n, c) => n + c.count, 0) }
      : undefined;
  const countedBy = new Map<ProcedureEvent["lesions"][number], CountMention[]>();
  for (const c of counts) {
    if (eventCount && bySite.includes(c)) {
      e.evidence.push(c); // each site's count justifies the sum
      continue;
    }
    const lesion = lesionOf(c, e, index);
    const counted = lesion ? (countedBy.get(lesion) ?? []) : [];
    if (lesion && !lesion.countMention) {
      lesion.count = c.count;
      lesion.countMention = c;
      countedBy.set(lesion, [c]);
    } else if (
      lesion &&
      (sameList(lesion.countMention!, c) || atDistinctSites([...counted, c], index))
    ) {
      // "neck (12), left axilla (6), right axilla (5)", "Face: AK x 6. Scalp: AK x 9.": the
      // sites' counts add up.
      lesion.count += c.count;
      counted.push(c);
    } else if (!lesion && !eventCount) eventCount = c;
    e.evidence.push(c);
  }
  mergeLesionTypes(e, index);
  const used = e.lesions.flatMap((l) => (l.countMention ? [l.countMention] : []));
  // A stated number ("26 skin tags were removed") beats "multiple"/"numerous" on a lesion word.
  if (used.length > 0 && used.every((c) => c.vague) && eventCount && !eventCount.vague)
    used.length = 0;
  // A count in a sentence that names no technique ("Two lesions biopsied today") may be the
  // visit's total over the per-technique descriptions that follow.
  const noTechnique = (s: number) =>
    inSentence(index, s, "technique").length === 0 &&
    !inSentence(index, s, "procedure").some((p) => p.technique);
  if (used.length > 0) {
    e.count = e.lesions.reduce((sum, l) => sum + l.count, 0);
    e.countSource = sourceOf(used);
    e.countIsTotal = used.every((c) => noTechnique(c.sentence));
  } else if (eventCount && !totalOfEvents(eventCount, e, events)) {
    e.count = eventCount.count;
    e.countSource = sourceOf([eventCount]);
    e.countIsTotal = inSentence(index, eventCount.sentence, "technique").length === 0;
    if (e.lesions.length === 1) e.lesions[0]!.count = eventCount.count;
  } else if (!listCount(e, index)) inferCount(e, index, events);
}

/**
 * Counts of one sentence that a total of the sentence already holds: those before a stated sum
 * ("18 skin tags were removed from the neck and 13 from the axillae, for a total of 31") that it
 * equals or exceeds, and a breakdown after a count that adds up to it ("14 AKs were frozen, 9 on
 * the hands and 5 on the forearms"). The total is the count; its parts tell it again.
 */
function partsOfTotals(counts: readonly CountMention[]): Set<CountMention> {
  const parts = new Set<CountMention>();
  for (const total of counts) {
    if (total.vague) continue;
    const others = counts.filter((c) => c !== total && c.sentence === total.sentence && !c.vague);
    const before = others.filter((c) => c.start < total.start);
    if (total.sum && before.length > 0 && total.count >= sumOf(before)) {
      for (const c of before) parts.add(c);
      continue;
    }
    const after = others.filter(
      (c) => c.start > total.start && total.target !== undefined && c.target === total.target,
    );
    if (after.length >= 2 && sumOf(after) === total.count) for (const c of after) parts.add(c);
  }
  return parts;
}

function sumOf(counts: readonly CountMention[]): number {
  return counts.reduce((n, c) => n + c.count, 0);
}

/**
 * The site a count is given for: the label of a field line ("Scalp: 8"), or the site just before
 * it with no list joiner or other count between ("scalp x 12", "Face: AK x 6").
 */
function countSite(c: CountMention, index: MentionIndex): SiteMention | undefined {
  const sites = inSentence(index, c.sentence, "site");
  const label = sites.find((x) => x.start <= c.start && x.end > c.start);
  if (label) return label;
  const before = sites.findLast((x) => x.end <= c.start);
  if (!before || joinersBetween(index, before, c) > 0) return undefined;
  const between = inSentence(index, c.sentence, "count").some(
    (o) => o !== c && o.start >= before.end && o.start < c.start,
  );
  return between ? undefined : before;
}

/** Every count is given for a site, and no two for the same place. */
function atDistinctSites(counts: CountMention[], index: MentionIndex): boolean {
  const sites = counts.map((c) => countSite(c, index));
  return sites.every(
    (x, i) => x !== undefined && sites.slice(0, i).every((y) => !samePlace(x, y!)),
  );
}

/**
 * "Two lesions excised." then "Left temple 0.8 cm lesion excised ..." and "Upper back 1.5 cm
 * lesion excised ...": a lesion count in a heading sentence (naming no site or size) of an event
 * told again after it, over the other procedures of its kind, all told after it, counts them all,
 * not this event's lesions. A count that differs from the procedures told is warned about.
 */
function headsToldLesions(
  c: CountMention,
  e: ProcedureEvent,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): boolean {
  if (c.target === undefined || c.vague || c.count < 2) return false;
  if (!e.anchors.some((a) => a.sentence === c.sentence)) return false;
  if (!e.anchors.some((a) => a.sentence > c.sentence)) return false;
  if (inSentence(index, c.sentence, "site").length > 0) return false;
  if (inSentence(index, c.sentence, "size").length > 0) return false;
  const others = events.filter(
    (o) => o !== e && o.kind === e.kind && o.assertion.billable && o.lesion !== e.lesion,
  );
  if (others.length === 0 || others.some((o) => o.anchors.some((a) => a.sentence <= c.sentence)))
    return false;
  if (others.length + 1 !== c.count)
    e.issues.push({
      code: "count_ambiguous",
      message: `the note counts ${c.count} but describes ${others.length + 1} procedures after it: the described lesions are coded; confirm the count`,
      severity: "warning",
      span: { start: c.start, end: c.end },
      ruleId: "group.counted-list",
    });
  return true;
}

/**
 * "PROCEDURE NOTE - 2 excisions" heading two described excisions: a count that equals the number
 * of procedures of the event's kind the note describes apart counts them, not this one's lesions.
 */
function totalOfEvents(
  c: CountMention,
  e: ProcedureEvent,
  events: readonly ProcedureEvent[],
): boolean {
  if (c.vague || c.count < 2) return false;
  const others = events.filter(
    (o) => o !== e && o.kind === e.kind && o.assertion.billable && o.lesion !== e.lesion,
  );
  // Described under the heading: every other one comes after the count's sentence.
  const separate = others.filter((o) => !o.anchors.some((a) => a.sentence <= c.sentence));
  if (separate.length > 0 && separate.length === others.length && separate.length + 1 === c.count)
    return true;
  // Told again after them ("1. Excision ... 2. Excision ... Both sites were anesthetized"): every
  // one of them, this one included, was first named before the count's sentence.
  const listed = others.filter((o) => o.anchors.some((a) => a.sentence < c.sentence));
  return (
    others.length > 0 &&
    listed.length === others.length &&
    e.anchors.some((a) => a.sentence < c.sentence) &&
    others.length + 1 === c.count
  );
}

/**
 * "Bx performed as follows:" then "Punch (4mm): R scalp ...; L forearm ..." and "Shave: ...":
 * each line that opens with a biopsy technique and a colon lists lesions, one per site.
 */
function techniqueLines(e: ProcedureEvent, index: MentionIndex): boolean {
  if (e.kind !== "biopsy") return false;
  // The lines may follow any anchor: the heading ("Bx performed as follows:") or a later one.
  for (const anchor of [...new Set(e.anchors.map((a) => a.sentence))].sort((a, b) => a - b)) {
    // A complete biopsy sentence ("Punch bx L arm.") heads nothing: the technique lines after
    // it ("Shave bx x2: R chest, L shoulder") are biopsies of their own.
    if (namesBiopsyTechnique(anchor, index) && !endsWithColon(index, anchor)) continue;
    const out = linesAfter(anchor, index);
    if (out.length === 0) continue;
    e.techniqueCounts = out;
    e.count = out.reduce((n, t) => n + t.count, 0);
    e.countSource = "inferred";
    return true;
  }
  return false;
}

/**
 * "Two biopsies: a 4 mm punch of the left forearm rash and a shave of a papule on the back":
 * one sentence naming different biopsy techniques, each with its own site, counts one lesion per
 * technique word.
 */
function techniquesInSentence(
  e: ProcedureEvent,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): boolean {
  // Only one biopsy event for the sentence: two named ones ("punch biopsy ... and shave biopsy")
  // are already apart.
  if (e.kind !== "biopsy") return false;
  for (const sentence of new Set(e.anchors.map((a) => a.sentence))) {
    if (
      events.some(
        (o) => o !== e && o.kind === e.kind && o.anchors.some((a) => a.sentence === sentence),
      )
    )
      continue;
    const words = inSentence(index, sentence, "technique").filter((t) =>
      t.applies.includes("biopsy"),
    );
    if (new Set(words.map((t) => t.technique)).size < 2) continue;
    const sites = inSentence(index, sentence, "site");
    // Each technique word needs a site of its own: every one between it and the next technique
    // word ("a punch of the arm and a shave of the back"), or every one between the previous
    // technique word and it ("of the arm by punch and of the back by shave").
    const siteAfter = words.every((t, k) => {
      const end = words[k + 1]?.start ?? Number.POSITIVE_INFINITY;
      return sites.some((x) => x.start > t.end && x.start < end);
    });
    const siteBefore = words.every((t, k) => {
      const from = words[k - 1]?.end ?? Number.NEGATIVE_INFINITY;
      return sites.some((x) => x.end < t.start && x.start > from);
    });
    if (!siteAfter && !siteBefore) continue;
    const counts = new Map<string, number>();
    for (const t of words) counts.set(t.technique, (counts.get(t.technique) ?? 0) + 1);
    e.techniqueCounts = [...counts].map(([technique, count]) => ({ technique, count }));
    e.count = words.length;
    e.countSource = "inferred";
    return true;
  }
  return false;
}

function namesBiopsyTechnique(sentence: number, index: MentionIndex): boolean {
  return (
    inSentence(index, sentence, "technique").some((t) => t.applies.includes("biopsy")) ||
    inSentence(index, sentence, "procedure").some((p) => p.technique !== undefined)
  );
}

function linesAfter(anchor: number, index: MentionIndex): { technique: string; count: number }[] {
  const doc = index.doc;
  const out: { technique: string; count: number }[] = [];
  for (let k = anchor + 1; k < doc.sentences.length && k <= anchor + 8; k++) {
    const s = doc.sentences[k]!;
    const lead = inSentence(index, k, "technique").find(
      (t) => t.applies.includes("biopsy") && t.start - s.start <= 3,
    );
    const colon = doc.text.indexOf(":", s.start);
    if (!lead || colon < 0 || colon > s.end) break;
    const sites = new Set(
      inSentence(index, k, "site").map((x) => `${x.site}|${x.laterality ?? ""}|${x.start}`),
    );
    out.push({ technique: lead.technique, count: Math.max(1, sites.size) });
  }
  return out;
}

/**
 * "Cryotherapy to the following AKs:" then "#1 R forehead", "#2 L forehead", ...: the list
 * items after an anchor sentence ending in a colon are the lesions.
 */
function listCount(e: ProcedureEvent, index: MentionIndex): boolean {
  const doc = index.doc;
  const last = e.anchors[e.anchors.length - 1]!.sentence;
  const s = doc.sentences[last]!;
  if (!endsWithColon(index, last)) return false;
  let items = 0;
  let lines = 0;
  for (let k = last + 1; k < doc.sentences.length; k++) {
    const t = doc.sentences[k]!;
    if (t.sectionIndex !== s.sectionIndex || !LIST_ITEM.test(doc.text.slice(t.start, t.start + 6)))
      break;
    const counted = inSentence(index, k, "count").filter((c) => !c.vague && !c.ordinal);
    const trailing = TRAILING_NUMBER.exec(doc.text.slice(t.start, t.end));
    items +=
      counted.length > 0
        ? counted.reduce((n, c) => n + c.count, 0)
        : trailing
          ? Number(trailing[1])
          : 1;
    lines++;
  }
  if (lines < 2 && items < 2) return false;
  e.count = items;
  e.countSource = "explicit";
  if (e.lesions.length === 1) e.lesions[0]!.count = items;
  return true;
}

/** "- face (forehead, temples, nose): 5": the number after the item's colon. */
const TRAILING_NUMBER = /:\s*(\d{1,3})\s*\.?\s*$/;
const LIST_ITEM = /^\s*(?:#\s*\d+|\d+\s*[.)]|[-*\u2022])/;

/**
 * A count in an anchor sentence counts the event; one in a neighbouring sentence only when that
 * sentence is a template field ("Number of lesions: 5") or the count names the event's lesion type.
 */
function applies(
  c: CountMention,
  e: ProcedureEvent,
  anchors: Set<number>,
  index: MentionIndex,
): boolean {
  if (anchors.has(c.sentence)) return true;
  // "All toenails are thick and dystrophic." describes the nails; only "all of her toenails were
  // debrided" counts the procedure told with it.
  if (c.implied) return false;
  const item = index.listNumber.get(c.sentence);
  if (item !== undefined && ![...anchors].some((a) => index.listNumber.get(a) === item))
    return false;
  if (isFieldLine(index, c.sentence)) return true;
  if (c.target === undefined || !e.histology) return false;
  const hist = inSentence(index, c.sentence, "histology");
  const target = hist.find((h) => h.start === c.target);
  if (target?.histology === e.histology.histology) return true;
  return (
    target?.malignancy === "unknown" && hist.some((h) => h.histology === e.histology!.histology)
  );
}

/** Repeated mentions of one lesion type without their own counts are one lesion entry. */
function dedupeLesions(e: ProcedureEvent): void {
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  const own = e.lesions.filter((l) => l.histology && anchorSentences.has(l.histology.sentence));
  const ownSpecific = own.some((l) => l.histology?.malignancy !== "unknown");
  const chosenSpecific = e.histology !== undefined && e.histology.malignancy !== "unknown";
  const list =
    own.length > 0 && (ownSpecific || !chosenSpecific)
      ? own
      : e.histology
        ? [{ histology: e.histology, count: 1 }]
        : [];
  const specific = list.filter((l) => l.histology?.malignancy !== "unknown");
  e.lesions = specific.length > 0 ? specific : list;
}

/**
 * One entry per lesion type: counted mentions of a type add up ("14 AKs on the scalp and 5 AKs
 * on the cheek" = 19); uncounted repeats of a counted or already listed type are the same lesions.
 */
function mergeLesionTypes(e: ProcedureEvent, index: MentionIndex): void {
  const byType = new Map<string, ProcedureEvent["lesions"][number]>();
  const sectionOf = (c: CountMention) => index.doc.sentences[c.sentence]!.sectionIndex;
  for (const l of e.lesions) {
    const key = l.histology?.histology ?? "";
    const seen = byType.get(key);
    if (!seen) byType.set(key, { ...l });
    else if (l.countMention && seen.countMention) {
      // "...to the 6 actinic keratoses." then "ASSESSMENT: Actinic keratoses x6, treated": the
      // same number in another section tells the same lesions again.
      const retold =
        l.count === seen.count && sectionOf(l.countMention) !== sectionOf(seen.countMention);
      if (!retold) seen.count += l.count;
    } else if (l.countMention) byType.set(key, { ...l });
  }
  e.lesions = [...byType.values()];
}

function inferCount(
  e: ProcedureEvent,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): void {
  if (!PER_LESION.has(e.kind) && e.kind !== "i_and_d") return;
  const anchor = e.anchors[0]!;
  const own = new Set(e.anchors.map((a) => a.id));
  const next = inSentence(index, anchor.sentence, "procedure").find(
    (p) => p.start > anchor.start && !own.has(p.id),
  );
  // A site another procedure of the sentence was placed at ("...; the left arm was punched")
  // is that procedure's lesion, not a second one of this.
  const othersSite = (x: { start: number }) =>
    events.some(
      (o) =>
        o !== e &&
        o.site?.start === x.start &&
        o.anchors.some((a) => a.sentence === anchor.sentence),
    );
  // "Shave biopsy of the left arm today; the previous biopsy site on the back ...": a ";" ends
  // the clause that lists the procedure's places.
  const sentence = index.doc.sentences[anchor.sentence]!;
  const semicolon = index.doc.text.indexOf(";", anchor.end);
  const clauseEnd = semicolon >= 0 && semicolon < sentence.end ? semicolon : sentence.end;
  const after = (x: { start: number }) =>
    x.start > anchor.start && x.start < clauseEnd && (!next || x.start < next.start);
  // "Abscesses of the left and right buttock were drained": a drainage written after its
  // lesions is placed by the places named before it in its clause (after any ";" or other
  // procedure before it).
  const before = (x: { start: number }) =>
    e.kind === "i_and_d" &&
    x.start < anchor.start &&
    x.start > clauseStart(index, anchor) &&
    !inSentence(index, anchor.sentence, "procedure").some(
      (p) => !own.has(p.id) && p.start > x.start && p.start < anchor.start,
    );
  const placeOf = (x: SiteMention) => !x.landmark && !othersSite(x);
  const following = inSentence(index, anchor.sentence, "site").filter(
    (x) => after(x) && placeOf(x),
  );
  const inClause = following.length > 0 ? after : before;
  const sites =
    following.length > 0
      ? following
      : inSentence(index, anchor.sentence, "site").filter((x) => before(x) && placeOf(x));
  // "left ear helix": a site word without a side beside the same site with one is one place.
  // "the right great toe and the right second toe": digits of one site are places of their own
  // (a site word naming no digit, "the toe", is one of them).
  const withDigits = new Set(sites.filter((x) => x.digit).map((x) => x.site));
  const sides = new Map<string, Set<string>>();
  for (const x of sites) {
    if (withDigits.has(x.site) && !x.digit) continue;
    const key = x.digit ? `${x.site}|${digitKey(x.digit)}` : x.site;
    const set = sides.get(key) ?? new Set<string>();
    // "each forearm" is doubled once for the event (attachCounts), not here too.
    if (x.laterality && !x.perSide) set.add(x.laterality);
    sides.set(key, set);
  }
  let places = 0;
  let twoSided = false;
  // "of both forearms": one place on each side.
  for (const set of sides.values()) {
    places += set.has("bilateral") ? Math.max(2, set.size) : Math.max(1, set.size);
    if (set.has("bilateral") || set.size > 1) twoSided = true;
  }
  // "I&D of abscesses R and L axillae": drainages of one visit are counted by abscess when the
  // abscesses are on both sides of a site or named in the plural at several places (one abscess
  // may reach over two named places).
  // "I&D of abscess R axilla and abscess L groin": the drained lesion named again at each place.
  const drained =
    e.kind === "i_and_d" &&
    (twoSided || pluralLesion(e, index) || namedAgain(e, index, anchor.sentence, inClause));
  if (places > 1 && (e.kind === "biopsy" || e.kind === "nail" || drained)) {
    e.count = places;
    e.countSource = "inferred";
  }
}

/** The sentence's ";" before the anchor, or its start. */
function clauseStart(index: MentionIndex, anchor: ProcedureMention): number {
  const sentence = index.doc.sentences[anchor.sentence]!;
  const semicolon = index.doc.text.lastIndexOf(";", anchor.start);
  return semicolon >= sentence.start ? semicolon : sentence.start - 1;
}

/** The event's own lesion type (not a generic word) is named twice or more in its clause. */
function namedAgain(
  e: ProcedureEvent,
  index: MentionIndex,
  sentence: number,
  inClause: (x: { start: number }) => boolean,
): boolean {
  const type = e.histology?.histology;
  if (type === undefined) return false;
  let n = 0;
  for (const h of inSentence(index, sentence, "histology"))
    if (h.histology === type && !h.generic && inClause(h)) n++;
  return n > 1;
}

/** The event's lesion word is an English plural ("abscesses", "cysts"; not "abscess"). */
function pluralLesion(e: ProcedureEvent, index: MentionIndex): boolean {
  return e.lesions.some((l) => {
    const h = l.histology;
    return h !== undefined && PLURAL_ENDING.test(index.doc.lower.slice(h.start, h.end));
  });
}
const PLURAL_ENDING = /(?:[^siu]s|es)$/;

/**
 * The lesion entry a count names: the same mention, else the same lesion type. A generic word
 * with the type after "of" ("seven plaques of psoriasis") names that type.
 */
function lesionOf(c: CountMention, e: ProcedureEvent, index: MentionIndex) {
  if (c.target === undefined) return undefined;
  const exact = e.lesions.find((l) => l.histology?.start === c.target);
  if (exact) return exact;
  const hist = inSentence(index, c.sentence, "histology");
  let named = hist.find((h) => h.start === c.target);
  if (named?.malignancy === "unknown") {
    const text = index.doc.text;
    const of = hist.find(
      (h) =>
        h.start > named!.end && text.slice(named!.end, h.start).trim().toLowerCase() === WORDS.of,
    );
    if (of) named = of;
  }
  return named ? e.lesions.find((l) => l.histology?.histology === named.histology) : undefined;
}

/**
 * Counts of one lesion word's list that add up: bracketed ones ("neck (12), left axilla (6)")
 * and one whose lesion word was left out ("10 AKs on the scalp and 5 on the forearms").
 */
function sameList(a: CountMention, b: CountMention): boolean {
  if (a === b || a.target !== b.target || a.sentence !== b.sentence) return false;
  return (
    (a.ruleId === "count.bracket" && b.ruleId === "count.bracket") || b.ruleId === "count.elided"
  );
}
