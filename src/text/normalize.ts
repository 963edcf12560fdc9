/**
 * Length-preserving normalisation: every character is replaced by exactly one character, so
 * offsets in the normalised text ARE offsets in the original note (no offset map needed).
 * Sample: "1.2 × 0.8 cm – left" -> "1.2 x 0.8 cm - left"; "ﬁ" stays (not one-to-one).
 */
const FOLD: Record<string, string> = {
  "\u00d7": "x", // multiplication sign
  "\u2715": "x",
  "\u2716": "x",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\t": " ",
  "\u00b5": "u",
  "\u00b2": "2",
  "\u00b0": "o",
  "\ufffd": " ",
};

export interface NormalizedText {
  /** Original note. */
  original: string;
  /** Same length as original: ASCII-folded. */
  text: string;
  /** Same length as original: folded and lower-cased. */
  lower: string;
}

/** Characters that may need folding: tabs, other controls above none, and everything non-ASCII. */
const FOLDABLE = /[\t\u0080-\uffff]/g;

export function normalize(original: string): NormalizedText {
  const text = original.replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
  return { original, text, lower: lowerSameLength(text) };
}

/** toLowerCase, except characters whose lower-case form has another length stay as they are. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
