import { z } from "zod";

/** Every lexicon file starts with these fields. */
export const LexiconHeader = {
  $schema: z.string().optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "semantic version such as 1.0.0"),
  description: z.string().optional(),
};

/** Stable rule id: lower-case words joined by dots, dashes or underscores. */
export const RuleId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "rule ids are lower-case slugs");

export const CptCode = z.string().regex(/^\d{5}$|^[A-Z]\d{4}$/, "a five-character CPT/HCPCS code");
