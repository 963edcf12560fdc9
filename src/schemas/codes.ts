import { z } from "zod";
import { MalignancySchema, SiteGroupSchema } from "./api.ts";
import { CptCode, LexiconHeader, RuleId } from "./common.ts";
import { ProcedureKindSchema } from "./terms.ts";

/** Conditions a table row requires of a procedure event. Absent keys match anything. */
export const WhenSchema = z.object({
  malignancy: z.array(MalignancySchema).optional(),
  siteGroup: z.array(SiteGroupSchema).optional(),
  repairGroup: z.array(z.string()).optional(),
  repairType: z.array(z.string()).optional(),
  destruction: z.array(z.string()).optional(),
  codeKey: z.array(z.string()).optional(),
  technique: z.array(z.string()).optional(),
  /** "skin" (the default of every lesion) or "soft" (a soft-tissue tumour such as a lipoma). */
  tissue: z.array(z.enum(["skin", "soft"])).optional(),
  /** Soft-tissue tumour region of the site (lexicon sites `softTissue`). */
  softTissue: z.array(z.string()).optional(),
  /** Histology keys of the event's lesion (hematoma, pilonidal) ... */
  histology: z.array(z.string()).optional(),
  /** ... or histology keys it must not have (an event without a histology passes). */
  notHistology: z.array(z.string()).optional(),
  /** Sites (lexicon sites `site`) the event is at, or is not at. */
  site: z.array(z.string()).optional(),
  notSite: z.array(z.string()).optional(),
});
export type When = z.infer<typeof WhenSchema>;

const UnitsExpr = z.union([
  z.number().int().positive(),
  /** ceil((count - minus) / per) */
  z.object({ countMinus: z.number().int().nonnegative(), per: z.number().int().positive() }),
]);

const BandTable = z.object({
  kind: z.literal("band"),
  id: RuleId,
  procedure: ProcedureKindSchema,
  /** Which derived measurement chooses the band. */
  measure: z.enum([
    "excisedDiameter",
    "lesion",
    "defectOrLesion",
    "area",
    "repairLength",
    "defectArea",
  ]),
  /** Upper bounds (inclusive) of each band but the last, in cm (sq cm for area). */
  bands: z.array(z.number().positive()).min(1),
  /** "exclusive": each bound starts the next band ("less than 3 cm" / "3 cm or more"). */
  boundary: z.enum(["inclusive", "exclusive"]).default("inclusive"),
  /** The measurement is per lesion (one line per lesion) or summed over the visit. */
  per: z.enum(["lesion", "visit"]),
  rows: z.array(
    z.object({
      id: RuleId,
      when: WhenSchema,
      label: z.string(),
      codes: z.array(CptCode),
      /** Add-on for each additional `per` cm beyond `over` (complex repair). */
      addon: z
        .object({ code: CptCode, over: z.number(), per: z.number(), label: z.string() })
        .optional(),
      /** Below this measure no code of the row exists (complex repair <= 1.0 cm). */
      minimum: z.number().optional(),
      /** The row's own band bounds and labels, where its sizes differ from the table's. */
      bands: z.array(z.number().positive()).min(1).optional(),
      bandLabels: z.array(z.string()).optional(),
    }),
  ),
  bandLabels: z.array(z.string()),
  /**
   * What to report when a row's `minimum` is not reached: a repair of this table at or under
   * the minimum (a complex repair of 1.0 cm or less) is reported as a repair of `repairType`
   * (reference 3.6: "use simple or intermediate repair instead"), summed with the other repairs
   * of that type and repair group.
   */
  belowMinimum: z
    .object({
      id: RuleId,
      source: z.string(),
      repairType: z.enum(["simple", "intermediate"]),
    })
    .optional(),
  /**
   * Warnings the table gives: `unmatched` when no row fits (a debridement with no layer written),
   * `assumed` when a default row was taken (an excisional debridement coded as subcutaneous).
   */
  warnings: z
    .object({ unmatched: z.string().optional(), assumed: z.string().optional() })
    .optional(),
});

const LadderTable = z.object({
  kind: z.literal("ladder"),
  id: RuleId,
  procedure: ProcedureKindSchema,
  when: WhenSchema,
  /** Count all lesions of matching events in the visit together. */
  per: z.literal("visit"),
  /** What one and several of the counted things are called (default lesion / lesions). */
  noun: z.tuple([z.string(), z.string()]).optional(),
  /** A technique that implies at least this count ("complicated" I&D counts as multiple). */
  minCountFor: z.record(z.string(), z.number().int().positive()).optional(),
  /** A technique that leaves the choice of code debatable lowers its line's confidence (factor name). */
  techniqueFactors: z.record(z.string(), z.string()).optional(),
  steps: z.array(
    z.object({
      from: z.number().int().positive(),
      to: z.number().int().positive().optional(),
      lines: z.array(z.object({ code: CptCode, units: UnitsExpr, label: z.string() })),
    }),
  ),
});

const FixedTable = z.object({
  kind: z.literal("fixed"),
  id: RuleId,
  procedure: ProcedureKindSchema,
  per: z.enum(["visit", "lesion"]),
  rows: z.array(z.object({ id: RuleId, when: WhenSchema, code: CptCode, label: z.string() })),
});

const BiopsyTable = z.object({
  kind: z.literal("biopsy"),
  id: RuleId,
  procedure: z.literal("biopsy"),
  /** Highest-ranked technique first: it takes the primary code. */
  rank: z.array(z.string()),
  primary: z.record(z.string(), CptCode),
  addon: z.record(z.string(), CptCode),
  labels: z.record(z.string(), z.string()),
  defaultTechnique: z.string(),
});

const MohsTable = z.object({
  kind: z.literal("mohs"),
  id: RuleId,
  procedure: z.literal("mohs"),
  groups: z.record(
    z.string(),
    z.object({ first: CptCode, additional: CptCode, label: z.string() }),
  ),
  blockAddon: CptCode,
  blocksPerStage: z.number().int().positive(),
  blockLabel: z.string(),
});

export const CodeTableSchema = z.discriminatedUnion("kind", [
  BandTable,
  LadderTable,
  FixedTable,
  BiopsyTable,
  MohsTable,
]);
export type CodeTable = z.infer<typeof CodeTableSchema>;
export type BandTableT = z.infer<typeof BandTable>;
export type LadderTableT = z.infer<typeof LadderTable>;
export type FixedTableT = z.infer<typeof FixedTable>;
export type BiopsyTableT = z.infer<typeof BiopsyTable>;
export type MohsTableT = z.infer<typeof MohsTable>;

export const CodeTablesFileSchema = z.object({
  ...LexiconHeader,
  tables: z.array(CodeTableSchema),
});
export type CodeTablesFile = z.infer<typeof CodeTablesFileSchema>;

/** Codes that exist in the code set: global period, add-on status, family for ordering. */
export const CodeCatalogSchema = z.object({
  ...LexiconHeader,
  codes: z.record(
    CptCode,
    z.object({
      global: z.enum(["000", "010", "090", "ZZZ", "XXX"]),
      addon: z.boolean(),
      /** Larger means entered first on the claim. */
      rank: z.number(),
    }),
  ),
});
export type CodeCatalog = z.infer<typeof CodeCatalogSchema>;
