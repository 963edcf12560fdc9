/**
 * A set of ids kept as 53-bit hashes in one Float64Array (open addressing, linear probing):
 * 12-23 bytes an id, off the JS heap, instead of 80 or more for a Set of strings. Used to notice
 * duplicate ids in exports of millions of notes without memory growing with the id strings.
 * Two different ids share a hash with probability about n^2 / 2^54 (1 in 18,000 for a million
 * ids), which at worst flags one note as a duplicate that is not.
 */

/** cyrb53 (public domain): a fast 53-bit string hash; never returns 0 here (0 = empty slot). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}

export class IdHashSet {
  private slots = new Float64Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `id`; returns false when it (or an id with the same hash) was already there. */
  add(id: string): boolean {
    if (this.count + 1 > this.slots.length * 0.7) this.grow();
    const hash = hash53(id);
    const at = this.find(this.slots, hash);
    if (this.slots[at] === hash) return false;
    this.slots[at] = hash;
    this.count++;
    return true;
  }

  /** The slot holding `hash`, or the empty slot where it belongs. */
  private find(slots: Float64Array, hash: number): number {
    const mask = slots.length - 1;
    let at = hash % slots.length;
    while (slots[at] !== 0 && slots[at] !== hash) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (const hash of old) if (hash !== 0) this.slots[this.find(this.slots, hash)] = hash;
  }
}
