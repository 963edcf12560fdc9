/**
 * Every distinct token a lexicon has seen, with its canonical spelling and that spelling's token
 * id, found by the token's characters in the note (no string is cut out of the note to look it
 * up). Notes repeat the same few thousand words: a token found here costs a hash over its
 * characters and one comparison, instead of a new string, a canonicaliser memo lookup (hashing
 * that new string) and a token-id lookup. Bounded: past `LIMIT` words, new ones are looked up
 * the slow way and not kept.
 *
 * The canonicaliser and the token ids are fixed once a lexicon is compiled (compile.ts indexes
 * every trie then), so what a word maps to never changes while its lexicon lives.
 */
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { TokenIds } from "../lexicon/trie.ts";
import { ownString } from "./own.ts";

const LIMIT = 200_000;
/** Longer tokens (glued text, long digit runs) are not kept: they rarely recur. */
const MAX_LENGTH = 40;

export class WordTable {
  /** Per entry: the token, its canonical spelling, that spelling's id (-1: in no trie). */
  readonly norm: string[] = [];
  readonly canon: string[] = [];
  id: Int32Array = new Int32Array(1024);
  /** The characters of every entry, one after another: entry e is at [at[e], at[e + 1]). */
  private chars: Uint16Array = new Uint16Array(8192);
  private at: Int32Array = new Int32Array(1025);
  /**
   * Open addressing, two numbers a slot: an entry's hash, then its index + 1 (0: empty slot).
   * The hash and the characters are compared without reading any string object: a lookup
   * touches one slot and one run of `chars`.
   */
  private slots: Int32Array = new Int32Array(2 * 4096);

  constructor(
    readonly canonOf: (token: string) => string,
    readonly ids: TokenIds,
    private readonly limit = LIMIT,
  ) {}

  /** The entry of `lower.slice(start, end)`, added when new; -1 when it is not kept. */
  find(lower: string, start: number, end: number): number {
    const length = end - start;
    if (length > MAX_LENGTH) return -1;
    // FNV-1a over the code units.
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    for (let e = slots[2 * slot + 1]!; e !== 0; e = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === h && this.same(e - 1, lower, start, length)) return e - 1;
      slot = (slot + 1) & mask;
    }
    return this.add(lower, start, end, h, slot);
  }

  private same(e: number, lower: string, start: number, length: number): boolean {
    const from = this.at[e]!;
    if (this.at[e + 1]! - from !== length) return false;
    const chars = this.chars;
    for (let k = 0; k < length; k++)
      if (chars[from + k] !== lower.charCodeAt(start + k)) return false;
    return true;
  }

  private add(lower: string, start: number, end: number, h: number, slot: number): number {
    const n = this.norm.length;
    if (n >= this.limit) return -1;
    const norm = ownString(lower.slice(start, end));
    const canon = this.canonOf(norm);
    if (n + 1 === this.id.length) {
      this.id = grow(this.id, this.id.length * 2);
      this.at = grow(this.at, this.at.length * 2);
    }
    let from = this.at[n]!;
    if (from + norm.length > this.chars.length)
      this.chars = grow(this.chars, 2 * (from + norm.length));
    for (let k = 0; k < norm.length; k++) this.chars[from++] = norm.charCodeAt(k);
    this.at[n + 1] = from;
    this.norm.push(norm);
    // A changed spelling is a lexicon word or the canonicaliser's own copy: no slice of the note.
    this.canon.push(canon === norm ? norm : canon);
    this.id[n] = this.ids.idOf(canon);
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = n + 1;
    if (4 * (n + 1) > this.slots.length) this.rehash();
    return n;
  }

  /** Doubles the slots (kept at most half full). */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      const h = old[s]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = old[s + 1]!;
    }
    this.slots = slots;
  }
}

function grow<A extends Int32Array | Uint16Array>(a: A, length: number): A {
  const out = new (a.constructor as new (length: number) => A)(length);
  out.set(a);
  return out;
}

const tables = new WeakMap<CompiledLexicon, WordTable>();

/** The word table of a compiled lexicon (made on first use). */
export function wordTable(lex: CompiledLexicon): WordTable {
  let table = tables.get(lex);
  // A lexicon object given another canonicaliser or token ids gets a table of its own.
  if (!table || table.canonOf !== lex.canon || table.ids !== lex.tokenIds) {
    table = new WordTable(lex.canon, lex.tokenIds);
    tables.set(lex, table);
  }
  return table;
}
