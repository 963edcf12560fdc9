import type { SiteMention } from "../types.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";

/**
 * Sites of a sentence, else of the sentences before it on its line: "B. Right forearm: 0.6 cm
 * papule. Excised with 2 mm margins." places the excision at the forearm.
 */
export function sitesOnLine(sentence: number, index: MentionIndex): SiteMention[] {
  const own = inSentence(index, sentence, "site");
  if (own.length > 0) return own;
  const sentences = index.doc.sentences;
  const text = index.doc.text;
  const s = sentences[sentence]!;
  const lineStart = text.lastIndexOf("\n", s.start - 1) + 1;
  // Only a line that is one item of a list: "A. ...", "#2 ...", "2) ...", "Right cheek: ...".
  const head = text.slice(lineStart, lineStart + 40);
  const siteHead = (x: SiteMention) => x.start - lineStart <= 3 && text[x.end] === ":";
  for (let k = sentence - 1; k >= 0 && sentences[k]!.start >= lineStart; k--) {
    if (sentences[k]!.sectionIndex !== s.sectionIndex) break;
    const sites = inSentence(index, k, "site");
    if (sites.length === 0) continue;
    return ITEM_HEAD.test(head) || sites.some(siteHead) ? sites : [];
  }
  return [];
}

/** The start of a list item's line: "A.", "b)", "#2", "2.", "2)". */
const ITEM_HEAD = /^[ \t]*(?:[a-h][.)]|\d{1,2}[.)]|#[ \t]*\d{1,2})[ \t]/i;
