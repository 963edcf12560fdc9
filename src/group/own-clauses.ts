import { ARTICLES, CLAUSE_JOINERS } from "../text/grammar.ts";
import type { HistologyMention, ProcedureMention } from "../types.ts";
import { inSentence, type MentionIndex, stepsJoined } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * The part of each sentence that names two or more events' procedures, one after the other, which
 * is each one's own clause: each procedure word owns the lesions, sites and sizes of its clause,
 * not those of the other procedure's. The cut between two events' words is the strongest clause
 * joiner between them (the last of equal ones), but one that lists a site or a size ("on the
 * cheek and the temple", "0.6 cm and 0.8 cm"). A sentence whose events' words interleave, or
 * with no joiner between two of them, is left whole.
 */
export function markOwnClauses(events: readonly ProcedureEvent[], index: MentionIndex): void {
  const bySentence = new Map<
    number,
    { e: ProcedureEvent; anchor: ProcedureMention; first: number; last: number }[]
  >();
  for (const e of events) {
    // "The biopsy-proven BCC measured 1.4 cm and was excised": a word saying how the lesion was
    // diagnosed tells no procedure of the sentence.
    for (const a of e.anchors) {
      if (a.pathologyCue) continue;
      const list = bySentence.get(a.sentence) ?? [];
      bySentence.set(a.sentence, list);
      const own = list.find((x) => x.e === e);
      if (own) {
        own.first = Math.min(own.first, a.start);
        own.last = Math.max(own.last, a.end);
      } else list.push({ e, anchor: a, first: a.start, last: a.end });
    }
  }
  for (const [sentence, list] of bySentence) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.first - b.first);
    const s = index.doc.sentences[sentence]!;
    const bounds = [s.start];
    for (let k = 1; k < list.length; k++) {
      const [prev, next] = [list[k - 1]!, list[k]!];
      // "Two warts were pared and frozen, and 4 AKs ... LN2": two words told as steps of one
      // action ("and", "then") treat the same lesions, which no cut may part.
      const apart =
        prev.last <= next.first && !stepsJoined(index, { end: prev.last }, { start: next.first });
      const cut = apart ? clauseCut(index, sentence, prev.last, next.first) : undefined;
      if (cut === undefined) break;
      bounds.push(cut);
    }
    if (bounds.length !== list.length) continue;
    bounds.push(s.end);
    // "6 warts were pared and frozen": a clause naming no lesion of its own shares the other's.
    const named = list.every(({ anchor }, k) =>
      namesLesionIn({ from: bounds[k]!, to: bounds[k + 1]! }, anchor, index),
    );
    if (!named) continue;
    list.forEach(({ e }, k) => {
      e.clauses ??= new Map();
      e.clauses.set(sentence, { from: bounds[k]!, to: bounds[k + 1]! });
    });
  }
}

/** The clause joiners of a sentence, with their strength, but those listing sites or sizes. */
function clauseJoiners(index: MentionIndex, sentence: number): { at: number; strength: number }[] {
  const memo = joinerMemo.get(index) ?? new Map<number, { at: number; strength: number }[]>();
  joinerMemo.set(index, memo);
  const known = memo.get(sentence);
  if (known) return known;
  const tokens = index.doc.tokens;
  const s = index.doc.sentences[sentence]!;
  const sites = new Set(inSentence(index, sentence, "site").map((m) => m.start));
  const sizes = new Set(inSentence(index, sentence, "size").map((m) => m.start));
  const out: { at: number; strength: number }[] = [];
  for (let i = s.firstToken; i < s.lastToken && i < tokens.length; i++) {
    let strength = CLAUSE_JOINERS.get(tokens[i]!.norm);
    if (strength === undefined) continue;
    // "on the cheek and the temple", "0.6 cm and 0.8 cm": the joiner lists sites or sizes.
    const next = tokens[i + 1]?.start ?? -1;
    const named = ARTICLES.has(tokens[i + 1]?.norm ?? "") ? (tokens[i + 2]?.start ?? -1) : next;
    if (strength < 3 && (sites.has(named) || sizes.has(next))) continue;
    if (strength < 2 && tokens[i - 1]?.norm === ",") strength = 2;
    out.push({ at: tokens[i]!.start, strength });
  }
  memo.set(sentence, out);
  return out;
}

const joinerMemo = new WeakMap<MentionIndex, Map<number, { at: number; strength: number }[]>>();

/**
 * Offset of the clause joiner in [from, to) of a sentence that parts two clauses: the strongest,
 * the last of equal ones; undefined when none stands there.
 */
export function clauseCut(
  index: MentionIndex,
  sentence: number,
  from: number,
  to: number,
): number | undefined {
  let best: { at: number; strength: number } | undefined;
  for (const j of clauseJoiners(index, sentence))
    if (j.at >= from && j.at < to && (!best || j.strength >= best.strength)) best = j;
  return best?.at;
}

/** The clause of a sentence a span stands in: between the clause joiners around it. */
export function clauseAround(
  index: MentionIndex,
  m: { sentence: number; start: number; end: number },
): { from: number; to: number } {
  const s = index.doc.sentences[m.sentence]!;
  const joiners = clauseJoiners(index, m.sentence);
  return {
    from: joiners.findLast((j) => j.at < m.start)?.at ?? s.start,
    to: joiners.find((j) => j.at >= m.end)?.at ?? s.end,
  };
}

/** The mention lies in the event's own clause of its sentence (or the event shares no sentence). */
export function inOwnClause(e: ProcedureEvent, m: { sentence: number; start: number }): boolean {
  const clause = e.clauses?.get(m.sentence);
  return clause === undefined || (m.start >= clause.from && m.start < clause.to);
}

/** A diagnosis naming a lesion type (not a generic "lesion" or "growth"). */
export function namesLesionType(h: HistologyMention): boolean {
  return h.procedureAs !== undefined || h.malignancy !== "unknown";
}

/** A site, a count or a specific lesion type stands in [from, to) of the mention's sentence. */
export function namesLesionIn(
  clause: { from: number; to: number },
  m: { sentence: number },
  index: MentionIndex,
): boolean {
  const inClause = (x: { start: number }) => x.start >= clause.from && x.start < clause.to;
  return (
    inSentence(index, m.sentence, "site").some(inClause) ||
    inSentence(index, m.sentence, "count").some((c) => inClause(c) && !c.ordinal) ||
    inSentence(index, m.sentence, "histology").some((h) => inClause(h) && namesLesionType(h))
  );
}
