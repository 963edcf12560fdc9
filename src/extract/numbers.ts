import type { CompiledLexicon } from "../lexicon/compile.ts";
import { NOUN_MARKERS } from "../text/grammar.ts";
import { parseNumberPhrase } from "../text/nlp.ts";
import type { Doc } from "../types.ts";

const NUMERAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

/** A number at token i: a numeral, or a spelled-out number from the lexicon (compromise for longer phrases). */
export function readNumber(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  limit: number,
): { value: number; next: number } | undefined {
  const tok = doc.canon[i];
  if (tok === undefined || i >= limit) return undefined;
  if (NUMERAL.test(tok)) {
    const value = Number.parseFloat(tok);
    if (!Number.isFinite(value) || tok.length > 8) return undefined;
    // "1/2 cm", "1 1/2 cm": a common fraction, alone or after a whole number.
    const own = fractionAt(doc, i, limit);
    if (own) return own;
    const part = Number.isInteger(value) ? fractionAt(doc, i + 1, limit) : undefined;
    if (part) return { value: value + part.value, next: part.next };
    return { value, next: i + 1 };
  }
  const hit = lex.numberWords.matchAt(doc.canon, i, limit);
  if (!hit) return undefined;
  const decimal = spokenDecimal(doc, lex, i + hit.length, limit, hit.payload);
  if (decimal) return decimal;
  let end = i + hit.length;
  while (end < limit && end - i < 6 && continues(doc.canon[end]!, lex)) end++;
  while (
    end > i + hit.length &&
    !lex.numberWords.vocabulary.has(doc.canon[end - 1]!) &&
    !lex.source.counts.fractions.includes(doc.canon[end - 1]!)
  )
    end--;
  const lastTok = doc.canon[end - 1]!;
  // "two and a half", "twenty-seven": a fraction at the end, or a tens word, a hyphen and a unit.
  const tens = hit.payload >= 20 && hit.payload % 10 === 0 && hit.length === 1;
  const compound =
    lex.source.counts.fractions.includes(lastTok) ||
    (tens && doc.canon[i + 1] === "-" && end === i + 3);
  // compromise only for phrases the lexicon's words cannot add up ("two and a half", "twenty-seven").
  if (end > i + hit.length && compound) {
    const phrase = doc.lower.slice(doc.tokens[i]!.start, doc.tokens[end - 1]!.end);
    const value = parseNumberPhrase(phrase);
    if (value !== undefined && value > 0) return { value, next: end };
  }
  return hit.payload > 0 ? { value: hit.payload, next: i + hit.length } : undefined;
}

/**
 * The number of a measurement at token i: a number (readNumber), or a dictated decimal with no
 * whole part ("point six cm", "one point two by point eight cm") whose first digit is spelled
 * out. "point 6" in digits is left to the numeral, and "point" after an article or "this" is a noun.
 */
export function readMeasure(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  limit: number,
): { value: number; next: number } | undefined {
  const number = readNumber(doc, lex, i, limit);
  if (number || !lex.decimalWords.has(doc.canon[i] ?? "")) return number;
  if (i > 0 && NOUN_MARKERS.has(doc.canon[i - 1]!)) return undefined;
  if (!lex.numberWords.matchAt(doc.canon, i + 1, limit)) return undefined;
  return spokenDecimal(doc, lex, i, limit, 0);
}

/** Denominators of the fractions notes write in sizes (halves, thirds, quarters, eighths). */
const DENOMINATORS: ReadonlySet<number> = new Set([2, 3, 4, 8]);

/** "1/2" written as one word at token j: numerator, "/" and denominator with no spaces. */
function fractionAt(
  doc: Doc,
  j: number,
  limit: number,
): { value: number; next: number } | undefined {
  if (j + 2 >= limit || doc.canon[j + 1] !== "/") return undefined;
  const [a, b, c] = [doc.tokens[j], doc.tokens[j + 1], doc.tokens[j + 2]];
  if (!a || !b || !c || a.end !== b.start || b.end !== c.start) return undefined;
  const n = Number(doc.canon[j]);
  const d = Number(doc.canon[j + 2]);
  if (!Number.isInteger(n) || !DENOMINATORS.has(d) || n < 1 || n >= d) return undefined;
  // "6/11/2009": a date, not a fraction.
  if (doc.canon[j + 3] === "/") return undefined;
  return { value: roundTo(n / d, 3), next: j + 3 };
}

/**
 * "one point two", "zero point five": a whole number word, a spoken decimal point and one or two
 * digit words (or digits) after it.
 */
function spokenDecimal(
  doc: Doc,
  lex: CompiledLexicon,
  at: number,
  limit: number,
  whole: number,
): { value: number; next: number } | undefined {
  if (at + 1 >= limit || !lex.source.counts.decimalWords.includes(doc.canon[at]!)) return undefined;
  let digits = "";
  let k = at + 1;
  while (k < limit && digits.length < 2) {
    const tok = doc.canon[k]!;
    if (/^\d$/.test(tok)) digits += tok;
    else {
      const word = lex.numberWords.matchAt(doc.canon, k, limit);
      const digit = word?.length === 1 ? word.payload : undefined;
      if (digit === undefined || digit > 9 || !Number.isInteger(digit)) break;
      digits += String(digit);
    }
    k++;
  }
  return digits ? { value: Number(`${whole}.${digits}`), next: k } : undefined;
}

function continues(tok: string, lex: CompiledLexicon): boolean {
  const c = lex.source.counts;
  return (
    c.numberJoiners.includes(tok) ||
    c.fractions.includes(tok) ||
    lex.numberWords.vocabulary.has(tok)
  );
}

/** A measurement rounded to `places` decimals (lengths to 0.01 cm, raw sizes to 0.001). */
export function roundTo(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}
