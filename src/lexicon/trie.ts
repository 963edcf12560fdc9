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

/**
 * Integer ids for every token of the tries indexed with it. A note's canonical tokens are
 * looked up here once; each indexed trie then rejects a token that starts none of its literals
 * with an array read instead of a map lookup (nine tries scan every note).
 */
export class TokenIds {
  private readonly ids = new Map<string, number>();

  idOf(token: string): number {
    return this.ids.get(token) ?? -1;
  }

  add(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
    }
    return id;
  }

  /** Ids of a token sequence; -1 for a token no indexed trie contains. */
  of(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.idOf(tokens[i]!);
    return out;
  }
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  /** Every token that occurs in a literal. */
  readonly vocabulary = new Set<string>();
  /** With `index`: the ids set, and which of them start a literal (1) or not (0). */
  private indexed:
    | { ids: TokenIds; starts: Uint8Array; roots: (Node<T> | undefined)[] }
    | undefined;

  /**
   * Registers this trie's tokens with `ids`, so `findAll` can skip tokens by id. Adding a
   * literal later drops the index (findAll then looks tokens up by string again).
   */
  index(ids: TokenIds): this {
    for (const token of this.vocabulary) ids.add(token);
    const firsts = [...this.root.next.keys()].map((token) => ids.add(token));
    const starts = new Uint8Array(Math.max(0, ...firsts) + 1);
    const roots = new Array<Node<T> | undefined>(starts.length).fill(undefined);
    for (const [token, node] of this.root.next) {
      const id = ids.add(token);
      starts[id] = 1;
      roots[id] = node;
    }
    this.indexed = { ids, starts, roots };
    return this;
  }

  /** Adds a literal; returns false when the same token sequence is already present. */
  add(tokens: readonly string[], payload: T): boolean {
    this.indexed = undefined;
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
    if (start >= limit) return undefined;
    const first = this.root.next.get(tokens[start]!);
    return first ? this.longestFrom(first, tokens, start, limit) : undefined;
  }

  /**
   * Leftmost-longest, non-overlapping matches in tokens[from, to). `ids` (the tokens' ids in
   * `idSet`) lets an indexed trie skip non-starting tokens without a map lookup.
   */
  findAll(
    tokens: readonly string[],
    from: number,
    to: number,
    ids?: { set: TokenIds; of: Int32Array },
  ): { start: number; hit: PhraseHit<T> }[] {
    const out: { start: number; hit: PhraseHit<T> }[] = [];
    const roots = this.root.next;
    const starts = ids && this.indexed?.ids === ids.set ? this.indexed.starts : undefined;
    for (let i = from; i < to; ) {
      if (starts && ids) {
        const id = ids.of[i]!;
        if (id < 0 || id >= starts.length || starts[id] === 0) {
          i++;
          continue;
        }
      }
      const first = roots.get(tokens[i]!);
      const hit = first ? this.longestFrom(first, tokens, i, to) : undefined;
      if (hit) {
        out.push({ start: i, hit });
        i += hit.length;
      } else i++;
    }
    return out;
  }

  /**
   * Does any literal occur in tokens[from, to)? (findAll without building its result.) With the
   * tokens' `ids`, an indexed trie finds first tokens by id instead of a map lookup per token.
   */
  occursIn(
    tokens: readonly string[],
    from: number,
    to: number,
    ids?: { set: TokenIds; of: Int32Array },
  ): boolean {
    const indexed = ids && this.indexed?.ids === ids.set ? this.indexed : undefined;
    for (let i = from; i < to; i++) {
      let first: Node<T> | undefined;
      if (indexed) {
        const id = ids!.of[i]!;
        first = id >= 0 && id < indexed.roots.length ? indexed.roots[id] : undefined;
      } else first = this.root.next.get(tokens[i]!);
      if (first && this.longestFrom(first, tokens, i, to)) return true;
    }
    return false;
  }

  /**
   * `findAll` over several token ranges at once (a note's sentences), calling `found` for each
   * match in order: the per-range loop of a note's every sentence, without a result array per
   * range. Ranges are [firstToken, lastToken) with an index passed back to `found`.
   */
  scanRanges(
    tokens: readonly string[],
    ranges: readonly { index: number; firstToken: number; lastToken: number }[],
    ids: { set: TokenIds; of: Int32Array },
    found: (first: number, hit: PhraseHit<T>, range: number) => void,
  ): void {
    const indexed = this.indexed?.ids === ids.set ? this.indexed : undefined;
    const of = ids.of;
    for (const range of ranges) {
      const to = range.lastToken;
      for (let i = range.firstToken; i < to; ) {
        let first: Node<T> | undefined;
        if (indexed) {
          const id = of[i]!;
          first = id >= 0 && id < indexed.roots.length ? indexed.roots[id] : undefined;
        } else first = this.root.next.get(tokens[i]!);
        const hit = first ? this.longestFrom(first, tokens, i, to) : undefined;
        if (hit) {
          found(i, hit, range.index);
          i += hit.length;
        } else i++;
      }
    }
  }

  /** The longest literal whose first token (at `start`) led to `node`. */
  private longestFrom(
    node: Node<T>,
    tokens: readonly string[],
    start: number,
    limit: number,
  ): PhraseHit<T> | undefined {
    let payload = node.payload;
    let length = payload === undefined ? 0 : 1;
    let current: Node<T> | undefined = node;
    for (let i = start + 1; i < limit; i++) {
      current = current.next.get(tokens[i]!);
      if (!current) break;
      if (current.payload !== undefined) {
        payload = current.payload;
        length = i - start + 1;
      }
    }
    return payload === undefined ? undefined : { payload, length };
  }
}
