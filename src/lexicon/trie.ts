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
  /** With `index`: the ids set, and the root node of each id that starts a literal. */
  private indexed: { ids: TokenIds; roots: (Node<T> | undefined)[] } | undefined;
  /** The payload of the last literal `longestFrom` found (read right after it returns). */
  private found: T | undefined;

  /**
   * Registers this trie's tokens with `ids`, so a scan can find first tokens by id. Adding a
   * literal later drops the index (scans then look tokens up by string again).
   */
  index(ids: TokenIds): this {
    for (const token of this.vocabulary) ids.add(token);
    const first = [...this.root.next].map(([token, node]) => [ids.add(token), node] as const);
    // Filled up front: a dense array, not one with holes (element reads stay fast).
    const roots = new Array<Node<T> | undefined>(Math.max(-1, ...first.map(([id]) => id)) + 1).fill(
      undefined,
    );
    for (const [id, node] of first) roots[id] = node;
    this.indexed = { ids, roots };
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
    const length = first ? this.longestFrom(first, tokens, start, limit) : 0;
    return length > 0 ? { payload: this.found as T, length } : undefined;
  }

  /**
   * Leftmost-longest, non-overlapping matches in tokens[from, to). `ids` (the tokens' ids in
   * `idSet`) lets an indexed trie find first tokens by id instead of a map lookup.
   */
  findAll(
    tokens: readonly string[],
    from: number,
    to: number,
    ids?: { set: TokenIds; of: Int32Array },
  ): { start: number; hit: PhraseHit<T> }[] {
    const out: { start: number; hit: PhraseHit<T> }[] = [];
    this.scan(tokens, from, to, ids, (start, length, payload) => {
      out.push({ start, hit: { payload, length } });
      return true;
    });
    return out;
  }

  /** Does any literal occur in tokens[from, to)? (findAll without building its result.) */
  occursIn(
    tokens: readonly string[],
    from: number,
    to: number,
    ids?: { set: TokenIds; of: Int32Array },
  ): boolean {
    let found = false;
    this.scan(tokens, from, to, ids, () => {
      found = true;
      return false;
    });
    return found;
  }

  /**
   * `findAll` over several token ranges at once (a note's sentences), calling `found` for each
   * match in order, without a result array per range. Ranges are [firstToken, lastToken) with an
   * index passed back to `found`.
   */
  scanRanges(
    tokens: readonly string[],
    ranges: readonly { index: number; firstToken: number; lastToken: number }[],
    ids: { set: TokenIds; of: Int32Array },
    found: (first: number, length: number, payload: T, range: number) => void,
  ): void {
    for (const range of ranges)
      this.scan(tokens, range.firstToken, range.lastToken, ids, (start, length, payload) => {
        found(start, length, payload, range.index);
        return true;
      });
  }

  /**
   * Leftmost-longest matches in tokens[from, to), each passed to `found`, until it returns false.
   * With the tokens' ids, an indexed trie finds a first token's node by id.
   */
  private scan(
    tokens: readonly string[],
    from: number,
    to: number,
    ids: { set: TokenIds; of: Int32Array } | undefined,
    found: (start: number, length: number, payload: T) => boolean,
  ): void {
    const roots = ids && this.indexed?.ids === ids.set ? this.indexed.roots : undefined;
    for (let i = from; i < to; ) {
      const id = roots ? ids!.of[i]! : -1;
      const first = roots ? (id >= 0 ? roots[id] : undefined) : this.root.next.get(tokens[i]!);
      const length = first ? this.longestFrom(first, tokens, i, to) : 0;
      if (length === 0) {
        i++;
        continue;
      }
      if (!found(i, length, this.found as T)) return;
      i += length;
    }
  }

  /**
   * Number of tokens of the longest literal whose first token (at `start`) led to `node`, 0 when
   * none ends there; its payload is left in `found` (no result object per hit on the scan path).
   */
  private longestFrom(
    node: Node<T>,
    tokens: readonly string[],
    start: number,
    limit: number,
  ): number {
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
    this.found = payload;
    return length;
  }
}
