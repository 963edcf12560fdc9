import type { SiteMention } from "../types.ts";
import { inSentence, type MentionIndex } from "./index-mentions.ts";

/**
 * Sites of a sentence, else of the earlier sentences of its list item ("B. Right forearm:
 * 0.6 cm papule. Excised with 2 mm margins.") or of a line headed by its site ("Right cheek:
 * 1.2 cm cyst. Excised, simple closure."): the procedure told later on the line is placed there.
 */
export function sitesOnLine(sentence: number, index: MentionIndex): SiteMention[] {
  const own = inSentence(index, sentence, "site");
  if (own.length > 0) return own;
  const sentences = index.doc.sentences;
  const text = index.doc.text;
  const s = sentences[sentence]!;
  const lineStart = text.lastIndexOf("\n", s.start - 1) + 1;
  const item = index.listNumber.get(sentence);
  const siteHead = (x: SiteMention) => x.start - lineStart <= 3 && text[x.end] === ":";
  for (let k = sentence - 1; k >= 0 && sentences[k]!.start >= lineStart; k--) {
    if (sentences[k]!.sectionIndex !== s.sectionIndex) break;
    const sites = inSentence(index, k, "site");
    if (sites.length === 0) continue;
    return item !== undefined || sites.some(siteHead) ? sites : [];
  }
  return [];
}
