import type { PhraseTrie } from "../lexicon/trie.ts";
import type { Doc, MentionBase, MentionKind } from "../types.ts";

export interface TermMatch<T> {
  /** First token index. */
  first: number;
  /** Token index after the last token. */
  last: number;
  payload: T;
  sentence: number;
}

/** Leftmost-longest matches of a trie in every sentence (matches never cross sentences). */
export function matchSentences<T>(
  doc: Doc,
  trie: PhraseTrie<T>,
  sentences: Doc["sentences"] = doc.sentences,
): TermMatch<T>[] {
  const out: TermMatch<T>[] = [];
  trie.scanRanges(doc.canon, sentences, doc.canonIds, (start, length, payload, sentence) => {
    out.push({ first: start, last: start + length, payload, sentence });
  });
  return out;
}

/** The common mention fields for a token range; `id` is assigned by the extract stage. */
export function mentionBase(
  doc: Doc,
  kind: MentionKind,
  first: number,
  last: number,
  ruleId: string,
  sentence: number,
): MentionBase {
  const start = doc.tokens[first]!.start;
  const end = doc.tokens[last - 1]!.end;
  return { id: -1, kind, start, end, text: doc.original.slice(start, end), ruleId, sentence };
}
