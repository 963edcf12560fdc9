import type { SiteMention } from "../types.ts";

/** Two sites are one place: the same site, on the same side or with a side named only once. */
export function samePlace(a: SiteMention, b: SiteMention): boolean {
  return a.site === b.site && (!a.laterality || !b.laterality || a.laterality === b.laterality);
}

/** A site and its side as one key ("" for no site). */
export const placeKey = (site: SiteMention | undefined) =>
  site ? `${site.site}|${site.laterality ?? ""}` : "";
