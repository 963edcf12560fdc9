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
    // The one side the same site is named with, by a loop (no list or set per site: this runs
    // for every block placedApart compares).
    let side: SiteMention["laterality"];
    for (const x of sites) {
      if (x.laterality === undefined || !sameSite(x, s)) continue;
      if (side === undefined) side = x.laterality;
      else if (x.laterality !== side) return s;
    }
    return side ? { ...s, laterality: side } : s;
  });
}
