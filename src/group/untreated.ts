import type { CompiledLexicon } from "../lexicon/compile.ts";
import { tokenAt } from "../text/tokens.ts";
import type { HistologyMention, Mention } from "../types.ts";
import { inSentence, isBillable, type MentionIndex, ofKind } from "./index-mentions.ts";
import { otherSide } from "./lesions.ts";
import { samePlace, sameSite } from "./places.ts";
import type { ProcedureEvent } from "./types.ts";

/** How many words before a lesion word a word setting it apart may stand ("6 other irritated SKs"). */
const OTHER_REACH = 3;

/** Procedures that sample a lesion without treating it: told in the past, the lesion is still there. */
const DIAGNOSTIC: ReadonlySet<string> = new Set(["biopsy"]);

const memo = new WeakMap<MentionIndex, ReadonlySet<number>>();

/**
 * The lesion mentions (ids) a note says were left untreated, in sentences that name no procedure
 * done today: "6 other SKs on back" (lexicon procedures `untreatedLesions.otherWords` just before
 * the lesion word: lesions set apart from the treated one), and "Numerous SKs on back, no
 * treatment" or "Observe 3 SKs on the chest" (a cue of `untreatedLesions.cues`; it marks the
 * lesion word right before it, or, with none before, the first one after it). Such lesions lend
 * no diagnosis, count or site to a procedure told in another sentence.
 */
export function untreatedLesions(index: MentionIndex, lex: CompiledLexicon): ReadonlySet<number> {
  const known = memo.get(index);
  if (known) return known;
  const out = new Set<number>();
  memo.set(index, out);
  const rule = lex.untreatedLesions;
  if (!rule) return out;
  const { tokens, canon, sentences } = index.doc;
  const bySentence = new Map<number, HistologyMention[]>();
  for (const h of ofKind(index, "histology")) {
    const list = bySentence.get(h.sentence) ?? [];
    list.push(h);
    bySentence.set(h.sentence, list);
  }
  for (const [k, lesions] of bySentence) {
    if (inSentence(index, k, "procedure").some((p) => isBillable(index, p))) continue;
    const s = sentences[k]!;
    for (const h of lesions) {
      const at = tokenAt(tokens, h.start);
      for (let j = at - 1; j >= s.firstToken && j >= at - OTHER_REACH; j--) {
        if (rule.otherWords.has(canon[j] ?? "")) out.add(h.id);
      }
    }
    for (const cue of rule.cues.findAll(canon, s.firstToken, s.lastToken)) {
      const start = tokens[cue.start]!.start;
      const before = lesions.filter((h) => h.end <= start).at(-1);
      const marked = before ?? lesions.find((h) => h.start >= start);
      if (marked) out.add(marked.id);
    }
  }
  return out;
}

/**
 * A sentence that tells only of lesions treated in the past ("Hx: BCC L back s/p excision 2021.")
 * or of untreated lesions ("6 other SKs on back.") places no procedure told in another sentence:
 * its site is theirs. A past biopsy ("Shave biopsy of the left upper back lesion on 4/10 showed
 * ...") names the lesion treated today, and still places it.
 */
export function placesNothing(
  index: MentionIndex,
  lex: CompiledLexicon,
  sentence: number,
): boolean {
  const untreated = untreatedLesions(index, lex);
  const past = (m: Mention) => index.assertions.get(m.id)?.temporality === "historical";
  const lesions = inSentence(index, sentence, "histology");
  const procedures = inSentence(index, sentence, "procedure");
  if (lesions.length + procedures.length === 0) return false;
  if (!lesions.every((h) => untreated.has(h.id) || past(h)) || !procedures.every(past))
    return false;
  return (
    lesions.some((h) => untreated.has(h.id)) || procedures.some((p) => !DIAGNOSTIC.has(p.procedure))
  );
}

/**
 * "Procedure: LN2 to the 2 scalp lesions.", "the L flank lesion was removed by shave": a
 * procedure whose own sentence places its lesion at one site, naming it only by a generic word,
 * takes what another sentence tells of that lesion only where that sentence is at the same
 * place. Returns a test of a sentence (true: it tells of lesions elsewhere), or undefined when
 * the procedure names no such site.
 */
export function toldElsewhere(
  e: ProcedureEvent,
  index: MentionIndex,
): ((sentence: number) => boolean) | undefined {
  const own = e.site;
  if (!own || e.siteInferred) return undefined;
  const anchors = new Set(e.anchors.map((a) => a.sentence));
  if (!anchors.has(own.sentence)) return undefined;
  // Loops rather than lists: this is asked for every event, twice, and mostly answers no.
  let lesions = 0;
  for (const k of anchors) {
    for (const s of inSentence(index, k, "site"))
      if (!s.landmark && !samePlace(s, own)) return undefined;
    for (const h of inSentence(index, k, "histology")) {
      if (h.malignancy !== "unknown") return undefined;
      lesions++;
    }
  }
  if (lesions === 0) return undefined;
  return (k) => {
    if (anchors.has(k)) return false;
    const sites = inSentence(index, k, "site").filter((s) => !s.landmark);
    return sites.length > 0 && !sites.some((s) => sameSite(s, own) && !otherSide(s, own));
  };
}
