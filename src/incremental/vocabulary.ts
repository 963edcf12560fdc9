/**
 * What a word must avoid for an edit inside it to be "inert" (unable to change the result):
 * every letter run in any lexicon string or key (terms, context triggers, section headers,
 * number words, ICD-10 descriptions, ...), the regex patterns of the lexicon (context rules),
 * and the lexicon's canonicaliser (stems and one-typo spellings map onto lexicon words).
 *
 * Built once per compiled lexicon. Deliberately over-inclusive: a word wrongly treated as
 * lexical only costs a full re-run; a lexical word treated as inert would give a wrong result.
 */
import type { CompiledLexicon } from "../lexicon/compile.ts";

export interface InertVocabulary {
  /** Lower-case letter runs found anywhere in the lexicon. */
  words: ReadonlySet<string>;
  /** Lexicon regex patterns (context rules), compiled case-insensitive. */
  patterns: readonly RegExp[];
  /** Lexicon spelling of a lower-case token (itself when none). */
  canon: (token: string) => string;
}

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
  const words = new Set<string>();
  const patterns: RegExp[] = [];
  let broken = false;
  walk(source, undefined, (value, key) => {
    for (const w of value.toLowerCase().match(LETTERS) ?? []) words.add(w);
    if (key === "pattern" || key === "patterns" || key === "regex") {
      try {
        patterns.push(new RegExp(value, "giu"));
      } catch {
        broken = true;
      }
    }
  });
  if (broken) return null;
  return { words, patterns, canon: canon as (token: string) => string };
}

/** Calls `visit` for every string value and every object key under `node`. */
function walk(node: unknown, key: string | undefined, visit: (value: string, key?: string) => void) {
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
