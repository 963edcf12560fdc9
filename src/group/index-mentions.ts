import type { Assertion } from "../schemas/api.ts";
import { LIST_JOINERS, STEP_JOINERS, STEP_WORDS } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
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
  /**
   * The mentions of each sentence by kind, built once with the index: inSentence is called some
   * thousands of times per note, mostly for a kind the sentence does not hold.
   */
  kindsBySentence: (Map<string, Mention[]> | undefined)[];
  /** The same for mentions outside any sentence (a negative sentence number). */
  kindsOutside: Map<number, Map<string, Mention[]>>;
  /** List item number of each sentence that starts with "1." / "2)" / "#3". */
  listNumber: Map<number, number>;
  /**
   * Item number of each sentence in a list of lesions, labelled items ("Cyst 2, arm:", "Site 1 -")
   * as well as numbered ones, or of the item whose line it continues.
   */
  itemNumber: Map<number, number>;
  /** The sentences that open a numbered, lettered or labelled item (not its continuations). */
  itemOpens: Set<number>;
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

/** The number or letter of a labelled item ("Cyst 2, arm:", "Lesion #1 back", "Site B:"; a = 1). */
const LABEL_NUMBER = /^\d{1,2}$/;
const LABEL_LETTER = /^[a-h]$/;
/** What may follow a label's number or letter ("Cyst 1," "Site 2:" "Lesion A." "Lesion 3)"). */
const AFTER_LABEL: ReadonlySet<string> = new Set([",", ":", ".", ")", "(", "-"]);

/**
 * The item a sentence opens with a label word and a number or letter: a word of `labels`
 * (lexicon counts `itemLabels`: "Site 1:") or a diagnosis named first ("Cyst 2, arm:").
 */
function labelledItem(
  doc: Doc,
  first: number,
  last: number,
  labels: ReadonlySet<string>,
  diagnosisEnd: number | undefined,
): number | undefined {
  const c = doc.canon;
  let k = labels.has(c[first] ?? "") ? first + 1 : diagnosisEnd;
  if (k === undefined || k >= last) return undefined;
  const hash = c[k] === "#";
  if (hash) k++;
  const label = c[k] ?? "";
  const n = LABEL_NUMBER.test(label)
    ? Number.parseInt(label, 10)
    : LABEL_LETTER.test(label)
      ? label.charCodeAt(0) - 96
      : undefined;
  if (n === undefined || n < 1) return undefined;
  return hash || (k + 1 < last && AFTER_LABEL.has(c[k + 1]!)) ? n : undefined;
}

/** Token index after the diagnosis term that starts sentence at token `first`, if one does. */
function diagnosisAtStart(doc: Doc, first: number, mentions: Mention[] | undefined) {
  const start = doc.tokens[first]?.start;
  const h = mentions?.find((m) => m.kind === "histology" && m.start === start);
  return h ? tokenAt(doc.tokens, h.end) : undefined;
}

type Previous = { n: number; end: number; section: number };

/** Numbers sentence `s` in `numbers`: its own item number, or its line's. Returns the item it is in. */
function numberLine(
  doc: Doc,
  s: Doc["sentences"][number],
  n: number | undefined,
  previous: Previous | undefined,
  numbers: Map<number, number>,
): Previous | undefined {
  // A sentence on the same line as a numbered item belongs to that item.
  const sameLine =
    previous &&
    previous.section === s.sectionIndex &&
    !doc.text.slice(previous.end, s.start).includes("\n");
  const item = n ?? (sameLine ? previous!.n : undefined);
  if (item === undefined) return undefined;
  numbers.set(s.index, item);
  return { n: item, end: s.end, section: s.sectionIndex };
}

export function indexMentions(
  doc: Doc,
  all: Mention[],
  assertions: Map<number, Assertion>,
  itemLabels: ReadonlySet<string> = new Set(),
): MentionIndex {
  const bySentence = new Map<number, Mention[]>();
  const kindsBySentence: (Map<string, Mention[]> | undefined)[] = [];
  const kindsOutside = new Map<number, Map<string, Mention[]>>();
  for (const m of all) {
    let list = bySentence.get(m.sentence);
    if (!list) {
      list = [];
      bySentence.set(m.sentence, list);
    }
    list.push(m);
    let kinds = m.sentence >= 0 ? kindsBySentence[m.sentence] : kindsOutside.get(m.sentence);
    if (!kinds) {
      kinds = new Map();
      if (m.sentence >= 0) kindsBySentence[m.sentence] = kinds;
      else kindsOutside.set(m.sentence, kinds);
    }
    const ofKind = kinds.get(m.kind);
    if (ofKind) ofKind.push(m);
    else kinds.set(m.kind, [m]);
  }
  const listNumber = new Map<number, number>();
  const lesionItems = new Map<number, number>();
  const itemOpens = new Set<number>();
  let previous: Previous | undefined;
  let previousItem: Previous | undefined;
  for (const s of doc.sentences) {
    const n = itemNumber(doc.text, s.start, s.end);
    const labelled =
      n ??
      labelledItem(
        doc,
        s.firstToken,
        s.lastToken,
        itemLabels,
        diagnosisAtStart(doc, s.firstToken, bySentence.get(s.index)),
      );
    if (labelled !== undefined) itemOpens.add(s.index);
    previous = numberLine(doc, s, n, previous, listNumber);
    previousItem = numberLine(doc, s, labelled, previousItem, lesionItems);
  }
  return {
    doc,
    all,
    bySentence,
    assertions,
    listNumber,
    itemNumber: lesionItems,
    itemOpens,
    byKind: new Map(),
    kindsBySentence,
    kindsOutside,
  };
}

/** The sentence ends with a colon: a heading over the lines after it ("Bx performed as follows:"). */
export function endsWithColon(index: MentionIndex, sentence: number): boolean {
  const s = index.doc.sentences[sentence]!;
  const text = index.doc.text;
  // The sentence's last character that trimEnd would keep, found without slicing the sentence.
  let end = s.end;
  while (end > s.start && isSpaceAt(text, end - 1)) end--;
  return end > s.start && text.charCodeAt(end - 1) === 58; // ":"
}

const SPACE = /\s/;
/** The character at `i` is white space as trim() reads it (\s), tested without a slice. */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(text[i]!));
}

const FIELD_LINE = /^\s*[A-Za-z#][A-Za-z #/()-]{0,40}:/;

/** The head of a template field line ("Method: LN2 ..."), or undefined when it is none. */
function fieldHead(index: MentionIndex, sentence: number): string | undefined {
  const s = index.doc.sentences[sentence]!;
  const head = index.doc.text.slice(s.start, Math.min(s.end, s.start + 45));
  return FIELD_LINE.test(head) ? head : undefined;
}

/** The label of a template field line, lower case ("method" for "Method: LN2"), if it is one. */
export function fieldLabel(index: MentionIndex, sentence: number): string | undefined {
  const head = fieldHead(index, sentence);
  return head?.slice(0, head.indexOf(":")).trim().toLowerCase().replace(/\s+/g, " ");
}

/** The sentence is a template field ("Location: R upper arm", "# of lesions: 5"). */
export function isFieldLine(index: MentionIndex, sentence: number): boolean {
  return fieldHead(index, sentence) !== undefined;
}

export function inSentence<K extends Mention["kind"]>(
  index: MentionIndex,
  sentence: number,
  kind: K,
): ByKind[K] {
  const kinds = sentence >= 0 ? index.kindsBySentence[sentence] : index.kindsOutside.get(sentence);
  return (kinds?.get(kind) ?? NONE) as ByKind[K];
}

/** What inSentence finds in a sentence without mentions of the kind (shared: never written). */
const NONE: readonly Mention[] = Object.freeze([]);

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

/** How many list joiners stand between two spans of the note. */
export function joinersBetween(
  index: MentionIndex,
  a: { start: number; end: number },
  b: { start: number; end: number },
): number {
  return tokensIn(index, Math.min(a.end, b.end), Math.max(a.start, b.start), LIST_JOINERS).length;
}

/**
 * Two procedure words told as steps of one action ("pared and frozen", "pared and then frozen"):
 * between them only step joiners, one of them a word.
 */
export function stepsJoined(
  index: MentionIndex,
  a: { end: number },
  b: { start: number },
): boolean {
  const tokens = index.doc.tokens;
  let word = false;
  for (let i = tokenAt(tokens, a.end); i < tokens.length && tokens[i]!.start < b.start; i++) {
    const norm = tokens[i]!.norm;
    if (!STEP_JOINERS.has(norm)) return false;
    if (STEP_WORDS.has(norm)) word = true;
  }
  return word;
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
