import { z } from "zod";
import { MalignancySchema } from "./api.ts";
import { LexiconHeader, RuleId } from "./common.ts";

/** An ICD-10-CM code written with its dot, e.g. "C44.1121", "L80", "D49.2". */
export const Icd10Code = z
  .string()
  .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/, "an ICD-10-CM code such as C44.612 or L80");

/** Right or left eyelid: ICD-10-CM wants the upper/lower position once a side is known. */
export const EyelidSideSchema = z.strictObject({
  upper: Icd10Code,
  lower: Icd10Code,
  /** Code for "this side, eyelid position not stated", only where the code set has one (H02.73-). */
  unspecified: Icd10Code.optional(),
});

/** A site with a side axis: the "side not stated" code plus one code (or eyelid pair) per side. */
export const SidedSiteSchema = z.strictObject({
  unspecified: Icd10Code,
  right: z.union([Icd10Code, EyelidSideSchema]),
  left: z.union([Icd10Code, EyelidSideSchema]),
});

/** What a site key maps to in one code family: one code, or a code per side. */
export const SiteCodeSchema = z.union([Icd10Code, SidedSiteSchema]);
export type SiteCode = z.infer<typeof SiteCodeSchema>;

/** A code family: how the site (and side) fill the characters after the category. */
export const Icd10FamilySchema = z.strictObject({
  id: RuleId,
  label: z.string().min(1),
  /** Code used when the site is missing or not listed in `sites`. */
  default: Icd10Code.optional(),
  /** Site key -> code(s). Site keys must be listed in `siteKeys`. */
  sites: z.record(z.string(), SiteCodeSchema).optional(),
  /** Site key -> why this family cannot code that site (the mapper warns instead). */
  excludedSites: z.record(z.string(), z.string().min(1)).optional(),
  note: z.string().optional(),
});
export type Icd10Family = z.infer<typeof Icd10FamilySchema>;

/** One histology key of the extractor's vocabulary and how it is coded. */
export const Icd10HistologySchema = z.strictObject({
  id: RuleId,
  /** A key of `families` (site-driven codes) ... */
  family: z.string().optional(),
  /** ... or a single code with no site axis. Exactly one of the two. */
  code: Icd10Code.optional(),
  /** Malignant or pathologist-only diagnoses: coded only with final pathology. */
  requiresFinalPathology: z.boolean().default(false),
  /** Neoplasms whose behaviour pathology settles: pending pathology gives the unspecified-behaviour code. */
  pendingAsUnspecified: z.boolean().default(false),
  /** Personal-history code used for historical mentions (skin cancers only). */
  history: Icd10Code.optional(),
  /** Family-history code used when the experiencer is someone else. */
  familyHistory: Icd10Code.optional(),
  /** True for keys beyond the agreed extractor vocabulary (accepted, never required). */
  extension: z.boolean().default(false),
  note: z.string().optional(),
});
export type Icd10Histology = z.infer<typeof Icd10HistologySchema>;

export const Icd10CodeInfoSchema = z.strictObject({
  /** Short description in the project's own words (never the official descriptor text). */
  description: z.string().min(3),
  /** Lower confidence: the mapping to this code is a judgement the reference marks unverified. */
  unverified: z.boolean().default(false),
  note: z.string().optional(),
});

const Probability = z.number().min(0).max(1);

export const Icd10ConfidenceSchema = z.strictObject({
  /** Base confidence by pathology status of the fact. */
  final: Probability,
  pending: Probability,
  none: Probability,
  /** The unspecified-behaviour code put in place of a neoplasm awaiting (or lacking) pathology. */
  unspecifiedBehavior: Probability,
  history: Probability,
  familyHistory: Probability,
  /** Upper bounds applied when the code is less specific than it could be. */
  caps: z.strictObject({
    sideUnspecified: Probability,
    siteUnspecified: Probability,
    eyelidPositionMissing: Probability,
    unverified: Probability,
  }),
});

export const Icd10WarningSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** May use {histology}, {site}, {code} and {reason}. */
  message: z.string().min(1),
});

const Policy = z.strictObject({ id: RuleId, note: z.string().optional() });
const PolicyWithWarning = Policy.extend({ warning: Icd10WarningSchema });

export const Icd10PoliciesSchema = z.strictObject({
  /** A final-pathology fact overrides clinical facts of the same procedure. */
  pathologyWins: Policy,
  /** Pending pathology on a neoplasm: the unspecified-behaviour code instead. */
  pendingPathology: PolicyWithWarning.extend({ code: Icd10Code }),
  /** Malignancy not confirmed by pathology: not coded; the unspecified-behaviour code if sampled. */
  unconfirmedMalignancy: PolicyWithWarning.extend({
    code: Icd10Code,
    /** Warning text when no procedure sampled the lesion (nothing is coded). */
    messageWithoutProcedure: z.string().min(1),
  }),
  historical: Policy,
  otherPerson: Policy,
  /** The family cannot code this site (e.g. genital skin for C44): warn, emit nothing. */
  siteExcluded: PolicyWithWarning,
  eyelidPositionMissing: PolicyWithWarning,
  /** A site key outside `siteKeys`: coded as site not stated, with a warning. */
  unknownSite: PolicyWithWarning,
  /** No histology, or a histology key the lexicon does not know. */
  unmapped: PolicyWithWarning,
  /** Histology key to use when the fact has none, by its malignancy. */
  fallbackByMalignancy: z.partialRecord(MalignancySchema, z.string()),
});

const Icd10LexiconObject = z.strictObject({
  ...LexiconHeader,
  /** ICD-10-CM release these tables follow, e.g. "FY2026". */
  release: z.string().regex(/^FY\d{4}$/),
  /** ICD site keys of the extractor's vocabulary, with what each covers. */
  siteKeys: z.record(z.string().regex(/^[a-z_]+$/), z.string()),
  families: z.record(z.string(), Icd10FamilySchema),
  histologies: z.record(z.string().regex(/^[a-z_]+$/), Icd10HistologySchema),
  policies: Icd10PoliciesSchema,
  confidence: Icd10ConfidenceSchema,
  /** Every code the mapper can emit, with its description. */
  codes: z.record(Icd10Code, Icd10CodeInfoSchema),
  /** FY2026 billable leaf codes the mapper may emit (checked against the reference tables). */
  validCodes: z.array(Icd10Code).min(1),
});

function siteCodes(entry: SiteCode): string[] {
  if (typeof entry === "string") return [entry];
  const out = [entry.unspecified];
  for (const side of [entry.right, entry.left]) {
    if (typeof side === "string") out.push(side);
    else out.push(side.upper, side.lower, ...(side.unspecified ? [side.unspecified] : []));
  }
  return out;
}

/** Every code a family can produce. */
export function familyCodes(family: Icd10Family): string[] {
  const out = family.default ? [family.default] : [];
  for (const entry of Object.values(family.sites ?? {})) out.push(...siteCodes(entry));
  return out;
}

/** Cross-references: sites, families, histologies and codes must all resolve. */
export const Icd10LexiconSchema = Icd10LexiconObject.superRefine((lex, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  const valid = new Set(lex.validCodes);
  const described = new Set(Object.keys(lex.codes));
  const referenced: [string, (string | number)[]][] = [];
  const ids = new Map<string, string>();
  const seeId = (id: string, where: string) => {
    const prior = ids.get(id);
    if (prior) issue([where], `rule id ${id} also used by ${prior}`);
    else ids.set(id, where);
  };

  for (const [name, fam] of Object.entries(lex.families)) {
    seeId(fam.id, `families.${name}`);
    for (const key of [...Object.keys(fam.sites ?? {}), ...Object.keys(fam.excludedSites ?? {})]) {
      if (!(key in lex.siteKeys)) issue(["families", name], `unknown site key "${key}"`);
    }
    if (!fam.default && !fam.sites) issue(["families", name], "needs `default` or `sites`");
    for (const c of familyCodes(fam)) referenced.push([c, ["families", name]]);
  }
  for (const [key, h] of Object.entries(lex.histologies)) {
    seeId(h.id, `histologies.${key}`);
    if ((h.family === undefined) === (h.code === undefined)) {
      issue(["histologies", key], "needs exactly one of `family` and `code`");
    }
    if (h.family !== undefined && !(h.family in lex.families)) {
      issue(["histologies", key, "family"], `unknown family "${h.family}"`);
    }
    for (const c of [h.code, h.history, h.familyHistory]) {
      if (c) referenced.push([c, ["histologies", key]]);
    }
  }
  const p = lex.policies;
  for (const [name, pol] of Object.entries(p)) {
    if (typeof pol === "object" && pol !== null && "id" in pol && typeof pol.id === "string") {
      seeId(pol.id, `policies.${name}`);
    }
  }
  referenced.push([p.pendingPathology.code, ["policies", "pendingPathology"]]);
  referenced.push([p.unconfirmedMalignancy.code, ["policies", "unconfirmedMalignancy"]]);
  for (const [m, key] of Object.entries(p.fallbackByMalignancy)) {
    if (!(key in lex.histologies))
      issue(["policies", "fallbackByMalignancy", m], `unknown "${key}"`);
  }
  for (const [c, path] of referenced) {
    if (!valid.has(c)) issue(path, `${c} is not in validCodes`);
    if (!described.has(c)) issue(path, `${c} has no entry in codes`);
  }
  for (const c of valid) if (!described.has(c)) issue(["validCodes"], `${c} has no description`);
  for (const c of described) if (!valid.has(c)) issue(["codes", c], `${c} is not in validCodes`);
  if (new Set(lex.validCodes).size !== lex.validCodes.length) {
    issue(["validCodes"], "duplicate codes");
  }
});
export type Icd10Lexicon = z.infer<typeof Icd10LexiconSchema>;
