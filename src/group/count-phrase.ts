import { LIST_JOINERS } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
import type { CountMention, ProcedureMention } from "../types.ts";
import { inSentence, joinersBetween, type MentionIndex } from "./index-mentions.ts";
import { clauseCut } from "./own-clauses.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * The procedure words whose phrase a count is written in, among the words of its sentence that
 * anchor an event: a term the count is part of ("toenails were debrided" around "all other
 * toenails"), the one it counts right before it ("Two punch biopsies"), else the one before it
 * ("tangential biopsies of two lesions"), unless a list joiner parts them and none parts the
 * count from the next one ("Shave biopsy of the arm; 4 AKs were frozen"); with the words joined
 * to that one by nothing but list joiners ("eight in total, pared and frozen"). Empty when the
 * sentence names no such word.
 */
function phraseWords(
  c: CountMention,
  index: MentionIndex,
  anchored: (p: ProcedureMention) => boolean,
): ProcedureMention[] {
  const words = inSentence(index, c.sentence, "procedure").filter(anchored);
  const at = phraseWord(c, words, index);
  if (at < 0) return [];
  let from = at;
  let to = at;
  while (from > 0 && joinedOnly(index, words[from - 1]!, words[from]!)) from--;
  while (to + 1 < words.length && joinedOnly(index, words[to]!, words[to + 1]!)) to++;
  return words.slice(from, to + 1);
}

/** Index in `words` of the procedure word heading the count's phrase, or -1. */
function phraseWord(c: CountMention, words: ProcedureMention[], index: MentionIndex): number {
  const around = words.findIndex((p) => p.start < c.end && c.start < p.end);
  if (around >= 0) return around;
  const prev = words.findLastIndex((p) => p.end <= c.start);
  const next = words.findIndex((p) => p.start >= c.end);
  if (prev < 0 || next < 0) return prev < 0 ? next : prev;
  if (c.ruleId === "count.procedure") return next;
  // "Punch biopsy of the shin, and two SKs on the chest were shaved": a clause joiner parts the
  // count from the word before it, none from the word after it, whose clause it opens.
  const sentence = c.sentence;
  if (
    clauseCut(index, sentence, words[prev]!.end, c.start) !== undefined &&
    clauseCut(index, sentence, c.end, words[next]!.start) === undefined
  )
    return next;
  const apartFromPrev = joinersBetween(index, words[prev]!, c) > 0;
  return apartFromPrev && joinersBetween(index, c, words[next]!) === 0 ? next : prev;
}

/** Nothing but list joiners stands between two procedure words ("pared and frozen"). */
function joinedOnly(index: MentionIndex, a: ProcedureMention, b: ProcedureMention): boolean {
  const tokens = index.doc.tokens;
  for (let i = tokenAt(tokens, a.end); i < tokens.length && tokens[i]!.start < b.start; i++)
    if (!LIST_JOINERS.has(tokens[i]!.norm)) return false;
  return true;
}

/**
 * "Punch biopsy of the right forearm, tangential biopsies of two lesions on the back": a count
 * stays in the procedure phrase it is written in. It is not this event's when that phrase is
 * another event's: the punch is one biopsy, the two are tangential. The same holds between two
 * events of one technique ("Two punches from one plaque on the back, plus one punch of a
 * separate plaque on the thigh"), and between a destruction and a biopsy, a shave and an excision.
 */
export function inOtherPhrase(
  c: CountMention,
  e: ProcedureEvent,
  index: MentionIndex,
  anchors: ReadonlySet<ProcedureMention>,
): boolean {
  // "two bx-proven BCCs": a word saying how a lesion was diagnosed heads no phrase.
  const phrase = phraseWords(c, index, (p) => !p.pathologyCue && anchors.has(p));
  return phrase.length > 0 && !phrase.some((p) => e.anchors.includes(p));
}
