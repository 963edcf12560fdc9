import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc } from "../types.ts";

/**
 * Word classes the size and count extractors test on every token, as bits of one byte per token
 * computed once per note: one table read per token instead of a string-set lookup per class and
 * per extractor. Membership comes from the compiled lexicon's sets, unchanged.
 */
/** lexicon counts `numberWords` (any word of them). */
export const NUMBER_WORD = 1;
/** lexicon counts `decimalWords` ("point"). */
export const DECIMAL_WORD = 2;
/** lexicon counts `times` ("x"). */
export const TIMES = 4;
/** A word of the vague counts ("multiple"). */
export const VAGUE = 8;
/** lexicon counts `ordinalWords`. */
export const ORDINAL = 16;
/** ":" or "=": a label's value follows. */
export const LABEL_MARK = 32;

/** The classes of the lexicon's words: by token id (ids of the lexicon's tries), and by word. */
interface ClassTable {
  byId: Uint8Array;
  byWord: Map<string, number>;
}

const tables = new WeakMap<CompiledLexicon, ClassTable>();

function classTable(lex: CompiledLexicon): ClassTable {
  let table = tables.get(lex);
  if (table) return table;
  const byWord = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) byWord.set(w, (byWord.get(w) ?? 0) | bit);
  };
  mark(lex.numberWords.vocabulary, NUMBER_WORD);
  mark(lex.decimalWords, DECIMAL_WORD);
  mark(lex.times, TIMES);
  mark(lex.vague.vocabulary, VAGUE);
  mark(lex.ordinals.keys(), ORDINAL);
  mark([":", "="], LABEL_MARK);
  // Every id given so far has its entry (0: no class); a word without an id has none here.
  const byId = new Uint8Array(lex.tokenIds.size);
  for (const [w, bits] of byWord) {
    const id = lex.tokenIds.idOf(w);
    if (id >= 0) byId[id] = bits;
  }
  table = { byId, byWord };
  tables.set(lex, table);
  return table;
}

/** Per note read (keyed by its sentences: the size and count extractors read the same ones). */
const perNote = new WeakMap<
  readonly unknown[],
  { lex: CompiledLexicon; canon: readonly string[]; classes: Uint8Array }
>();

/**
 * The word classes of each token of the note's sentences (0 outside them). A token with an id in
 * the lexicon's token ids is classed by id (one word, one id); any other one by its word. Most
 * words have an id (they occur in some trie), so the word lookup is left for the rest.
 */
export function tokenClasses(doc: Doc, lex: CompiledLexicon): Uint8Array {
  const cached = perNote.get(doc.sentences);
  if (cached?.lex === lex && cached.canon === doc.canon) return cached.classes;
  const { byId, byWord } = classTable(lex);
  const canon = doc.canon;
  const of = doc.canonIds.of;
  const byIds = doc.canonIds.set === lex.tokenIds && of.length === canon.length;
  const classes = new Uint8Array(canon.length);
  for (const s of doc.sentences) {
    for (let i = s.firstToken; i < s.lastToken; i++) {
      const id = byIds ? of[i]! : -1;
      // An id past the table was given after it was built: looked up by word.
      classes[i] = id >= 0 && id < byId.length ? byId[id]! : (byWord.get(canon[i]!) ?? 0);
    }
  }
  perNote.set(doc.sentences, { lex, canon, classes });
  return classes;
}
