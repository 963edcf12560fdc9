/**
 * A phrase trie over tokens. Literals are tokenised like note text; matching walks the note's
 * canonical tokens from a start index and returns the longest literal found (longest match wins).
 */
export interface PhraseHit<T> {
  payload: T;
  /** Number of tokens matched. */
  length: number;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  payload?: T;
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  /** Every token that occurs in a literal. */
  readonly vocabulary = new Set<string>();

  /** Adds a literal; returns false when the same token sequence is already present. */
  add(tokens: readonly string[], payload: T): boolean {
    let node = this.root;
    for (const token of tokens) {
      this.vocabulary.add(token);
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map() };
        node.next.set(token, child);
      }
      node = child;
    }
    if (node.payload !== undefined) return false;
    node.payload = payload;
    return true;
  }

  /** Longest literal starting at tokens[start], not reaching past `limit`. */
  matchAt(tokens: readonly string[], start: number, limit: number): PhraseHit<T> | undefined {
    let node: Node<T> | undefined = this.root;
    let best: PhraseHit<T> | undefined;
    for (let i = start; i < limit && node; i++) {
      node = node.next.get(tokens[i]!);
      if (node?.payload !== undefined) best = { payload: node.payload, length: i - start + 1 };
    }
    return best;
  }

  /** Leftmost-longest, non-overlapping matches in tokens[from, to). */
  findAll(
    tokens: readonly string[],
    from: number,
    to: number,
  ): { start: number; hit: PhraseHit<T> }[] {
    const out: { start: number; hit: PhraseHit<T> }[] = [];
    for (let i = from; i < to; ) {
      const hit = this.matchAt(tokens, i, to);
      if (hit) {
        out.push({ start: i, hit });
        i += hit.length;
      } else i++;
    }
    return out;
  }
}
