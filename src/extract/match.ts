import type { PhraseTrie, RangeMatch } from "../lexicon/trie.ts";
import type { Doc, MentionBase, MentionKind } from "../types.ts";

/**
 * A term found in a sentence: tokens [first, last) (`last` is the token after the last one),
 * its payload and its sentence index.
 */
export type TermMatch<T> = RangeMatch<T>;

/** Leftmost-longest matches of a trie in every sentence (matches never cross sentences). */
export function matchSentences<T>(
  doc: Doc,
  trie: PhraseTrie<T>,
  sentences: Doc["sentences"] = doc.sentences,
): TermMatch<T>[] {
  return trie.matchRanges(doc.canon, sentences, doc.canonIds, []);
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
