import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc } from "../types.ts";
import { normalize } from "./normalize.ts";
import { detectSections } from "./sections.ts";
import { splitSentences } from "./sentences.ts";
import { tokenizeWords } from "./tokens.ts";
import { wordTable } from "./words.ts";

/** Normalise, tokenise, find sections and sentences: the Doc every later stage reads. */
export function analyzeText(original: string, lex: CompiledLexicon): Doc {
  const { text, lower } = normalize(original);
  const { tokens, canon, ids } = tokenizeWords(lower, wordTable(lex));
  const sections = detectSections(text, lex.sections);
  const sentences = splitSentences(
    text,
    sections,
    tokens,
    lex.sections.abbreviations,
    lex.sections.clauseOpeners,
  );
  const sentenceOfToken = new Int32Array(tokens.length).fill(-1);
  for (const s of sentences) sentenceOfToken.fill(s.index, s.firstToken, s.lastToken);
  const canonIds = { set: lex.tokenIds, of: ids };
  return { original, text, lower, tokens, canon, canonIds, sections, sentences, sentenceOfToken };
}
