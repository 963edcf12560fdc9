import type { SiteMention } from "../types.ts";

/**
 * Two site mentions may name one area: the same site, and the same named part of it or a part
 * named only once ("the cheek" and "the face" may be one place; "the cheek" and "the chin" are two).
 */
export function sameSite(
  a: Pick<SiteMention, "site" | "part">,
  b: Pick<SiteMention, "site" | "part">,
): boolean {
  return a.site === b.site && (!a.part || !b.part || a.part === b.part);
}

/** Two sites are one place: the same site, on the same side or with a side named only once. */
export function samePlace(a: SiteMention, b: SiteMention): boolean {
  return sameSite(a, b) && (!a.laterality || !b.laterality || a.laterality === b.laterality);
}

/** A site, its named part and its side as one key ("" for no site). */
export const placeKey = (site: SiteMention | undefined) =>
  site ? `${site.site}|${site.part ?? ""}|${site.laterality ?? ""}` : "";

/**
 * "The benign lesion on the plantar aspect of the right foot": a site word without a side
 * ("plantar") beside the same site with one, and no other side, is on that side.
 */
export function withSides(sites: readonly SiteMention[]): SiteMention[] {
  return sites.map((s) => {
    if (s.laterality) return s;
    const sides = new Set(sites.filter((x) => sameSite(x, s)).map((x) => x.laterality));
    sides.delete(undefined);
    const [side] = sides;
    return sides.size === 1 && side ? { ...s, laterality: side } : s;
  });
}
