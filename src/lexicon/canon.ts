import { editDistance, stem } from "../text/nlp.ts";
import { ownString } from "../text/own.ts";

/**
 * Maps a note token to the lexicon's spelling: itself when the lexicon knows it, else the past
 * form of a lexicon verb it inflects ("incises" -> "incised", see verbInflections), else a
 * lexicon word with the same Porter stem ("excising" -> "excision"), else a long lexicon word
 * one edit away ("seborheic" -> "seborrheic", "keratosus" -> "keratosis"), else a procedure word
 * with one letter dropped, added or swapped with its neighbour ("excison", "bioposy", "biospy",
 * "cyrotherapy" -> "excision", "biopsy", "biopsy", "cryotherapy"). A procedure word is never
 * reached by a changed letter: two real words differ that way ("picking" is not "packing",
 * "remover" is not "removed", "filled" is not "filler").
 * Results are memoised per compiled lexicon (bounded).
 */
export type Canonicaliser = (token: string) => string;

const MIN_STEM_LENGTH = 5;
const MIN_FUZZY_LENGTH = 7;
/** Procedure words are matched from six letters ("biopsy"), by drops, additions and swaps only. */
const MIN_PROCEDURE_TYPO_LENGTH = 6;
/**
 * Inflected forms are not typo targets: an ending sits one letter from other words ("freeing" ~
 * "freezing", "pacing" ~ "packing", "parting" ~ "paring", "stapes" ~ "staples", "abated" ~
 * "ablated"). A word ending in "-ss", "-us" or "-is" is no plural ("abscess" stays a target).
 */
const INFLECTED = /(?:ed|ing|[^siu]s)$/;
const MEMO_LIMIT = 200_000;
/** No clinical word is longer; longer "words" (glued text, long runs) are left as they are. */
const MAX_WORD_LENGTH = 40;
const LETTERS = /^[a-z]+$/;

export function createCanonicaliser(
  known: ReadonlySet<string>,
  stemWords: readonly string[],
  fuzzyWords: readonly string[],
  inflections: ReadonlyMap<string, string> = new Map(),
  procedureWords: readonly string[] = [],
): Canonicaliser {
  const byStem = new Map<string, string>();
  for (const w of stemWords)
    if (w.length >= MIN_STEM_LENGTH && !byStem.has(stem(w))) byStem.set(stem(w), w);
  const deletes = deleteIndex(fuzzyWords, MIN_FUZZY_LENGTH);
  const procedureDeletes = deleteIndex(
    procedureWords.filter((w) => !INFLECTED.test(w)),
    MIN_PROCEDURE_TYPO_LENGTH,
  );
  const memo = new Map<string, string>();
  // Cheap gates before the costly steps: a stem or a typo only matches a word sharing its start.
  const stemPrefixes = new Set(stemWords.map((w) => w.slice(0, 3)));
  const fuzzyStarts = new Set([...deletes.values()].flat().map((w) => w[0]!));
  const procedureStarts = new Set([...procedureDeletes.values()].flat().map((w) => w[0]!));
  return (token) => {
    if (token.length < MIN_STEM_LENGTH || token.length > MAX_WORD_LENGTH) return token;
    const cached = memo.get(token);
    if (cached !== undefined) return cached;
    if (known.has(token) || !LETTERS.test(token)) return token;
    const stemmed =
      inflections.get(token) ??
      (stemPrefixes.has(token.slice(0, 3)) ? byStem.get(stem(token)) : undefined);
    const out =
      stemmed ??
      (fuzzyStarts.has(token[0]!) ? fuzzy(token, deletes) : undefined) ??
      (procedureStarts.has(token[0]!) ? procedureTypo(token, procedureDeletes) : undefined) ??
      token;
    if (memo.size < MEMO_LIMIT) {
      const key = ownString(token);
      memo.set(key, out === token ? key : out);
    }
    return out;
  };
}

const PAST = /^[a-z]{3,}[^e]ed$/;
const SIBILANT = /(?:s|sh|ch|x|z)$/;
const VOWEL = /[aeiou]/;

/**
 * The present ("-s"/"-es") and gerund ("-ing") forms of regular past forms ("-ed"), each mapped
 * to its past form: "incised" -> "incises", "incising"; "drained" -> "drains", "draining";
 * "snipped" -> "snips", "snipping"; "curetted" -> "curettes", "curetting"; "biopsied" ->
 * "biopsies". A past form does not say whether its base ends in "e" or doubles its consonant, so
 * every reading is generated; the ones that are not words never occur in a note. A form that is
 * itself a lexicon word keeps its own meaning, because the canonicaliser looks up known words first.
 * A verb in `passive` gets no gerund: after "was" a gerund is progressive, not passive ("the
 * wound was draining" is not "was drained", "after shaving" is not "the area was shaved").
 */
export function verbInflections(
  pastForms: Iterable<string>,
  passive: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const out = new Map<string, string>();
  const add = (form: string, past: string) => {
    if (form !== past && !out.has(form)) out.set(form, past);
  };
  for (const past of pastForms) {
    if (!PAST.test(past)) continue;
    if (past.endsWith("ied")) {
      const root = past.slice(0, -3);
      add(`${root}ies`, past);
      if (!passive.has(past)) add(`${root}ying`, past);
      continue;
    }
    const s = past.slice(0, -2);
    const bases = [s, `${s}e`];
    const last = s.at(-1)!;
    if (last === s.at(-2) && !VOWEL.test(last)) bases.push(s.slice(0, -1));
    for (const b of bases) {
      add(SIBILANT.test(b) ? `${b}es` : `${b}s`, past);
      if (!passive.has(past))
        add(b.endsWith("e") && !b.endsWith("ee") ? `${b.slice(0, -1)}ing` : `${b}ing`, past);
    }
  }
  return out;
}

/** Each word (letters only, at least `min` long) under itself and its one-letter deletions. */
function deleteIndex(words: readonly string[], min: number): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of new Set(words)) {
    if (w.length < min || !LETTERS.test(w)) continue;
    for (const d of [w, ...oneDeletes(w)]) {
      const list = index.get(d) ?? [];
      if (!list.includes(w)) list.push(w);
      index.set(d, list);
    }
  }
  return index;
}

function oneDeletes(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

function fuzzy(
  token: string,
  deletes: Map<string, string[]>,
  min = MIN_FUZZY_LENGTH,
  accept: (token: string, candidate: string) => boolean = () => true,
): string | undefined {
  if (token.length < min) return undefined;
  for (const key of [token, ...oneDeletes(token)]) {
    for (const candidate of deletes.get(key) ?? []) {
      if (candidate[0] !== token[0] || editDistance(token, candidate) > 1) continue;
      if (!accept(token, candidate)) continue;
      // "Angiomax" is a drug, not "angioma": a letter added after the whole word makes another
      // word, unless it doubles the last one ("keratosiss").
      if (
        token.length === candidate.length + 1 &&
        token.startsWith(candidate) &&
        token.at(-1) !== candidate.at(-1)
      )
        continue;
      // ... nor does another last letter make it a plural ("angiomax" is not "angiomas").
      if (
        token.length === candidate.length &&
        token.slice(0, -1) === candidate.slice(0, -1) &&
        candidate.endsWith("s")
      )
        continue;
      return candidate;
    }
  }
  return undefined;
}

/**
 * A procedure word with one letter dropped, added or swapped with its neighbour; a changed letter
 * is refused, and so is a word that only drops the procedure word's last letter ("remove" is
 * not "removed", "explore" is not "explored": a word of its own, not a typo).
 */
function procedureTypo(token: string, deletes: Map<string, string[]>): string | undefined {
  return fuzzy(token, deletes, MIN_PROCEDURE_TYPO_LENGTH, (t, c) => {
    if (t.length === c.length) return isSwap(t, c);
    return !(t.length + 1 === c.length && c.startsWith(t));
  });
}

/** Same length, differing only by two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}
