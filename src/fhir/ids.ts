/**
 * Deterministic resource ids: the same note, result and subject always give the same bundle
 * (re-sending it does not create duplicates, tests can compare bundles). Ids are RFC 9562
 * version-8 ("custom") UUIDs from four FNV-1a hashes of the inputs, so no random source or
 * crypto API is needed in Node or the browser.
 */
export function stableUuid(...parts: string[]): string {
  const input = parts.join("\u0000");
  const words = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6b43a9b5].map((seed) => fnv1a(input, seed));
  const hex = words.map((w) => w.toString(16).padStart(8, "0")).join("");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // murmur3 finaliser: spreads every input bit over the word
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
