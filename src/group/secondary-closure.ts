import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { PhraseTrie } from "../lexicon/trie.ts";
import { tokenAt } from "../text/tokens.ts";
import type { ProcedureMention } from "../types.ts";
import { joinersBetween, type MentionIndex } from "./index-mentions.ts";
import { mostComplex } from "./named-wounds.ts";
import { samePlace } from "./places.ts";
import type { ProcedureEvent } from "./types.ts";

/** Un-negated hits of a phrase list in tokens [from, to): each hit's first token and length. */
export type UnnegatedHits = (
  words: PhraseTrie<string>,
  from: number,
  to: number,
) => { start: number; length: number }[];

/** How many tokens may stand between a dehiscence word and the closure it names. */
const DEHISCENCE_REACH = 8;
/** How many sentences before a re-closure a dehiscence may be told. */
const RECLOSURE_BEFORE = 2;

/**
 * Secondary closure (lexicon procedures `secondaryClosure`): a closure of a wound that came apart
 * or was left open is coded by how it was closed, not as a repair by length.
 *
 * - "Secondary closure of wound, complicated": a repair term with the rule's code key names it.
 * - "The dehisced wound was closed with simple interrupted sutures", "Closure of the wound
 *   dehiscence": so does a closure with a dehiscence word in its own clause, a few tokens away.
 * - "complicated", "extensive" in its sentence: an extensive or complicated closure (complex).
 * - "packed with iodoform gauze" in its sentence or the next: the closure with packing.
 */
export function markSecondaryClosure(
  e: ProcedureEvent,
  index: MentionIndex,
  lex: CompiledLexicon,
  hits: UnnegatedHits,
): void {
  const rule = lex.secondaryClosure;
  if (!rule || e.kind !== "repair" || !namesSecondaryClosure(e.anchors, index, lex, hits)) return;
  const sentences = [...new Set(e.anchors.map((a) => a.sentence))];
  const said = (words: PhraseTrie<string>, ks: number[]) =>
    ks.some((k) => {
      const s = index.doc.sentences[k];
      return s !== undefined && hits(words, s.firstToken, s.lastToken).length > 0;
    });
  e.codeKey = rule.codeKey;
  e.ruleIds.push(rule.id);
  if (e.repairType !== "complex" && said(rule.extensive, sentences)) {
    e.repairType = "complex";
    e.issues = e.issues.filter((i) => i.code !== "repair_type_inferred");
  }
  if (said(rule.packing, [...sentences, ...sentences.map((k) => k + 1)]))
    e.technique = rule.packingTechnique;
}

/**
 * Do these closure mentions name a secondary closure, by their term or by a dehiscence word in
 * their own clause ("partial dehiscence of previously closed wounds, and the closure was
 * satisfactory" names none)?
 */
export function namesSecondaryClosure(
  closures: ProcedureMention[],
  index: MentionIndex,
  lex: CompiledLexicon,
  hits: UnnegatedHits,
): boolean {
  const rule = lex.secondaryClosure;
  if (!rule) return false;
  if (closures.some((a) => a.codeKey === rule.codeKey)) return true;
  const tokens = index.doc.tokens;
  const sentences = index.doc.sentences;
  return closures.some((m) => {
    const s = sentences[m.sentence]!;
    const first = tokenAt(tokens, m.start);
    const inClause = hits(rule.dehiscence, s.firstToken, s.lastToken).some((h) => {
      const span = { start: tokens[h.start]!.start, end: tokens[h.start + h.length - 1]!.end };
      const gap = h.start < first ? first - (h.start + h.length) : h.start - tokenAt(tokens, m.end);
      return gap <= DEHISCENCE_REACH && joinersBetween(index, span, m) === 0;
    });
    if (inClause || hits(rule.reclosure, s.firstToken, s.lastToken).length === 0) return inClause;
    // "The wound had separated ... The edges were debrided and the wound was reclosed": a wound
    // closed again where a dehiscence was just told (an evacuated haematoma is not one).
    const from = sentences[Math.max(0, m.sentence - RECLOSURE_BEFORE)]!.firstToken;
    return hits(rule.dehiscence, from, s.lastToken).length > 0;
  });
}

/**
 * Secondary closures of one place in one visit are one closure, as complex as the most complex
 * of them ("Debridement and secondary layered closure of dehisced wound" in the title, "the wound
 * was reclosed ... with sutures" in the description).
 */
export function oneSecondaryClosurePerPlace(repairs: ProcedureEvent[], codeKey: string): void {
  const secondary = repairs.filter((e) => e.codeKey === codeKey);
  for (const e of secondary) {
    const same = secondary.filter(
      (o) =>
        (o.encounter ?? 0) === (e.encounter ?? 0) &&
        (!o.site || !e.site || samePlace(o.site, e.site)),
    );
    e.repairType = mostComplex(same.map((o) => o.repairType)) ?? e.repairType;
  }
}
