import type { CompiledLexicon } from "../lexicon/compile.ts";
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
    return Number.isFinite(value) && tok.length <= 8 ? { value, next: i + 1 } : undefined;
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
