/** "11400-11446" or "11102" -> membership test. */
export function inCodeSet(set: readonly string[], code: string): boolean {
  const n = Number.parseInt(code, 10);
  return set.some((entry) => {
    const [a, b] = entry.split("-");
    return b === undefined
      ? entry === code
      : n >= Number.parseInt(a!, 10) && n <= Number.parseInt(b, 10);
  });
}
