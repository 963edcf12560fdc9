/**
 * The closed-class words of English grammar that the mechanisms test directly: articles,
 * conjunctions, a few prepositions and list punctuation. They carry no clinical meaning, which
 * is why they live here rather than in lexicon/*.json, and they live in ONE place so that
 * whatever must know every word the code reads (the incremental fast path: an edit to one of
 * these words is never "inert") can take them from `GRAMMAR_WORDS`.
 *
 * A word list with clinical meaning (a procedure, a site, a count word, a context trigger) does
 * not belong here: it goes in the lexicon.
 */

/** Articles that may stand between a word and the site it introduces ("from the arm"). */
export const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"]);

/** Tokens that join the items of a list ("L arm, R thigh and back", "#1, #2 & #3"). */
export const LIST_JOINERS: ReadonlySet<string> = new Set([",", ";", "and", "&"]);

/**
 * What joins two steps of one action on the same lesions ("pared and frozen", "pared, and then
 * frozen"): a bare comma or semicolon lists procedures instead ("shaved; LN2 to 5 AKs").
 */
export const STEP_JOINERS: ReadonlySet<string> = new Set(["and", "then", "&", ","]);
export const STEP_WORDS: ReadonlySet<string> = new Set(["and", "then", "&"]);

/** "and" or "&" between two words of one kind ("R and L", "right & left"). */
export const AND_JOINERS: ReadonlySet<string> = new Set(["and", "&"]);

/** Only "and": two clauses or lesions told one after the other. */
export const AND: ReadonlySet<string> = new Set(["and"]);

/** Prepositions that open a site after a count ("3 warts on the hand", "2 AKs of the scalp"). */
export const SITE_PREPOSITIONS: ReadonlySet<string> = new Set(["on", "of", "at", "over", "in"]);

/** Tokens before a number that make it open a list item rather than count ("..., 2 on the arm"). */
export const COUNT_ITEM_OPENERS: ReadonlySet<string> = new Set([",", ":", ";", "and", "or", "-"]);

/** What may stand between two measurements that share one role ("1 mm and 3 mm margins"). */
export const SIZE_COORDINATORS: ReadonlySet<string> = new Set(["and", "or", ",", "/", "&"]);

/**
 * Words that join two clauses each telling its own procedure ("Two SKs on the back were shaved,
 * and a cyst on the neck was excised"; "...; LN2 to 3 AKs"; "... while a cyst was excised"),
 * with how strongly each parts them: a ";" most, a joiner after a comma or a "while" more than
 * a bare "and".
 */
export const CLAUSE_JOINERS: ReadonlyMap<string, number> = new Map([
  [";", 3],
  ["while", 2],
  ["whereas", 2],
  ["and", 1],
  ["plus", 1],
]);

/** Words that coordinate two procedures of one sentence ("shaved; LN2 to ...", "also frozen"). */
export const EVENT_COORDINATORS: ReadonlySet<string> = new Set([";", "and", "also", "plus"]);

/** Prepositions opening a procedure's object ("punch bx of a red papule", "LN2 to 3 AKs"). */
export const OBJECT_OPENERS: ReadonlySet<string> = new Set(["of", "to", "on"]);

/** Prepositions before the lesion a specimen was taken from ("two punches of the same plaque"). */
export const SAMPLED_FROM: ReadonlySet<string> = new Set([
  "of",
  "from",
  "at",
  "on",
  "in",
  "within",
]);

/** List words of a context scope ("no erythema, warmth or drainage"). */
export const SCOPE_LIST_JOINERS: ReadonlySet<string> = new Set([",", "and", "or"]);

/**
 * Relative pronouns: they open a clause inside the sentence ("a man, who has a history of BCC,
 * underwent ...", "a history of BCC for which he underwent Mohs").
 */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set([
  "who",
  "whom",
  "whose",
  "which",
  "that",
]);

/** The word conjunctions of a list ("and", "or"). */
export const LIST_WORDS: ReadonlySet<string> = new Set(["and", "or"]);

/** Phrases that join two operations of one line ("... and ...", "... as well as ..."), and ";". */
export const OPERATION_JOIN = wordsOrPunctuation(["and", "as well as"], ";");

/** Where one clause of a procedure list ends: a line break, ";", ",", or a joining phrase. */
export const CLAUSE_BREAK = wordsOrPunctuation(["and", "followed by", "plus"], "\\n;,");

/** Words that make the next "point" a noun, not a spoken decimal ("at this point", "the point"). */
export const NOUN_MARKERS: ReadonlySet<string> = new Set([...ARTICLES, "this", "that", "each"]);

/** A comma alone: one list item after another ("the upper back, 1.1 cm, and ..."). */
export const COMMA: ReadonlySet<string> = new Set([","]);

/** Single words the code compares a token with ("to" before a landmark, "like" after a term). */
export const WORDS = {
  /** "2 cm superior to the umbilicus": a landmark after "to". */
  to: "to",
  /** "wart-like", "SK like": a term followed by "like" is a look, not a diagnosis. */
  like: "like",
  /** "and" standing alone in a list of measurements or counts. */
  and: "and",
  /** "lesions were / are ...": the verb after a counted noun. */
  were: "were",
  are: "are",
  /** "n = 4": a template's count. */
  n: "n",
  /** "seven plaques of psoriasis": a generic lesion word's type after "of". */
  of: "of",
} as const;

/**
 * Every letter word above: the words the code itself reads. The incremental fast path treats
 * each as lexical (an edit to or into one is re-coded in full).
 */
export const GRAMMAR_WORDS: ReadonlySet<string> = new Set(
  [
    ...ARTICLES,
    ...LIST_JOINERS,
    ...AND,
    ...AND_JOINERS,
    ...SITE_PREPOSITIONS,
    ...COUNT_ITEM_OPENERS,
    ...SIZE_COORDINATORS,
    ...CLAUSE_JOINERS.keys(),
    ...EVENT_COORDINATORS,
    ...OBJECT_OPENERS,
    ...SAMPLED_FROM,
    ...SCOPE_LIST_JOINERS,
    ...LIST_WORDS,
    ...RELATIVE_PRONOUNS,
    ...OPERATION_JOIN.words,
    ...CLAUSE_BREAK.words,
    ...NOUN_MARKERS,
    ...Object.values(WORDS),
  ].flatMap((w) => w.match(/[a-z]+/g) ?? []),
);

/**
 * A global regex matching any of `phrases` as whole words, or one of the characters of
 * `punctuation` (a regex character-class body), with the phrases' words.
 */
function wordsOrPunctuation(
  phrases: readonly string[],
  punctuation: string,
): { pattern: RegExp; words: readonly string[] } {
  const alternatives = phrases.map((p) => `\\b${p}\\b`);
  return {
    pattern: new RegExp(`[${punctuation}]|${alternatives.join("|")}`, "g"),
    words: phrases.flatMap((p) => p.split(" ")),
  };
}
