import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc, Mention } from "../types.ts";
import { extractCounts } from "./count.ts";
import { extractDeletedCodes } from "./deleted.ts";
import { extractHistology } from "./histology.ts";
import { extractProcedures } from "./procedure.ts";
import { extractSites } from "./site.ts";
import { extractSizes } from "./size.ts";

/** The extractor registry: one entry per attribute, all with the same signature. */
export const EXTRACTORS: Record<string, (doc: Doc, lex: CompiledLexicon) => Mention[]> = {
  procedure: extractProcedures,
  site: extractSites,
  size: extractSizes,
  count: extractCounts,
  histology: extractHistology,
  deletedCode: extractDeletedCodes,
};

/** Runs every extractor; mentions come back sorted by position with ids 0..n-1. */
export function extractMentions(doc: Doc, lex: CompiledLexicon): Mention[] {
  const all: Mention[] = [];
  for (const extract of Object.values(EXTRACTORS)) all.push(...extract(doc, lex));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  all.forEach((m, i) => {
    m.id = i;
  });
  return all;
}
