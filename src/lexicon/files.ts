/**
 * The lexicon files and the zod schema of each. JSON is imported statically so the core runs
 * unchanged in Node and in a browser bundle (no file system access).
 */

import codeCatalog from "../../lexicon/code-catalog.json" with { type: "json" };
import biopsy from "../../lexicon/codes/biopsy.json" with { type: "json" };
import destruction from "../../lexicon/codes/destruction.json" with { type: "json" };
import excision from "../../lexicon/codes/excision.json" with { type: "json" };
import other from "../../lexicon/codes/other.json" with { type: "json" };
import repair from "../../lexicon/codes/repair.json" with { type: "json" };
import shave from "../../lexicon/codes/shave.json" with { type: "json" };
import confidence from "../../lexicon/confidence.json" with { type: "json" };
import context from "../../lexicon/context.json" with { type: "json" };
import counts from "../../lexicon/counts.json" with { type: "json" };
import deletedCodes from "../../lexicon/deleted-codes.json" with { type: "json" };
import edits from "../../lexicon/edits.json" with { type: "json" };
import histology from "../../lexicon/histology.json" with { type: "json" };
import icd10 from "../../lexicon/icd10.json" with { type: "json" };
import meta from "../../lexicon/meta.json" with { type: "json" };
import procedures from "../../lexicon/procedures.json" with { type: "json" };
import sections from "../../lexicon/sections.json" with { type: "json" };
import sites from "../../lexicon/sites.json" with { type: "json" };
import units from "../../lexicon/units.json" with { type: "json" };
import { CodeCatalogSchema, CodeTablesFileSchema } from "../schemas/codes.ts";
import { ContextLexiconSchema } from "../schemas/context.ts";
import { ConfidenceLexiconSchema, EditsLexiconSchema } from "../schemas/edits.ts";
import { Icd10LexiconSchema } from "../schemas/icd10.ts";
import { MetaLexiconSchema } from "../schemas/meta.ts";
import { SectionsLexiconSchema } from "../schemas/sections.ts";
import {
  CountsLexiconSchema,
  DeletedCodesLexiconSchema,
  HistologyLexiconSchema,
  ProceduresLexiconSchema,
  SitesLexiconSchema,
  UnitsLexiconSchema,
} from "../schemas/terms.ts";

/** One entry per lexicon file: its path (for error messages), raw JSON and schema. */
export const LEXICON_FILES = {
  meta: { path: "lexicon/meta.json", raw: meta as unknown, schema: MetaLexiconSchema },
  sections: {
    path: "lexicon/sections.json",
    raw: sections as unknown,
    schema: SectionsLexiconSchema,
  },
  procedures: {
    path: "lexicon/procedures.json",
    raw: procedures as unknown,
    schema: ProceduresLexiconSchema,
  },
  sites: { path: "lexicon/sites.json", raw: sites as unknown, schema: SitesLexiconSchema },
  histology: {
    path: "lexicon/histology.json",
    raw: histology as unknown,
    schema: HistologyLexiconSchema,
  },
  units: { path: "lexicon/units.json", raw: units as unknown, schema: UnitsLexiconSchema },
  counts: { path: "lexicon/counts.json", raw: counts as unknown, schema: CountsLexiconSchema },
  deletedCodes: {
    path: "lexicon/deleted-codes.json",
    raw: deletedCodes as unknown,
    schema: DeletedCodesLexiconSchema,
  },
  context: { path: "lexicon/context.json", raw: context as unknown, schema: ContextLexiconSchema },
  codeCatalog: {
    path: "lexicon/code-catalog.json",
    raw: codeCatalog as unknown,
    schema: CodeCatalogSchema,
  },
  codesBiopsy: {
    path: "lexicon/codes/biopsy.json",
    raw: biopsy as unknown,
    schema: CodeTablesFileSchema,
  },
  codesExcision: {
    path: "lexicon/codes/excision.json",
    raw: excision as unknown,
    schema: CodeTablesFileSchema,
  },
  codesShave: {
    path: "lexicon/codes/shave.json",
    raw: shave as unknown,
    schema: CodeTablesFileSchema,
  },
  codesDestruction: {
    path: "lexicon/codes/destruction.json",
    raw: destruction as unknown,
    schema: CodeTablesFileSchema,
  },
  codesRepair: {
    path: "lexicon/codes/repair.json",
    raw: repair as unknown,
    schema: CodeTablesFileSchema,
  },
  codesOther: {
    path: "lexicon/codes/other.json",
    raw: other as unknown,
    schema: CodeTablesFileSchema,
  },
  edits: { path: "lexicon/edits.json", raw: edits as unknown, schema: EditsLexiconSchema },
  confidence: {
    path: "lexicon/confidence.json",
    raw: confidence as unknown,
    schema: ConfidenceLexiconSchema,
  },
  icd10: { path: "lexicon/icd10.json", raw: icd10 as unknown, schema: Icd10LexiconSchema },
} as const;

export type LexiconFileName = keyof typeof LEXICON_FILES;

/** Version of the lexicon release (lexicon/meta.json), reported in every result. */
export const LEXICON_VERSION: string = (meta as { version: string }).version;
