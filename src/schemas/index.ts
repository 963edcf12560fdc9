/** Zod schemas of every public type and of every lexicon file (types come from z.infer). */
export * from "./api.ts";
export { CodeCatalogSchema, CodeTableSchema, CodeTablesFileSchema } from "./codes.ts";
export { ContextLexiconSchema } from "./context.ts";
export { ConfidenceLexiconSchema, EditRuleSchema, EditsLexiconSchema } from "./edits.ts";
export { Icd10LexiconSchema } from "./icd10.ts";
export { MetaLexiconSchema } from "./meta.ts";
export { SectionsLexiconSchema } from "./sections.ts";
export {
  CountsLexiconSchema,
  DeletedCodesLexiconSchema,
  HistologyLexiconSchema,
  ProceduresLexiconSchema,
  SitesLexiconSchema,
  UnitsLexiconSchema,
} from "./terms.ts";
