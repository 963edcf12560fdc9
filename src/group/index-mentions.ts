import type { Assertion } from "../schemas/api.ts";
import { LIST_JOINERS, tokenAt } from "../text/tokens.ts";
import type { Doc, Mention } from "../types.ts";

/** The mentions of a kind (a union-kinded mention, organ | skin_word, is found under each). */
type OfKind<M, K> = M extends { kind: infer MK } ? (K extends MK ? M : never) : never;
type ByKind = { [K in Mention["kind"]]: OfKind<Mention, K>[] };

/** Mentions indexed by sentence and kind, with their assertions: what grouping reads. */
export interface MentionIndex {
  doc: Doc;
  all: Mention[];
  bySentence: Map<number, Mention[]>;
  assertions: Map<number, Assertion>;
  /** Memo of ofKind lookups. */
  byKind: Map<string, Mention[]>;
  /** Memo of inSentence lookups: sentence, then kind (no key string built per call). */
  byKindInSentence: Map<number, Map<string, Mention[]>>;
  /** List item number of each sentence that starts with "1." / "2)" / "#3". */
  listNumber: Map<number, number>;
}

/** "1. ...", "2) ...", "(2) ...", "#3 ...", "#4: ..." at the start of a sentence. */
const LIST_ITEM = /^\s*(?:#\s*(\d{1,2})[.):]?|(\d{1,2})\s*[.)]|\((\d{1,2})\))\s/;
/** "A. Right cheek: ...", "b) ..." at the start of a line: lettered items, numbered a = 1. */
const LETTER_ITEM = /^[ \t]*([a-h])[.)][ \t]/i;

/** The item number a sentence opens, if it opens one. */
export function itemNumber(text: string, start: number, end: number): number | undefined {
  const head = `${text.slice(start, Math.min(end, start + 8))} `;
  const match = LIST_ITEM.exec(head);
  if (match) return Number.parseInt(match[1] ?? match[2] ?? match[3]!, 10);
  const lineStart = start === 0 || text[start - 1] === "\n";
  const letter = lineStart ? LETTER_ITEM.exec(head)?.[1] : undefined;
  return letter ? letter.toLowerCase().charCodeAt(0) - 96 : undefined;
}

export function indexMentions(
  doc: Doc,
  all: Mention[],
  assertions: Map<number, Assertion>,
): MentionIndex {
  const bySentence = new Map<number, Mention[]>();
  for (const m of all) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const listNumber = new Map<number, number>();
  let previous: { n: number; end: number; section: number } | undefined;
  for (const s of doc.sentences) {
    const n = itemNumber(doc.text, s.start, s.end);
    // A sentence on the same line as a numbered item belongs to that item.
    const sameLine =
      previous &&
      previous.section === s.sectionIndex &&
      !doc.text.slice(previous.end, s.start).includes("\n");
    const item = n ?? (sameLine ? previous!.n : undefined);
    if (item !== undefined) listNumber.set(s.index, item);
    previous = item !== undefined ? { n: item, end: s.end, section: s.sectionIndex } : undefined;
  }
  return {
    doc,
    all,
    bySentence,
    assertions,
    listNumber,
    byKind: new Map(),
    byKindInSentence: new Map(),
  };
}

/** The sentence ends with a colon: a heading over the lines after it ("Bx performed as follows:"). */
export function endsWithColon(index: MentionIndex, sentence: number): boolean {
  const s = index.doc.sentences[sentence]!;
  return index.doc.text.slice(s.start, s.end).trimEnd().endsWith(":");
}

const FIELD_LINE = /^\s*[A-Za-z][A-Za-z #/()-]{0,40}:/;

/** The sentence is a template field ("Location: R upper arm", "Number of lesions: 5"). */
export function isFieldLine(index: MentionIndex, sentence: number): boolean {
  const s = index.doc.sentences[sentence]!;
  return FIELD_LINE.test(index.doc.text.slice(s.start, Math.min(s.end, s.start + 45)));
}

export function inSentence<K extends Mention["kind"]>(
  index: MentionIndex,
  sentence: number,
  kind: K,
): ByKind[K] {
  let kinds = index.byKindInSentence.get(sentence);
  if (!kinds) {
    kinds = new Map();
    index.byKindInSentence.set(sentence, kinds);
  }
  let found = kinds.get(kind);
  if (!found) {
    found = (index.bySentence.get(sentence) ?? []).filter((m) => m.kind === kind);
    kinds.set(kind, found);
  }
  return found as ByKind[K];
}

export function ofKind<K extends Mention["kind"]>(index: MentionIndex, kind: K): ByKind[K] {
  let found = index.byKind.get(kind);
  if (!found) {
    found = index.all.filter((m) => m.kind === kind);
    index.byKind.set(kind, found);
  }
  return found as ByKind[K];
}

export function isBillable(index: MentionIndex, m: Mention): boolean {
  return index.assertions.get(m.id)?.billable ?? true;
}

/** Tokens that join the items of a list ("forehead, 2.5 cm, and scalp, 3.0 cm"). */
export { LIST_JOINERS };

/** How many list joiners stand between two spans of the note. */
export function joinersBetween(
  index: MentionIndex,
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  return tokensIn(index, Math.min(a.end, b.end), Math.max(a.start, b.start), LIST_JOINERS).length;
}

/** Start offsets of the tokens in [from, to) of the note that are one of `norms`. */
export function tokensIn(
  index: MentionIndex,
  from: number,
  to: number,
  norms: ReadonlySet<string>,
): number[] {
  const tokens = index.doc.tokens;
  const out: number[] = [];
  for (let i = tokenAt(tokens, from); i < tokens.length && tokens[i]!.start < to; i++)
    if (norms.has(tokens[i]!.norm)) out.push(tokens[i]!.start);
  return out;
}

/** Offset of the last token in [from, to) that is one of `norms`, or undefined. */
export function lastTokenIn(
  index: MentionIndex,
  from: number,
  to: number,
  norms: ReadonlySet<string>,
): number | undefined {
  return tokensIn(index, from, to, norms).at(-1);
}
