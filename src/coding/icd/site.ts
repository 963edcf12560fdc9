import type { Laterality } from "../../schemas/api.ts";
import type { Icd10Family, SiteCode } from "../../schemas/icd10.ts";

/** Where the site, side and eyelid position of one fact lead inside a code family. */
export type SiteResolution =
  | { kind: "excluded"; reason: string }
  | { kind: "none" }
  | {
      kind: "codes";
      /** One code, or two for a bilateral fact on a sided site. */
      codes: string[];
      /** The site had a side axis but no side was given: the "side not stated" code. */
      sideUnspecified: boolean;
      /** The site was missing or "unspecified" and the family has a code for that. */
      siteUnspecified: boolean;
      /** A right/left eyelid without upper/lower position. */
      eyelidPositionMissing: boolean;
    };

export interface SiteQuery {
  /** A key of the lexicon's `siteKeys`; undefined or unknown keys count as "unspecified". */
  site: string;
  laterality?: Laterality;
  eyelid?: "upper" | "lower";
}

const SIDES: Record<Laterality, ("right" | "left")[]> = {
  right: ["right"],
  left: ["left"],
  bilateral: ["right", "left"],
};

/** Pure lookup of a site (and side, eyelid position) in one family's table. */
export function resolveSite(family: Icd10Family, q: SiteQuery): SiteResolution {
  const excluded = family.excludedSites?.[q.site];
  if (excluded !== undefined) return { kind: "excluded", reason: excluded };

  let entry: SiteCode | undefined = family.sites?.[q.site];
  let siteUnspecified = q.site === "unspecified" && entry !== undefined;
  if (entry === undefined) {
    if (family.default !== undefined) {
      return {
        kind: "codes",
        codes: [family.default],
        sideUnspecified: false,
        siteUnspecified: false,
        eyelidPositionMissing: false,
      };
    }
    entry = family.sites?.unspecified;
    siteUnspecified = true;
    if (entry === undefined) return { kind: "none" };
  }
  if (typeof entry === "string") {
    return {
      kind: "codes",
      codes: [entry],
      sideUnspecified: false,
      siteUnspecified,
      eyelidPositionMissing: false,
    };
  }

  const sides = q.laterality ? SIDES[q.laterality] : [];
  if (sides.length === 0) {
    return {
      kind: "codes",
      codes: [entry.unspecified],
      sideUnspecified: true,
      siteUnspecified,
      eyelidPositionMissing: false,
    };
  }
  const codes: string[] = [];
  let eyelidPositionMissing = false;
  for (const side of sides) {
    const s = entry[side];
    if (typeof s === "string") codes.push(s);
    else if (q.eyelid) codes.push(s[q.eyelid]);
    else {
      eyelidPositionMissing = true;
      codes.push(s.unspecified ?? entry.unspecified);
    }
  }
  return {
    kind: "codes",
    codes: [...new Set(codes)],
    sideUnspecified: false,
    siteUnspecified,
    eyelidPositionMissing,
  };
}
