import type { CompiledLexicon } from "../lexicon/compile.ts";
import { isBillable, type MentionIndex, ofKind } from "./index-mentions.ts";

/**
 * The encounter of each sentence (0 = the first). A sentence starts a new encounter on the same
 * date when it names a separate-encounter phrase ("later that day"), or a sequence word with a
 * care setting ("afterward ... in the operating room"), and a billable procedure was already
 * documented before it: an operative note that opens "taken to the operating room" stays one.
 */
export function sentenceEncounters(index: MentionIndex, lex: CompiledLexicon): Int32Array {
  const doc = index.doc;
  const out = new Int32Array(doc.sentences.length);
  const firstProcedure = ofKind(index, "procedure").find((m) => isBillable(index, m))?.sentence;
  if (firstProcedure === undefined) return out;
  let encounter = 0;
  for (const s of doc.sentences) {
    if (s.index > firstProcedure && startsEncounter(s.firstToken, s.lastToken, doc.canon, lex))
      encounter++;
    out[s.index] = encounter;
  }
  return out;
}

function startsEncounter(from: number, to: number, canon: string[], lex: CompiledLexicon): boolean {
  if (lex.encounterPhrases.occursIn(canon, from, to)) return true;
  let sequence = false;
  for (let i = from; i < to && !sequence; i++) sequence = lex.encounterSequence.has(canon[i]!);
  return sequence && lex.encounterSettings.occursIn(canon, from, to);
}
