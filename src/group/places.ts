import type { SiteMention } from "../types.ts";

/** Two sites are one place: the same site, on the same side or with a side named only once. */
export function samePlace(a: SiteMention, b: SiteMention): boolean {
  return a.site === b.site && (!a.laterality || !b.laterality || a.laterality === b.laterality);
}

/** A site and its side as one key ("" for no site). */
export const placeKey = (site: SiteMention | undefined) =>
  site ? `${site.site}|${site.laterality ?? ""}` : "";

/**
 * "The benign lesion on the plantar aspect of the right foot": a site word without a side
 * ("plantar") beside the same site with one, and no other side, is on that side.
 */
export function withSides(sites: readonly SiteMention[]): SiteMention[] {
  return sites.map((s) => {
    if (s.laterality) return s;
    const sides = new Set(sites.filter((x) => x.site === s.site).map((x) => x.laterality));
    sides.delete(undefined);
    const [side] = sides;
    return sides.size === 1 && side ? { ...s, laterality: side } : s;
  });
}
