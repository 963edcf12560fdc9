import { z } from "zod";
import { MalignancySchema } from "./api.ts";
import { CptCode, LexiconHeader, RuleId } from "./common.ts";
import { ProcedureKindSchema } from "./terms.ts";

const Source = z.string().min(3);
/** A code list: explicit codes or inclusive ranges "11400-11446". */
const CodeSet = z.array(z.string().regex(/^\d{5}(-\d{5})?$/)).min(1);

export const EditRuleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("sameLesion"),
    id: RuleId,
    source: Source,
    /** A procedure of one of these kinds on a lesion ... */
    drop: z.array(ProcedureKindSchema),
    /** ... is not billed when one of these was done on the same lesion. */
    when: z.array(ProcedureKindSchema),
    /** Only lesions of these tissues are dropped (absent: any); a lipoma is "soft". */
    tissue: z.array(z.enum(["skin", "soft"])).optional(),
    /** Only a `when` procedure with one of these code keys counts (a flap, not a skin graft). */
    codeKeys: z.array(z.string()).optional(),
    /**
     * Only when both name the same lesion type, or the dropped one names none (cautery of the
     * margins of an excised BCC, not cryotherapy of AKs beside an excised nevus).
     */
    sameHistology: z.boolean().optional(),
    /**
     * With sameHistology: a dropped procedure told in a sentence of the including one prepares
     * it whatever lesion word it names ("the callus pared to expose the wart, then LN2").
     */
    anyTypeInSentence: z.boolean().optional(),
    /** Only when the dropped procedure's lesion is of these malignancies (a benign pathology). */
    malignancy: z.array(MalignancySchema).optional(),
    /** Only when the dropped procedure used one of these techniques (ED&C is curettage). */
    techniques: z.array(z.string()).optional(),
    /** Only a dropped procedure with one of these code keys (a nail avulsion, not a nail biopsy). */
    dropCodeKeys: z.array(z.string()).optional(),
    /**
     * The including procedure is the one at the dropped one's site rather than of its linked
     * lesion: any not apart from it (another digit, the other side, another site) includes it, one
     * of unknown site too (a matrixectomy includes the avulsion of its own nail, not of another).
     */
    bySite: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("exclusive"),
    id: RuleId,
    source: Source,
    keep: CodeSet,
    drop: CodeSet,
    /**
     * Drop only a line that shares a lesion (wound) with a kept line: on another lesion both
     * are reported (and a distinct rule may add the modifier).
     */
    sameLesion: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("addonRequires"),
    id: RuleId,
    source: Source,
    addon: CptCode,
    primaries: CodeSet,
  }),
  z.object({
    kind: z.literal("unitLimit"),
    id: RuleId,
    source: Source,
    codes: CodeSet,
    max: z.number().int().positive(),
    /** MUE adjudication indicator: 1 line edit, 2 absolute, 3 clinical. */
    mai: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  z.object({
    kind: z.literal("bundle"),
    id: RuleId,
    source: Source,
    /** Lines of these codes on the same lesion/wound as ... */
    codes: CodeSet,
    /** ... a line of these codes are included in it. */
    into: CodeSet,
  }),
  z.object({
    kind: z.literal("globalModifier"),
    id: RuleId,
    source: Source,
    /** Modifier added to matching lines: 58 staged/related, 78 return to the room, 79 unrelated. */
    modifier: z.string().regex(/^[0-9A-Z]{2}$/),
    codes: CodeSet,
    /** At least one phrase of every group must be in the note. */
    allOf: z.array(z.array(z.string().min(1)).min(1)).min(1),
    /** The note must date this visit within this many days of the earlier procedure. */
    withinDays: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal("digitModifier"),
    id: RuleId,
    source: Source,
    /** Codes billed per nail: each line takes the modifier of the digit it treats. */
    codes: CodeSet,
    /** The modifier of each digit (1 = thumb or great toe ... 5 = little), by limb and side. */
    modifiers: z.record(
      z.enum(["toe", "finger"]),
      z.object({
        left: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).length(5),
        right: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).length(5),
      }),
    ),
    /**
     * Words by which a nail procedure's sentence naming no digit points back to the nails named
     * before it ("both", "each", "the nails"): it takes the digits of the nearest earlier
     * sentence naming digits, when their number is the number of nails it codes.
     */
    backReferences: z.array(z.string().min(1)).optional(),
  }),
  z.object({
    kind: z.literal("distinct"),
    id: RuleId,
    source: Source,
    column1: CodeSet,
    column2: CodeSet,
    /** The pair's existence or direction is not confirmed against the CMS file. */
    unverified: z.boolean().optional(),
  }),
]);
export type EditRule = z.infer<typeof EditRuleSchema>;

export const EditsLexiconSchema = z.object({
  ...LexiconHeader,
  rules: z.array(EditRuleSchema),
  /** Words that date a visit after an earlier procedure ("day 8", "post-op day 6", "6 days after"). */
  dayWords: z.array(z.string().min(1)),
  /** Phrases that place the visit inside a global period without a day count. */
  globalPhrases: z.array(z.string().min(1)),
  /**
   * A sentence that starts a separate encounter on the same date: it names a phrase, or a sequence
   * word with a care setting ("later ... in the operating room"), after a procedure was already
   * documented. Repairs are not summed across encounters; the other encounter's lines take XE (59).
   */
  /**
   * The modifier each payer style puts on a distinct-lesion line and on a line of a separate
   * encounter ("59" style: 59 for both; "X" style: XS and XE).
   */
  modifierStyles: z.object({
    "59": z.object({ distinct: z.string().min(2), encounter: z.string().min(2) }),
    X: z.object({ distinct: z.string().min(2), encounter: z.string().min(2) }),
  }),
  encounters: z.object({
    id: RuleId,
    source: Source,
    phrases: z.array(z.string().min(1)),
    sequence: z.array(z.string().min(1)),
    settings: z.array(z.string().min(1)),
  }),
  /** When to hint that an E/M visit billed the same day needs modifier 25. */
  emHint: z.object({
    id: RuleId,
    source: Source,
    globals: z.array(z.string()),
    managementCues: z.array(z.string().min(1)),
    /**
     * Section headers of an operative report ("preoperative diagnosis"): a note with one is no
     * office visit, so it bills no E/M and needs no modifier 25 hint.
     */
    operativeHeaders: z.array(z.string().min(1)).default([]),
  }),
});
export type EditsLexicon = z.infer<typeof EditsLexiconSchema>;

export const ConfidenceLexiconSchema = z.object({
  ...LexiconHeader,
  base: z.number().min(0).max(1),
  /** Multiplicative weights by factor name. */
  factors: z.record(z.string(), z.object({ weight: z.number().min(0).max(2), note: z.string() })),
  /** Piecewise-linear map from raw score to probability, fitted on annotated notes. */
  calibration: z.object({
    fittedOn: z.string(),
    points: z.array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])).min(2),
  }),
});
export type ConfidenceLexicon = z.infer<typeof ConfidenceLexiconSchema>;
