/**
 * What the inert-edit check needs to know about the lexicon, built once per compiled lexicon.
 * Every string and key anywhere in the lexicon files counts (terms, context triggers, section
 * headers, number words, ICD-10 descriptions, ...), split into its letter runs:
 *
 * - `words`: every letter run - a new word in this set may start a match;
 * - `singles`: letter runs that are a whole lexicon entry on their own ("x", "lesions", "biopsy") -
 *   such a word can matter by itself, so it is never edited on the fast path;
 * - `phrases`: for each word, the multi-word entries it belongs to ("the same lesion") - the old
 *   word may only be edited on the fast path when none of them can match around it;
 * - `patterns`: the lexicon's regular expressions (context rules);
 * - `canon`: the lexicon's canonicaliser (stems and one-typo spellings of lexicon words).
 *
 * Deliberately over-inclusive: a word wrongly treated as lexical only costs a full re-run.
 */
import type { CompiledLexicon } from "../lexicon/compile.ts";
import { GRAMMAR_WORDS } from "../text/grammar.ts";

export interface InertVocabulary {
  words: ReadonlySet<string>;
  singles: ReadonlySet<string>;
  phrases: ReadonlyMap<string, readonly (readonly string[])[]>;
  patterns: readonly RegExp[];
  /** Word endings the procedure-list check reads ("-ectomy"): a word with one always matters. */
  suffixes: readonly string[];
  canon: (token: string) => string;
}

/**
 * Words the pipeline tests in code rather than through the lexicon: the closed-class words of
 * src/text/grammar.ts. Each counts as a whole entry, so the fast path never edits one.
 */
const WORDS_IN_CODE = GRAMMAR_WORDS;

const LETTERS = /[a-z]+/g;
const built = new WeakMap<CompiledLexicon, InertVocabulary | null>();

/**
 * The vocabulary of a compiled lexicon, or null when the lexicon does not expose what the fast
 * path needs (then every edit is re-coded in full).
 */
export function inertVocabulary(lex: CompiledLexicon): InertVocabulary | null {
  const known = built.get(lex);
  if (known !== undefined) return known;
  const vocabulary = build(lex);
  built.set(lex, vocabulary);
  return vocabulary;
}

function build(lex: CompiledLexicon): InertVocabulary | null {
  const canon = (lex as { canon?: unknown }).canon;
  const source = (lex as { source?: unknown }).source;
  if (typeof canon !== "function" || typeof source !== "object" || source === null) return null;
  const words = new Set<string>(WORDS_IN_CODE);
  const singles = new Set<string>(WORDS_IN_CODE);
  // Every word of a term the extractors look up word by word ("plana" of "verruca plana" makes
  // "x16" after it a lesion count; a site word may open a site): each matters on its own.
  for (const vocabulary of wordByWordTries(lex))
    for (const w of vocabulary) for (const run of w.match(LETTERS) ?? []) singles.add(run);
  // Compiled word sets that add forms the lexicon files do not spell ("starts" from "started").
  for (const w of lex.managementCues ?? []) {
    singles.add(w);
    words.add(w);
  }
  const phraseKeys = new Set<string>();
  const phrases = new Map<string, string[][]>();
  const patterns: RegExp[] = [];
  let broken = false;
  walk(source, undefined, (value, key) => {
    const runs = value.toLowerCase().match(LETTERS) ?? [];
    for (const w of runs) words.add(w);
    if (runs.length === 1) singles.add(runs[0]!);
    else if (runs.length > 1 && !phraseKeys.has(runs.join(" "))) {
      phraseKeys.add(runs.join(" "));
      for (const w of new Set(runs)) {
        const list = phrases.get(w) ?? [];
        list.push(runs);
        phrases.set(w, list);
      }
    }
    if (key === "pattern" || key === "patterns" || key === "regex") {
      // A word of a pattern may decide a match on its own, even inside a look-ahead ("agrees
      // to ..." is no plan when "today" follows): each one counts as a whole entry.
      for (const w of runs) singles.add(w);
      try {
        patterns.push(new RegExp(value, "gi"));
      } catch {
        broken = true;
      }
    }
  });
  if (broken) return null;
  return {
    words,
    singles,
    phrases,
    patterns,
    suffixes: lex.procedureList?.suffixes ?? [],
    canon: canon as (token: string) => string,
  };
}

/**
 * The lexicon's tries whose single words the pipeline tests one at a time (`.vocabulary.has`):
 * histology, sites, number words and vague lesion words.
 */
function wordByWordTries(lex: CompiledLexicon): ReadonlySet<string>[] {
  return [lex.histology, lex.sites, lex.numberWords, lex.vague]
    .map((trie) => trie?.vocabulary)
    .filter((v): v is Set<string> => v instanceof Set);
}

/** Calls `visit` for every string value and every object key under `node`. */
function walk(
  node: unknown,
  key: string | undefined,
  visit: (value: string, key?: string) => void,
) {
  if (typeof node === "string") {
    visit(node, key);
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) walk(item, key, visit);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [k, v] of Object.entries(node)) {
    visit(k);
    walk(v, k, visit);
  }
}
