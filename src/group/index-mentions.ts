import type { Assertion } from "../schemas/api.ts";
import type { Doc, Mention } from "../types.ts";

type ByKind = { [K in Mention["kind"]]: Extract<Mention, { kind: K }>[] };

/** Mentions indexed by sentence and kind, with their assertions: what grouping reads. */
export interface MentionIndex {
  doc: Doc;
  all: Mention[];
  bySentence: Map<number, Mention[]>;
  assertions: Map<number, Assertion>;
  /** List item number of each sentence that starts with "1." / "2)" / "#3". */
  listNumber: Map<number, number>;
}

const LIST_ITEM = /^\s*(?:#\s*)?(\d{1,2})\s*[.)]\s/;

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
  for (const s of doc.sentences) {
    const match = LIST_ITEM.exec(doc.text.slice(s.start, Math.min(s.end, s.start + 8)) + " ");
    if (match) listNumber.set(s.index, Number.parseInt(match[1]!, 10));
  }
  return { doc, all, bySentence, assertions, listNumber };
}

export function inSentence<K extends Mention["kind"]>(
  index: MentionIndex,
  sentence: number,
  kind: K,
): ByKind[K] {
  const list = index.bySentence.get(sentence) ?? [];
  return list.filter((m) => m.kind === kind) as ByKind[K];
}

export function ofKind<K extends Mention["kind"]>(index: MentionIndex, kind: K): ByKind[K] {
  return index.all.filter((m) => m.kind === kind) as ByKind[K];
}

export function isBillable(index: MentionIndex, m: Mention): boolean {
  return index.assertions.get(m.id)?.billable ?? true;
}
