import { z } from "zod";

/** Half-open [start, end) offsets into the ORIGINAL note, plus the text they cover. */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

export const MalignancySchema = z.enum([
  "benign",
  "premalignant",
  "malignant",
  "uncertain",
  "pending",
  "unknown",
]);
export type Malignancy = z.infer<typeof MalignancySchema>;

export const SiteGroupSchema = z.enum(["A_TAL", "B_SNHFG", "C_FACE"]);
export type SiteGroup = z.infer<typeof SiteGroupSchema>;

export const LateralitySchema = z.enum(["right", "left", "bilateral"]);
export type Laterality = z.infer<typeof LateralitySchema>;

export const NegationSchema = z.enum(["affirmed", "negated", "possible"]);
export const TemporalitySchema = z.enum(["recent", "historical", "hypothetical"]);
export const ExperiencerSchema = z.enum(["patient", "other"]);

export const AssertionSchema = z.object({
  negation: NegationSchema,
  temporality: TemporalitySchema,
  experiencer: ExperiencerSchema,
  /** True when the procedure is billable today (affirmed, recent, patient). */
  billable: z.boolean(),
  /** Human-readable reason when not billable. */
  reason: z.string().optional(),
  /** Context rule ids (lexicon/context.json, lexicon/sections.json) that decided it. */
  ruleIds: z.array(z.string()),
});
export type Assertion = z.infer<typeof AssertionSchema>;

export const FactorSchema = z.object({
  name: z.string(),
  weight: z.number(),
  ruleId: z.string().optional(),
  issueCode: z.string().optional(),
});
export type Factor = z.infer<typeof FactorSchema>;

export const CodeLineSchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{5}$/),
  units: z.number().int().min(1),
  modifiers: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  description: z.string(),
  rationale: z.string(),
  procedure: z.number().int().nonnegative(),
  evidence: z.array(SpanSchema),
  /** Indexes into `diagnoses` this line points to. */
  diagnoses: z.array(z.number().int().nonnegative()).default([]),
  factors: z.array(FactorSchema),
  ruleIds: z.array(z.string()),
  /** Codes considered but not chosen (e.g. the malignant alternate while pathology is pending). */
  alternates: z.array(z.string()).optional(),
});
export type CodeLine = z.infer<typeof CodeLineSchema>;

export const SizeSchema = z.object({
  role: z.enum(["lesion", "margin", "defect", "repair", "area", "unknown"]),
  valueCm: z.number(),
  /** Square centimetres when role = area. */
  unit: z.enum(["cm", "cm2"]),
  span: SpanSchema,
});
export type Size = z.infer<typeof SizeSchema>;

export const ProcedureSchema = z.object({
  id: z.string(),
  kind: z.string(),
  technique: z.string().optional(),
  site: z
    .object({
      text: z.string(),
      key: z.string().optional(),
      siteGroup: SiteGroupSchema.optional(),
      repairGroup: z.string().optional(),
      laterality: LateralitySchema.optional(),
      span: SpanSchema,
    })
    .optional(),
  sizes: z.object({
    lesionCm: z.number().optional(),
    marginCm: z.number().optional(),
    excisedDiameterCm: z.number().optional(),
    defectCm: z.number().optional(),
    repairLengthCm: z.number().optional(),
    areaSqCm: z.number().optional(),
    all: z.array(SizeSchema),
  }),
  count: z.number().int().optional(),
  malignancy: MalignancySchema,
  diagnosis: z.string().optional(),
  assertion: AssertionSchema,
  evidence: z.array(SpanSchema),
  ruleIds: z.array(z.string()),
  /** Index of the lesion this procedure treats; procedures on the same lesion share it. */
  lesion: z.number().int().optional(),
  /**
   * Why a procedure asserted as done today has no code line: included in another procedure of
   * the lesion, not a skin procedure, no skin lesion or site documented, not covered.
   */
  notCoded: z.string().optional(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const DiagnosisSchema = z.object({
  code: z.string(),
  description: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(SpanSchema),
  procedures: z.array(z.number().int().nonnegative()),
  ruleIds: z.array(z.string()),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const WarningSchema = z.object({
  kind: z.string(),
  message: z.string(),
  procedure: z.number().int().optional(),
  span: SpanSchema.optional(),
  ruleId: z.string().optional(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const SuggestResultSchema = z.object({
  id: z.string().optional(),
  codeSet: z.string(),
  lexiconVersion: z.string(),
  codes: z.array(CodeLineSchema),
  procedures: z.array(ProcedureSchema),
  diagnoses: z.array(DiagnosisSchema),
  warnings: z.array(WarningSchema),
  trace: z.record(z.string(), z.unknown()).optional(),
});
export type SuggestResult = z.infer<typeof SuggestResultSchema>;

export const SuggestOptionsSchema = z.object({
  id: z.string().optional(),
  /** CPT code-set year; only the years the lexicon carries are accepted. */
  codeSet: z.string().optional(),
  /** Distinct-service modifier style: "59" or "X" (XS/XE/...). */
  modifierStyle: z.enum(["59", "X"]).default("X"),
  /** Code lines below this confidence are dropped (and reported as a warning). */
  minConfidence: z.number().min(0).max(1).default(0),
  /** Return each stage's output under `trace`. */
  trace: z.boolean().default(false),
});
export type SuggestOptions = z.input<typeof SuggestOptionsSchema>;

export const SuggestRequestSchema = z.object({
  text: z.string(),
  id: z.string().optional(),
  options: SuggestOptionsSchema.omit({ trace: true, id: true }).partial().optional(),
});
export type SuggestRequest = z.infer<typeof SuggestRequestSchema>;

export const ErrorBodySchema = z.object({
  id: z.string().optional(),
  error: z.object({ kind: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
