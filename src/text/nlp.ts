/**
 * The only file that imports third-party NLP libraries. Everything it returns is our own data.
 * - natural (submodules only; its top-level entry loads database drivers): Porter stemming of
 *   procedure words ("excised" ~ "excision"), Damerau-Levenshtein distance to accept one-typo
 *   spellings of long clinical words ("seborheic" ~ "seborrheic").
 * - compromise: parses spelled-out number phrases that the lexicon's number words do not cover
 *   ("twenty-seven", "two and a half"). Used on short spans only, never on whole notes.
 */
import nlp from "compromise";
import distance from "natural/lib/natural/distance/levenshtein_distance.js";
import porter from "natural/lib/natural/stemmers/porter_stemmer.js";
import { ownString } from "./own.ts";

export function stem(word: string): string {
  return porter.stem(word);
}

/** Optimal-string-alignment distance (a transposition counts as one edit). */
export function editDistance(a: string, b: string): number {
  return distance.DamerauLevenshteinDistance(a, b, { restricted: true });
}

/** Parsed phrases: a compromise parse costs about 0.3 ms, and the same phrases recur. */
const numberMemo = new Map<string, number | undefined>();
const NUMBER_MEMO_LIMIT = 10_000;

/** The value of a spelled-out number phrase, or undefined when it is not one (memoised). */
export function parseNumberPhrase(phrase: string): number | undefined {
  if (numberMemo.has(phrase)) return numberMemo.get(phrase);
  const values = nlp(phrase).numbers().get() as unknown[];
  const first = values[0];
  const value = typeof first === "number" && Number.isFinite(first) ? first : undefined;
  if (numberMemo.size < NUMBER_MEMO_LIMIT) numberMemo.set(ownString(phrase), value);
  return value;
}
