import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { DeletedCodeMention, Doc } from "../types.ts";

const FIVE_DIGITS = /\b\d{5}\b/g;

/** Deleted or non-existent codes written in the note or its template ("CPT 11100"). */
export function extractDeletedCodes(doc: Doc, lex: CompiledLexicon): DeletedCodeMention[] {
  const out: DeletedCodeMention[] = [];
  FIVE_DIGITS.lastIndex = 0;
  for (let m = FIVE_DIGITS.exec(doc.text); m !== null; m = FIVE_DIGITS.exec(doc.text)) {
    const entry = lex.deletedCodes.get(m[0]);
    if (!entry) continue;
    const sentence = doc.sentenceOfToken[tokenIndex(doc, m.index)] ?? -1;
    out.push({
      id: -1,
      kind: "deleted_code",
      start: m.index,
      end: m.index + 5,
      text: m[0],
      ruleId: entry.id,
      sentence,
      code: entry.code,
      replacement: entry.replacement,
      message: entry.message,
    });
  }
  return out;
}

function tokenIndex(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
