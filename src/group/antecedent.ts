import { inSentence, type MentionIndex } from "./index-mentions.ts";

/**
 * Sections that tell today's procedures against a problem list ("1. NUB, left ala - shave biopsy
 * today"; "P: Removed."): a plan line there may refer back to the line above it.
 */
export const PROBLEM_SECTIONS: ReadonlySet<string> = new Set(["assessment", "plan"]);
/** Sections whose line names the lesion a plan line refers back to ("O: ...", "A: ISK R shoulder"). */
const ANTECEDENT_SECTIONS = new Set(["assessment", "exam", "diagnosis"]);

/**
 * "A: ISK R shoulder 0.8 cm." then "P: Removed by shave technique.": a plan line naming no lesion
 * and no site of its own refers back, like an anaphor, to the lesion of the line just above it:
 * the last line of the section right before its own, when that is an exam or assessment section.
 * When that line names no site ("O: 2 cm fluctuant nodule R axilla" / "A: abscess" / "P: I&D"),
 * the last line of the exam or assessment section right before it is read too.
 * Never across a numbered problem list ("A/P: 1. ISK R shoulder ... 2. AK scalp. LN2."): a line
 * in a numbered item, or an antecedent section with two or more numbered items, has none.
 * With `forSite`, a plan line naming its lesion but no site refers back too, for the site only
 * ("O: 3 furuncles: R buttock x2, L buttock x1." / "P: I&D of all 3 abscesses").
 * Returns the antecedent lines' sentences (none when there is no antecedent).
 */
export function antecedentLine(index: MentionIndex, sentence: number, forSite = false): number[] {
  const own = index.doc.sentences[sentence]!;
  if (!PROBLEM_SECTIONS.has(own.section) || index.listNumber.has(sentence)) return [];
  if (inSentence(index, sentence, "site").length > 0) return [];
  if (!forSite && inSentence(index, sentence, "histology").length > 0) return [];
  const line = lastLineBefore(index, sectionStart(index, sentence));
  if (line.length === 0 || line.some((k) => inSentence(index, k, "site").length > 0)) return line;
  return [...lastLineBefore(index, sectionStart(index, line[0]!)), ...line];
}

/** The first sentence of sentence k's section. */
function sectionStart(index: MentionIndex, k: number): number {
  const sentences = index.doc.sentences;
  let first = k;
  while (first > 0 && sentences[first - 1]!.sectionIndex === sentences[k]!.sectionIndex) first--;
  return first;
}

/**
 * The sentences of the last line of the section that ends right before sentence `first` (the
 * first of its section), when it is an exam or assessment section and no numbered list of two or
 * more items.
 */
function lastLineBefore(index: MentionIndex, first: number): number[] {
  const sentences = index.doc.sentences;
  const last = sentences[first - 1];
  if (!last || last.sectionIndex !== sentences[first]!.sectionIndex - 1) return [];
  if (!ANTECEDENT_SECTIONS.has(last.section)) return [];
  const text = index.doc.text;
  const out: number[] = [];
  const numbers = new Set<number>();
  for (let k = last.index; k >= 0 && sentences[k]!.sectionIndex === last.sectionIndex; k--) {
    const n = index.listNumber.get(k);
    if (n !== undefined) numbers.add(n);
    const next = sentences[out.at(-1) ?? k]!;
    if (out.length === 0 || !text.slice(sentences[k]!.end, next.start).includes("\n")) out.push(k);
  }
  return numbers.size >= 2 ? [] : out.reverse();
}
