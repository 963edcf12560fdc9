import { z } from "zod";
import { LexiconHeader, RuleId } from "./common.ts";

export const SectionCategorySchema = z.enum([
  "procedure",
  "procedure_title",
  "pathology",
  "diagnosis",
  "assessment",
  "plan",
  "history",
  "family_history",
  "social_history",
  "medications",
  "exam",
  "hpi",
  "ros",
  "other",
]);

export const SectionsLexiconSchema = z.object({
  ...LexiconHeader,
  exact: z.array(
    z.object({
      id: RuleId,
      category: SectionCategorySchema,
      /** The header heads only its first sentence ("Chief complaint: rash."); the rest is untitled. */
      firstSentence: z.boolean().optional(),
      literals: z.array(z.string().min(1)),
    }),
  ),
  contains: z.array(
    z.object({
      id: RuleId,
      category: SectionCategorySchema,
      words: z.array(z.string().min(1)),
      /** Words that make a header with one of `words` something else ("Family medicine note"). */
      except: z.array(z.string().min(1)).default([]),
    }),
  ),
  /** Labels inside a section ("Site:", "Size:"): never headers. */
  fields: z.object({
    id: RuleId,
    literals: z.array(z.string().min(1)),
    /**
     * Fields that tell how a procedure went ("Stage 1:", "Repair:"): after a diagnosis line they
     * start the procedure's own section, so what they name is not read as part of the diagnosis.
     * Each must also be in `literals`.
     */
    endDiagnosis: z.object({ id: RuleId, literals: z.array(z.string().min(1)) }),
    /**
     * Fields that tell how a procedure went ("Repair:", "Stage I:", "Final defect:"): inside a
     * section of one of the `after` categories (a mid-note "PMH:" line, medications) they end it
     * and start the procedure's own section, so the procedure lines after a history line are not
     * read as history. Each must also be in `literals`.
     */
    endHistory: z
      .object({
        id: RuleId,
        literals: z.array(z.string().min(1)),
        after: z.array(SectionCategorySchema),
      })
      .optional(),
  }),
  /**
   * Notes that report procedures done elsewhere: a note with at least `minHeaders` of the
   * `headers` (a discharge summary: "Hospital course:", "Condition on discharge:") bills none of
   * the procedures it recounts; `reason` says why.
   */
  reportNotes: z
    .array(
      z.object({
        id: RuleId,
        headers: z.array(z.string().min(1)),
        minHeaders: z.number().int().positive(),
        reason: z.string(),
      }),
    )
    .default([]),
  /**
   * Where a section whose text starts on its header's line ends when no header follows: "line"
   * ("FH: father with melanoma." heads only its line) or "paragraph" (up to a blank line).
   * Categories not listed run to the next header.
   */
  inlineEnds: z.partialRecord(SectionCategorySchema, z.enum(["line", "paragraph"])).default({}),
  /**
   * Categories of a section that another known label ends where it starts, inline or not
   * ("Prior visit: excision of BCC. Today: suture removal. Shave bx L cheek."): after an inline
   * label's own sentence the text is untitled instead of returning to this section.
   */
  labelEnds: z.array(SectionCategorySchema).default([]),
  /**
   * Words that mark a sentence as telling this visit ("today"). A later sentence naming one inside
   * a paragraph-bounded section of `categories` (`inlineEnds`) is no part of it: "Path: SK. Cryo to
   * 5 AKs today." The section goes on after that sentence.
   */
  presentSentences: z
    .object({
      id: RuleId,
      words: z.array(z.string().min(1)),
      categories: z.array(SectionCategorySchema),
    })
    .optional(),
  /**
   * Banner lines ("--- Copied from note of ... ---"): the first words of one that closes a block
   * ("--- End copied section ---"), and the categories a block passes to the headers inside it.
   */
  banners: z
    .object({ closers: z.array(z.string().min(1)), inherited: z.array(SectionCategorySchema) })
    .default({ closers: [], inherited: [] }),
  /** Words after which a period does not end a sentence ("Dr.", "approx."). */
  abbreviations: z.array(z.string().min(1)),
  /**
   * Lower-case words that open a new clause after a sentence stop ("... R hand. mom ok w/ plan",
   * "... x 2 cycles. pt tolerated well"): a sentence ends before one as before a capital letter.
   * Words naming the clause's subject only: most lower-case words after a period continue an
   * abbreviation ("L post. neck").
   */
  clauseOpeners: z
    .object({ id: z.string().min(1), words: z.array(z.string().min(1)) })
    .default({ id: "sentences.clause-opener", words: [] }),
});
export type SectionsLexicon = z.infer<typeof SectionsLexiconSchema>;
