/** A code set split once into its single codes and its numeric ranges. */
interface CompiledCodeSet {
  codes: ReadonlySet<string>;
  /** Pairs of bounds, low then high, as `Number.parseInt` reads them. */
  ranges: readonly number[];
}

/**
 * Code sets are arrays of the lexicon, read for every line and every edit rule: each is parsed
 * once (keyed by the array itself) rather than split and parsed again on every test.
 */
const compiled = new WeakMap<readonly string[], CompiledCodeSet>();

function compile(set: readonly string[]): CompiledCodeSet {
  const codes = new Set<string>();
  const ranges: number[] = [];
  for (const entry of set) {
    const [a, b] = entry.split("-");
    if (b === undefined) codes.add(entry);
    else ranges.push(Number.parseInt(a!, 10), Number.parseInt(b, 10));
  }
  const out = { codes, ranges };
  compiled.set(set, out);
  return out;
}

/** "11400-11446" or "11102" -> membership test. */
export function inCodeSet(set: readonly string[], code: string): boolean {
  const { codes, ranges } = compiled.get(set) ?? compile(set);
  if (codes.has(code)) return true;
  if (ranges.length === 0) return false;
  const n = Number.parseInt(code, 10);
  for (let i = 0; i < ranges.length; i += 2)
    if (n >= ranges[i]! && n <= ranges[i + 1]!) return true;
  return false;
}
