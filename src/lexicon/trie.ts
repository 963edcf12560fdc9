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
 * looked up here once; each indexed trie then walks those ids with typed-array reads instead of
 * a string-keyed map lookup per token (string hashing was the scans' main cost).
 */
export class TokenIds {
  private readonly ids = new Map<string, number>();
  /**
   * The token array `of` was last asked about, with its ids and the id count then: a caller
   * holding only the tokens (`matchAt(doc.canon, ...)`, `occursIn`) reuses them. Token arrays
   * are never changed once their ids are taken; a token added since gives a new count, and
   * the ids are not reused.
   */
  private lastTokens: readonly string[] | undefined;
  private lastOf: Int32Array | undefined;
  private lastSize = -1;

  /** How many ids were given (ids are 0 .. size - 1, in the order given). */
  get size(): number {
    return this.ids.size;
  }

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
    this.lastTokens = tokens;
    this.lastOf = out;
    this.lastSize = this.ids.size;
    return out;
  }

  /** The ids `of` gave for this very array, if it was the last one asked and no id was added since. */
  known(tokens: readonly string[]): Int32Array | undefined {
    return tokens === this.lastTokens && this.lastSize === this.ids.size ? this.lastOf : undefined;
  }

  /*
   * Start positions. The tries that scan whole notes (`matchRanges`) each claim a bit, set here
   * at the ids their literals start with. One pass over a note's ids then lists, per bit, the
   * tokens where that trie's literals may start; each trie visits only those instead of every
   * token of the note (a dozen tries scan each note; most start at a few percent of its tokens).
   */
  private startBits = new Int32Array(0);
  private claimed = 0;
  /** The note whose start positions are in `startsAt`/`startsPos`, and the bits claimed then. */
  private startsOf: Int32Array | undefined;
  private startsClaimed = 0;
  private readonly startsAt = new Int32Array(STARTS_BITS + 1);
  private startsPos = new Int32Array(64);

  /** Claims a bit for a trie whose literals start with these ids; -1 when none is left. */
  claimStarts(firstIds: Iterable<number>): number {
    if (this.claimed >= STARTS_BITS) return -1;
    const bit = this.claimed++;
    if (this.startBits.length < this.ids.size) {
      const grown = new Int32Array(this.ids.size);
      grown.set(this.startBits);
      this.startBits = grown;
    }
    for (const id of firstIds) this.startBits[id]! |= 1 << bit;
    return bit;
  }

  /**
   * The tokens (of the ids `of`) where the literals of the trie with bit b may start: `pos[k]`
   * for `at[b] <= k < at[b + 1]`, ascending. Valid until the next call.
   */
  starts(of: Int32Array): { at: Int32Array; pos: Int32Array } {
    if (of !== this.startsOf || this.startsClaimed !== this.claimed) {
      const bitsById = this.startBits;
      const known = bitsById.length;
      const at = this.startsAt;
      at.fill(0);
      // Count per bit (at[b + 1]), then turn the counts into offsets and fill.
      for (let i = 0; i < of.length; i++) {
        const id = of[i]!;
        if (id < 0 || id >= known) continue;
        for (let m = bitsById[id]!; m !== 0; m &= m - 1) at[32 - Math.clz32(m & -m)]!++;
      }
      for (let b = 1; b <= STARTS_BITS; b++) at[b]! += at[b - 1]!;
      if (this.startsPos.length < at[STARTS_BITS]!)
        this.startsPos = new Int32Array(at[STARTS_BITS]! * 2);
      const pos = this.startsPos;
      const next = at.slice(0, STARTS_BITS);
      for (let i = 0; i < of.length; i++) {
        const id = of[i]!;
        if (id < 0 || id >= known) continue;
        for (let m = bitsById[id]!; m !== 0; m &= m - 1) pos[next[31 - Math.clz32(m & -m)]!++] = i;
      }
      this.startsOf = of;
      this.startsClaimed = this.claimed;
    }
    return { at: this.startsAt, pos: this.startsPos };
  }
}

/** Bits of the start positions (31: the sign bit is left alone). */
const STARTS_BITS = 31;

/** One match of `matchRanges`: tokens [first, last) of the range with index `sentence`. */
export interface RangeMatch<T> {
  first: number;
  last: number;
  payload: T;
  sentence: number;
}

/**
 * An indexed trie in flat arrays, walked by token id. Nodes are numbers; node n's children are
 * edges edgeStart[n] .. edgeStart[n + 1] - 1, sorted by token id (binary search). The same
 * code and array types serve every trie whatever its payload, so the scan loop stays
 * monomorphic (the object nodes' maps were hashed once per token and per trie).
 */
interface Flat<T> {
  ids: TokenIds;
  /** Node of each first token, by token id (-1: starts no literal); ids past its end start none. */
  roots: Int32Array;
  edgeStart: Int32Array;
  edgeToken: Int32Array;
  edgeNode: Int32Array;
  /** Payload of each node (undefined: no literal ends there). */
  payloads: (T | undefined)[];
  /** The start-position bit claimed in `ids` at the first `matchRanges` (-1: none left). */
  bit: number | undefined;
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  /** Every token that occurs in a literal. */
  readonly vocabulary = new Set<string>();
  /** With `index`: the trie in flat arrays over the ids of `ids`. */
  private indexed: Flat<T> | undefined;
  /** The payload of the last literal `longestFrom` or `longestById` found (read right after). */
  private found: T | undefined;

  /**
   * Registers this trie's tokens with `ids`, so a scan can walk the tokens by id. Adding a
   * literal later drops the index (scans then look tokens up by string again).
   */
  index(ids: TokenIds): this {
    for (const token of this.vocabulary) ids.add(token);
    // Number the nodes breadth first (root 0), then lay their sorted edges out flat.
    const nodes: Node<T>[] = [this.root];
    const edgeStart: number[] = [];
    const edgeToken: number[] = [];
    const edgeNode: number[] = [];
    for (let n = 0; n < nodes.length; n++) {
      edgeStart.push(edgeToken.length);
      const children = [...nodes[n]!.next].map(([token, node]) => [ids.add(token), node] as const);
      children.sort((a, b) => a[0] - b[0]);
      for (const [id, node] of children) {
        edgeToken.push(id);
        edgeNode.push(nodes.length);
        nodes.push(node);
      }
    }
    edgeStart.push(edgeToken.length);
    const rootEdges = edgeStart[1]!;
    const roots = new Int32Array(rootEdges > 0 ? edgeToken[rootEdges - 1]! + 1 : 0).fill(-1);
    for (let e = 0; e < rootEdges; e++) roots[edgeToken[e]!] = edgeNode[e]!;
    const payloads: (T | undefined)[] = [];
    for (const node of nodes) payloads.push(node.payload);
    this.indexed = {
      ids,
      roots,
      edgeStart: Int32Array.from(edgeStart),
      edgeToken: Int32Array.from(edgeToken),
      edgeNode: Int32Array.from(edgeNode),
      payloads,
      bit: undefined,
    };
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
    const flat = this.indexed;
    const of = flat?.ids.known(tokens);
    let length: number;
    if (of) length = this.longestById(flat!, of, start, limit);
    else {
      const first = this.root.next.get(tokens[start]!);
      length = first ? this.longestFrom(first, tokens, start, limit) : 0;
    }
    return length > 0 ? { payload: this.found as T, length } : undefined;
  }

  /**
   * Leftmost-longest, non-overlapping matches in tokens[from, to). `ids` (the tokens' ids in
   * `idSet`) lets an indexed trie walk the tokens by id instead of by string.
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
    const flat = this.indexed;
    const of = flat && (ids?.set === flat.ids ? ids.of : flat.ids.known(tokens));
    if (of) {
      for (let i = from; i < to; i++) if (this.longestById(flat!, of, i, to) > 0) return true;
      return false;
    }
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
    for (const m of this.matchRanges(tokens, ranges, ids, []))
      found(m.first, m.last - m.first, m.payload, m.sentence);
  }

  /**
   * The leftmost-longest matches of every range (a note's sentences), in order, appended to
   * `out`; each match carries its range's index as `sentence`.
   */
  matchRanges(
    tokens: readonly string[],
    ranges: readonly { index: number; firstToken: number; lastToken: number }[],
    ids: { set: TokenIds; of: Int32Array },
    out: RangeMatch<T>[],
  ): RangeMatch<T>[] {
    const flat = this.indexed;
    if (!flat || ids.set !== flat.ids) {
      for (const range of ranges)
        this.scan(
          tokens,
          range.firstToken,
          range.lastToken,
          undefined,
          (start, length, payload) => {
            out.push({ first: start, last: start + length, payload, sentence: range.index });
            return true;
          },
        );
      return out;
    }
    const of = ids.of;
    flat.bit ??= flat.ids.claimStarts(rootIds(flat.roots));
    if (flat.bit >= 0 && ascending(ranges)) {
      // Only the tokens this trie's literals may start at, taken in order.
      const { at, pos } = flat.ids.starts(of);
      let r = 0;
      let free = 0; // where the next match may start (after the last one)
      for (let k = at[flat.bit]!; k < at[flat.bit + 1]!; k++) {
        const i = pos[k]!;
        if (i < free) continue;
        while (r < ranges.length && ranges[r]!.lastToken <= i) r++;
        if (r === ranges.length) break;
        const range = ranges[r]!;
        if (i < range.firstToken) continue;
        const length = this.longestById(flat, of, i, range.lastToken);
        if (length === 0) continue;
        out.push({ first: i, last: i + length, payload: this.found as T, sentence: range.index });
        free = i + length;
      }
      return out;
    }
    const roots = flat.roots;
    const rootCount = roots.length;
    for (const range of ranges) {
      const to = Math.min(range.lastToken, of.length);
      for (let i = range.firstToken; i < to; ) {
        const id = of[i]!;
        if (id < 0 || id >= rootCount || roots[id]! < 0) {
          i++;
          continue;
        }
        const length = this.longestById(flat, of, i, to);
        if (length === 0) {
          i++;
          continue;
        }
        out.push({ first: i, last: i + length, payload: this.found as T, sentence: range.index });
        i += length;
      }
    }
    return out;
  }

  /**
   * Leftmost-longest matches in tokens[from, to), each passed to `found`, until it returns false.
   * With the tokens' ids, an indexed trie walks them by id.
   */
  private scan(
    tokens: readonly string[],
    from: number,
    to: number,
    ids: { set: TokenIds; of: Int32Array } | undefined,
    found: (start: number, length: number, payload: T) => boolean,
  ): void {
    const flat = this.indexed;
    const of = flat && (ids?.set === flat.ids ? ids.of : flat.ids.known(tokens));
    for (let i = from; i < to; ) {
      let length: number;
      if (of) length = this.longestById(flat!, of, i, to);
      else {
        const first = this.root.next.get(tokens[i]!);
        length = first ? this.longestFrom(first, tokens, i, to) : 0;
      }
      if (length === 0) {
        i++;
        continue;
      }
      if (!found(i, length, this.found as T)) return;
      i += length;
    }
  }

  /**
   * Number of tokens of the longest literal at `start` (by the tokens' ids `of`), not reaching
   * past `limit`; 0 when none. Its payload is left in `found`.
   */
  private longestById(flat: Flat<T>, of: Int32Array, start: number, limit: number): number {
    const end = Math.min(limit, of.length);
    if (start >= end) return 0;
    const first = of[start]!;
    let node = first >= 0 && first < flat.roots.length ? flat.roots[first]! : -1;
    if (node < 0) return 0;
    const { edgeStart, edgeToken, edgeNode, payloads } = flat;
    let payload = payloads[node];
    let length = payload === undefined ? 0 : 1;
    for (let i = start + 1; i < end; i++) {
      const id = of[i]!;
      if (id < 0) break;
      // Binary search of the node's sorted edges.
      let lo = edgeStart[node]!;
      let hi = edgeStart[node + 1]!;
      node = -1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const t = edgeToken[mid]!;
        if (t === id) {
          node = edgeNode[mid]!;
          break;
        }
        if (t < id) lo = mid + 1;
        else hi = mid;
      }
      if (node < 0) break;
      const here = payloads[node];
      if (here !== undefined) {
        payload = here;
        length = i - start + 1;
      }
    }
    this.found = payload;
    return length;
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

/** The ids that start a literal (index of each root). */
function* rootIds(roots: Int32Array): Iterable<number> {
  for (let id = 0; id < roots.length; id++) if (roots[id]! >= 0) yield id;
}

/** Ranges in order, none overlapping the next (a note's sentences, or some of them). */
function ascending(ranges: readonly { firstToken: number; lastToken: number }[]): boolean {
  for (let k = 1; k < ranges.length; k++)
    if (ranges[k]!.firstToken < ranges[k - 1]!.lastToken) return false;
  return true;
}
