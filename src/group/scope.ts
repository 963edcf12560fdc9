import { antecedentLine } from "./antecedent.ts";
import type { MentionIndex } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/** Sentences after an anchor that still describe it ("Site: ...", "Size: ...", "margins ..."). */
const FOLLOWING = 6;
/** A procedure description that names no other procedure is read to its end (this far at most). */
const FOLLOWING_MAX = 30;
const PRECEDING = 4;
const DIAGNOSIS_SECTIONS = new Set(["diagnosis", "assessment"]);
/** Sections a template's fields may continue into ("Procedure: ED&C / Dx: BCC / Size: 8 mm"). */
/** Unheaded or narrative text just before a procedure section may describe its lesion. */
const LEADS_IN = new Set(["other", "exam", "hpi"]);
const CONTINUES = new Set([
  "procedure",
  "procedure_title",
  "diagnosis",
  "pathology",
  "other",
  "assessment",
]);

export interface EventScope {
  /** Anchor sentences, then following and preceding sentences of the same section. */
  near: number[];
  /** Diagnosis-list sentences linked by list number to the event's title line. */
  linked: number[];
  /** `near` within the usual reach only (skin evidence must sit close to the procedure). */
  close: number[];
}

/**
 * Where an event's attributes may be found. A sentence holding another event's anchor ends the
 * search in that direction, so attributes of neighbouring lesions do not leak.
 */
export function eventScope(
  e: ProcedureEvent,
  owner: Map<number, number>,
  index: MentionIndex,
): EventScope {
  const sentences = index.doc.sentences;
  const near = [...e.scope];
  const far = new Set<number>();
  const described = new Map<string, boolean>();
  const first = Math.min(...e.scope);
  // "A: ISK R shoulder 0.8 cm." then "P: Removed by shave technique.": the line a plan line
  // refers to is read right after the event's own sentences, and the next section is not its.
  const antecedent = antecedentLine(index, first);
  for (const s of antecedent) if (!near.includes(s) && !foreign(owner, s, e)) near.push(s);
  for (const anchor of e.scope) {
    for (let s = anchor + 1; s < sentences.length && s <= anchor + FOLLOWING_MAX; s++) {
      if (!CONTINUES.has(sentences[s]!.section)) {
        const resumes = descriptionAfterBackground(anchor, s, index);
        if (resumes === undefined) break;
        s = resumes - 1;
        continue;
      }
      if (foreign(owner, s, e)) break;
      if (antecedent.length > 0 && sentences[s]!.sectionIndex !== sentences[anchor]!.sectionIndex)
        break;
      // Past the usual reach, only the rest of a procedure description no other event claims.
      if (s > anchor + FOLLOWING && !describes(s, anchor, owner, e, index, described)) break;
      if (!near.includes(s)) near.push(s);
      if (s > anchor + FOLLOWING) far.add(s);
    }
  }
  for (let s = first - 1; s >= 0 && s >= first - PRECEDING; s--) {
    const sameSection = sentences[s]!.sectionIndex === sentences[first]!.sectionIndex;
    if ((!sameSection && !LEADS_IN.has(sentences[s]!.section)) || foreign(owner, s, e)) break;
    near.push(s);
  }
  // A later anchor in a description ("A fusiform excision was outlined") may follow its lesion's
  // measurement ("The cyst measured 3.5 cm."): the sentence before it in its own section.
  for (const anchor of e.scope) {
    const s = anchor - 1;
    if (anchor === first || s < 0 || near.includes(s) || foreign(owner, s, e)) continue;
    if (sentences[s]!.sectionIndex === sentences[anchor]!.sectionIndex) near.push(s);
  }
  // Sentences of another numbered item describe another lesion ("1. Back mole ... 2. Right cheek").
  const items = new Set(e.scope.map((s) => index.listNumber.get(s)).filter((n) => n !== undefined));
  const sameItem = (s: number) => {
    const n = index.listNumber.get(s);
    return n === undefined || items.size === 0 || items.has(n);
  };
  const kept = near.filter(sameItem);
  // A numbered item in an assessment list is its own diagnosis line: a sentence already near is
  // not linked again (its sizes and diagnoses would be read twice).
  return {
    near: kept,
    linked: linkedDiagnoses(e, index).filter((s) => !kept.includes(s)),
    close: kept.filter((s) => !far.has(s)),
  };
}

/** Background sections a procedure title may be followed by before its description. */
const BACKGROUND = new Set(["history", "hpi", "medications", "family_history", "social_history"]);

/**
 * "PROCEDURE: Excimer laser. / HISTORY: Vitiligo ... / TODAY'S TREATMENT: Total 300 sq cm": the
 * first sentence of the procedure description that follows the background sections starting at
 * sentence s, when the anchor is in a procedure title; undefined otherwise.
 */
function descriptionAfterBackground(
  anchor: number,
  s: number,
  index: MentionIndex,
): number | undefined {
  const sentences = index.doc.sentences;
  if (sentences[anchor]!.section !== "procedure_title") return undefined;
  let k = s;
  while (k < sentences.length && BACKGROUND.has(sentences[k]!.section)) k++;
  return k > s && k < sentences.length && sentences[k]!.section === "procedure" ? k : undefined;
}

/**
 * Sentence s continues the description of the event anchored at `anchor`: it lies in a procedure
 * description section that began within the usual reach, and no other event owns a sentence of it.
 */
function describes(
  s: number,
  anchor: number,
  owner: Map<number, number>,
  e: ProcedureEvent,
  index: MentionIndex,
  memo: Map<string, boolean>,
): boolean {
  const sentences = index.doc.sentences;
  const section = sentences[s]!.sectionIndex;
  if (sentences[s]!.section !== "procedure") return false;
  const key = `${anchor}:${section}`;
  let ok = memo.get(key);
  if (ok === undefined) {
    let k = s;
    while (k > 0 && sentences[k - 1]!.sectionIndex === section) k--;
    ok = k <= anchor + FOLLOWING;
    for (let j = k; ok && j < sentences.length && sentences[j]!.sectionIndex === section; j++)
      if (foreign(owner, j, e)) ok = false;
    memo.set(key, ok);
  }
  return ok;
}

function foreign(owner: Map<number, number>, s: number, e: ProcedureEvent): boolean {
  const o = owner.get(s);
  return o !== undefined && o !== e.index;
}

function linkedDiagnoses(e: ProcedureEvent, index: MentionIndex): number[] {
  const out: number[] = [];
  for (const a of e.anchors) {
    const n = index.listNumber.get(a.sentence);
    if (n === undefined) continue;
    for (const [s, m] of index.listNumber) {
      if (m === n && DIAGNOSIS_SECTIONS.has(index.doc.sentences[s]!.section) && !out.includes(s))
        out.push(s);
    }
  }
  return out;
}

/** Sentence -> event index for every anchor sentence of a billable event (the first event wins). */
export function anchorOwners(events: ProcedureEvent[]): Map<number, number> {
  const owner = new Map<number, number>();
  for (const e of events) {
    if (!e.assertion.billable) continue;
    for (const s of e.scope) if (!owner.has(s)) owner.set(s, e.index);
  }
  return owner;
}
