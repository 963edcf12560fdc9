/**
 * Locates an annotated concept in a sentence the way NegEx/ConText test files expect:
 * case-insensitive, any run of white space equal to one space, preferring the occurrence written
 * in upper case (the annotation convention) that is not a "HEADER:", then a whole-word
 * occurrence, then the first.
 *
 *   findConcept("No rash, RASH resolved", "rash")  ->  { start: 9, end: 13 }
 */
import type { Range } from "../types.ts";

interface Folded {
  text: string;
  /** Original index of each folded character. */
  origin: number[];
}

function fold(text: string): Folded {
  let folded = "";
  const origin: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      space = folded.length > 0;
      continue;
    }
    if (space) {
      folded += " ";
      origin.push(i - 1);
      space = false;
    }
    for (const lower of ch.toLowerCase()) {
      folded += lower;
      origin.push(i);
    }
  }
  return { text: folded, origin };
}

function isUpperCase(text: string): boolean {
  return text !== text.toLowerCase() && text === text.toUpperCase();
}

function isWordEdge(text: string, at: number): boolean {
  return at <= 0 || at >= text.length || !/[\p{L}\p{N}]/u.test(text[at]!);
}

function occurrences(sentence: Folded, concept: string): Range[] {
  const spans: Range[] = [];
  let at = sentence.text.indexOf(concept);
  while (at !== -1) {
    const start = sentence.origin[at]!;
    spans.push({ start, end: sentence.origin[at + concept.length - 1]! + 1 });
    at = sentence.text.indexOf(concept, at + 1);
  }
  return spans;
}

/** The occurrence is a header ("ALLERGIES: ..."), upper-case by itself, not by annotation. */
function isHeader(text: string, span: Range): boolean {
  return /^\s*:/.test(text.slice(span.end, span.end + 8));
}

/** Span of `concept` in `sentence`, or null when it does not occur. */
export function findConcept(sentence: string, concept: string): Range | null {
  const needle = fold(concept).text;
  if (needle.length === 0) return null;
  const spans = occurrences(fold(sentence), needle);
  if (spans.length < 2) return spans[0] ?? null;
  const upper = spans.filter((s) => isUpperCase(sentence.slice(s.start, s.end)));
  const annotated = upper.find((s) => !isHeader(sentence, s));
  const whole = spans.find((s) => isWordEdge(sentence, s.start - 1) && isWordEdge(sentence, s.end));
  return annotated ?? upper[0] ?? whole ?? spans[0] ?? null;
}
