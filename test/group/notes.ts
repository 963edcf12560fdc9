/**
 * Helpers of the group and coding unit tables: short notes run through suggest() with the
 * shipped code tables and a tiny sites file (back, arm | scalp, neck | cheek, nose), so that
 * curator edits of lexicon/sites.json never break tests of the coding mechanism.
 */
import { suggest } from "../../src/pipeline/suggest.ts";
import type { SuggestOptions, SuggestResult } from "../../src/schemas/api.ts";
import { lexiconWith, MINI_SITES } from "../extract/mini-lexicon.ts";

export const SITES_LEXICON = lexiconWith({ sites: MINI_SITES });

export function run(note: string, options: SuggestOptions = {}): SuggestResult {
  return suggest(note, options, SITES_LEXICON);
}

/** Claim lines as "17000 17003x11 17110-XS": code, units when more than one, modifiers. */
export function codesOf(result: SuggestResult): string {
  return result.codes
    .map(
      (c) =>
        `${c.code}${c.units > 1 ? `x${c.units}` : ""}${c.modifiers.map((m) => `-${m}`).join("")}`,
    )
    .join(" ");
}

export function codes(note: string, options: SuggestOptions = {}): string {
  return codesOf(run(note, options));
}

/** Claim lines of a note coded with the shipped lexicon (families whose data is in sites.json). */
export function shippedCodes(note: string): string {
  return codesOf(suggest(note));
}
