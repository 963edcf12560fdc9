import type { CompiledLexicon } from "../lexicon/compile.ts";
import { ARTICLES, LIST_JOINERS } from "../text/grammar.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";
import { type Part, partEvent, splitPerLesion } from "./split.ts";
import type { ProcedureEvent } from "./types.ts";

/** One lesion told by an ordinal: where its words start in its sentence, and its number. */
interface Opener {
  sentence: number;
  start: number;
  n: number;
}

/**
 * "Two skin cancers are treated with ED&C." then "The first is a 1.2 cm BCC of the left shoulder;
 * the second is a 0.6 cm BCC of the nose." (or "One is ..., the other ..."): an event of a kind
 * coded per lesion, counted in its sentence, whose lesions the next sentences tell one by one by
 * ordinals, is one event per lesion, each with the site, sizes and diagnosis of its own part.
 * Every told lesion is coded; a count that differs from them is warned about.
 */
export function splitOrdinalItems(
  events: ProcedureEvent[],
  index: MentionIndex,
  lex: CompiledLexicon,
): ProcedureEvent[] {
  let split = false;
  const out: ProcedureEvent[] = [];
  for (const e of events) {
    const parts = ordinalParts(e, index, lex);
    if (parts.length < 2) {
      out.push(e);
      continue;
    }
    split = true;
    const lesions = parts.map((part) => partEvent(e, part, index));
    for (const l of lesions) l.ruleIds.push("group.ordinal-items");
    if (e.count !== parts.length) lesions[0]!.issues.push(countIssue(e, parts.length, index));
    out.push(...lesions);
  }
  if (!split) return events;
  out.forEach((e, i) => {
    e.index = i;
    e.lesion = i;
  });
  return out;
}

function countIssue(e: ProcedureEvent, told: number, index: MentionIndex) {
  const c = e.anchors
    .flatMap((a) => inSentence(index, a.sentence, "count"))
    .find((x) => x.count === e.count && !x.vague && !x.ordinal);
  return {
    code: "count_ambiguous" as const,
    message: `the note counts ${e.count} but tells ${told} lesions one by one: the told lesions are coded; confirm the count`,
    severity: "warning" as const,
    ...(c ? { span: { start: c.start, end: c.end } } : {}),
    ruleId: "group.ordinal-items",
  };
}

/** The parts of the sentences after the event's counted sentence that each tell one lesion, or []. */
function ordinalParts(e: ProcedureEvent, index: MentionIndex, lex: CompiledLexicon): Part[] {
  if (!e.assertion.billable || e.count < 2 || e.countSource !== "explicit") return [];
  if (!splitPerLesion(e.kind) || (e.kind === "destruction" && e.malignancy !== "malignant"))
    return [];
  const sentences = index.doc.sentences;
  const heading = Math.max(...e.anchors.map((a) => a.sentence));
  const section = sentences[heading]!.sectionIndex;
  const openers: Opener[] = [];
  for (let k = heading + 1; k < sentences.length && k <= heading + e.count + 1; k++) {
    if (sentences[k]!.sectionIndex !== section) break;
    const found = openersIn(k, index, lex, openers.length, e.count);
    if (found.length === 0) break;
    openers.push(...found);
  }
  if (openers.length < 2) return [];
  const parts: Part[] = [];
  for (const [i, o] of openers.entries()) {
    const next = openers[i + 1];
    const to = next?.sentence === o.sentence ? next.start : sentences[o.sentence]!.end;
    const site = inSentence(index, o.sentence, "site").find(
      (x) => x.start >= o.start && x.start < to,
    );
    if (!site) return [];
    parts.push({ sentence: o.sentence, site, from: o.start, to });
  }
  return parts;
}

/**
 * The ordinal openers of sentence k, in order after the `before` already read: an ordinal
 * ("first", "2nd"), or a first-item word ("one") or last-item word ("other") for the first and
 * the count-th, at the start of the sentence or of a clause (after a list joiner), past an
 * article ("the second ..."), and not a word's ordinal ("the first cycle").
 */
function openersIn(
  k: number,
  index: MentionIndex,
  lex: CompiledLexicon,
  before: number,
  count: number,
): Opener[] {
  const { tokens, canon } = index.doc;
  const s = index.doc.sentences[k]!;
  const out: Opener[] = [];
  for (let i = s.firstToken; i < s.lastToken; i++) {
    const clause = i === s.firstToken || LIST_JOINERS.has(canon[i - 1] ?? "");
    if (!clause) continue;
    const at = ARTICLES.has(canon[i]!) ? i + 1 : i;
    const word = canon[at] ?? "";
    const expected = before + out.length + 1;
    const n =
      lex.ordinals.get(word) ??
      (lex.firstItemWords.has(word) ? 1 : lex.lastItemWords.has(word) ? count : undefined);
    if (n !== expected || at >= s.lastToken) continue;
    const after = canon[at + 1] ?? "";
    if (lex.notCountWords.has(after) || lex.notCountAfter.has(after)) continue;
    out.push({ sentence: k, start: tokens[i]!.start, n });
  }
  // A sentence continuing the list opens its first part at its start.
  return out.length > 0 && out[0]!.start === tokens[s.firstToken]!.start ? out : [];
}
