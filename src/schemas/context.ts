import { z } from "zod";
import type { SectionCategory } from "../types.ts";
import { ExperiencerSchema, NegationSchema, TemporalitySchema } from "./api.ts";
import { LexiconHeader, RuleId } from "./common.ts";
import { SectionCategorySchema } from "./sections.ts";

/**
 * lexicon/context.json: ConText rules (Harkema et al. 2009) as data.
 * A rule is a trigger phrase with a category and a direction; categories say which assertion
 * attribute a trigger sets. PSEUDO, TERMINATE and MAIN_VERB are structural: a pseudo rule hides
 * the shorter triggers inside it ("no change" hides "no"), a terminate rule cuts scopes ("but"),
 * and a main-verb rule is a terminate rule that cuts only where it is the verb of the sentence a
 * history phrase sits in ("a man with a history of BCC underwent a biopsy"; see
 * src/context/scope.ts).
 */

// Compile-time check that the section enum and the SectionCategory union in src/types.ts agree.
const sectionsAgree: [SectionCategory] extends [z.infer<typeof SectionCategorySchema>]
  ? [z.infer<typeof SectionCategorySchema>] extends [SectionCategory]
    ? true
    : false
  : false = true;
void sectionsAgree;

export const ContextDirectionSchema = z.enum([
  "forward",
  "backward",
  "bidirectional",
  "terminate",
  "pseudo",
]);
export type ContextDirection = z.infer<typeof ContextDirectionSchema>;

/** Structural categories every lexicon has; the others are declared under `categories`. */
export const STRUCTURAL_CATEGORIES = ["PSEUDO", "TERMINATE", "MAIN_VERB"] as const;

const CategoryName = z.string().regex(/^[A-Z][A-Z_]*$/, "category names are UPPER_SNAKE_CASE");

/** Lower-case words separated by single spaces; punctuation allowed ("r/o", "s/p"). */
export const TriggerLiteral = z
  .string()
  .min(1)
  .refine((s) => s === s.toLowerCase(), "literals are lower-case")
  .refine((s) => s === s.trim() && !/\s\s/.test(s), "literals use single spaces, no padding");

/** Linear-time by construction: no quantified groups, no back-references. */
export const SafePattern = z
  .string()
  .min(1)
  .refine((p) => !/\)[*+?{]/.test(p), "patterns must not quantify a group")
  .refine((p) => !/\\[1-9]/.test(p), "patterns must not use back-references")
  .refine(compiles, "pattern does not compile");

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "giu");
    return true;
  } catch {
    return false;
  }
}

const MaxScope = z.number().int().min(1).max(200);

const categoryFields = {
  reason: z
    .string()
    .describe("Human phrase for Assertion.reason; {trigger} is replaced by the quoted trigger"),
  maxScope: MaxScope.optional(),
  /**
   * Whether a trigger written inside the target phrase still applies to it: "status post
   * excision" is historical, but "exam showed no abnormality" is one (affirmed) finding.
   */
  insideTarget: z.boolean().optional(),
  /**
   * Whether a scope that runs out of words inside a list finishes the list ("discussed options
   * including cryotherapy, ED&C, excision, Mohs surgery and imiquimod": all are options).
   */
  throughLists: z.boolean().optional(),
  /**
   * Whether a forward scope takes in a parenthetical opened after its trigger, whole, and goes
   * on after it ("hx BCC x3 (Mohs nose 2019; ED&C back 2021)", "at last visit (Aug) he had LN2
   * to 12 AKs"): the aside belongs to the phrase the trigger dates. Without it "(" ends the scope.
   */
  throughAsides: z.boolean().optional(),
  /** A weaker second effect, used when no trigger of that attribute covers the target. */
  implies: z
    .strictObject({
      temporality: TemporalitySchema.exclude(["recent"]).optional(),
      experiencer: ExperiencerSchema.exclude(["patient"]).optional(),
    })
    .optional(),
};

export const ContextCategorySchema = z.discriminatedUnion("attribute", [
  z.strictObject({
    attribute: z.literal("negation"),
    value: NegationSchema.exclude(["affirmed"]),
    ...categoryFields,
  }),
  z.strictObject({
    attribute: z.literal("temporality"),
    value: TemporalitySchema,
    ...categoryFields,
  }),
  z.strictObject({
    attribute: z.literal("experiencer"),
    value: ExperiencerSchema.exclude(["patient"]),
    ...categoryFields,
  }),
]);
export type ContextCategory = z.infer<typeof ContextCategorySchema>;

const ruleFields = {
  id: RuleId,
  category: CategoryName,
  direction: ContextDirectionSchema,
  /** Word tokens the scope reaches; defaults to the category's, then the lexicon's. */
  maxScope: MaxScope.optional(),
  /**
   * For pseudo/terminate rules: the categories whose scopes they cut (default: all). A pseudo
   * rule with [] only hides its words ("the following" is not the terminator "following").
   */
  appliesTo: z.array(CategoryName).optional(),
  /** The scope runs on past a ":" ("call if any of the following occur: fever, ..."). */
  crossesColon: z.boolean().optional(),
  /**
   * The scope stays in its clause: it stops at a word of the lexicon's `clauseWords` ("Punch
   * biopsy was performed on the arm and cryotherapy was declined": "performed" ends it).
   */
  clause: z.boolean().optional(),
  note: z.string().optional(),
};

export const ContextRuleSchema = z.union([
  z.strictObject({ ...ruleFields, literal: TriggerLiteral }),
  z.strictObject({ ...ruleFields, pattern: SafePattern }),
]);
export type ContextRule = z.infer<typeof ContextRuleSchema>;

export const SectionDefaultSchema = z.strictObject({
  temporality: TemporalitySchema.optional(),
  experiencer: ExperiencerSchema.optional(),
  reason: z.string(),
  /** Override triggers in the same sentence cancel this default ("performed", "done today"). */
  overridable: z.boolean().optional(),
  /**
   * Only these override rules cancel it (default: every override). A history of present
   * illness tells of earlier procedures in the past tense ("underwent a biopsy"), so there only
   * "today" means this visit.
   */
  overriddenBy: z.array(RuleId).optional(),
});
export type SectionDefault = z.infer<typeof SectionDefaultSchema>;

export const OverrideRuleSchema = z.strictObject({
  id: RuleId,
  literal: TriggerLiteral,
  note: z.string().optional(),
});
export type OverrideRule = z.infer<typeof OverrideRuleSchema>;

const ContextLexiconObject = z.strictObject({
  ...LexiconHeader,
  defaults: z.strictObject({ maxScope: MaxScope }),
  categories: z.record(CategoryName, ContextCategorySchema),
  rules: z.array(ContextRuleSchema).min(1),
  sections: z.partialRecord(SectionCategorySchema, SectionDefaultSchema),
  overrides: z.array(OverrideRuleSchema),
  /**
   * Words that, right before an override, make it no report of something done: "to be excised",
   * "can be removed", "will have it removed" keep the plan section's default.
   */
  overrideBlockers: z.array(z.string().min(1)).default([]),
  /**
   * Labels of the note's own date at its head ("DATE OF SERVICE: 3/2", "Date: 3/2/2026"): a
   * procedure dated to that month and day ("bx on 3/2") was done at this visit, not earlier.
   */
  visitDateLabels: z.array(TriggerLiteral).default([]),
  /** Words that end the scope of a `clause` rule: the verbs and conjunctions of another clause. */
  clauseWords: z.array(z.string().regex(/^[a-z]+$/)).default([]),
  /**
   * "A 52-year-old with a history of psoriasis was treated with the excimer laser": a trigger of
   * `appliesTo` whose phrase is opened by one of `openers` ("with", a word or two before it) right
   * after one of `persons` ("patient", "man", the "old" of "52-year-old") describes the sentence's
   * subject, and its forward scope ends at the sentence's verb: the first of `verbs` outside a
   * relative clause of the phrase and not joined to it by "and"/"or" ("with a history of BCC
   * that was excised" and "with a history of BCC and was treated" stay earlier). A phrase
   * describing a thing ("a rash with a prior BCC was resected") is left as it is. Active main
   * verbs of any history phrase ("underwent", "had") are MAIN_VERB rules: `verbs` need not repeat them.
   */
  subjectPhrase: z
    .strictObject({
      id: RuleId,
      persons: z.array(z.string().regex(/^[a-z]+$/)).min(1),
      openers: z.array(z.string().regex(/^[a-z]+$/)).min(1),
      appliesTo: z.array(CategoryName).min(1),
      verbs: z.array(z.string().regex(/^[a-z]+$/)).min(1),
    })
    .optional(),
  /**
   * "Abscess on the back, no cellulitis, incised and drained": a participle (a word ending in -ed
   * or -en, or one of `irregularParticiples`) right after a comma is the main clause's verb, out
   * of reach of a negation before the comma, unless one of `auxiliaries` stands between them
   * ("No lesions were biopsied, frozen, or excised").
   */
  predicateAfterComma: z
    .strictObject({
      auxiliaries: z.array(z.string().regex(/^[a-z]+$/)),
      irregularParticiples: z.array(z.string().regex(/^[a-z]+$/)),
    })
    .default({ auxiliaries: [], irregularParticiples: [] }),
  /**
   * "ED&C of BCC L forearm. Procedure aborted due to vasovagal episode.": a word referring back
   * ("the procedure", "it") followed (past `fillers`) by a stop ("aborted", "not performed")
   * stops the one procedure named before it in its sentence or the sentence before. A procedure
   * word itself may be the subject ("Excision discontinued after ..."): it stops the procedure of
   * its kind named there (its own word and one in the sentence before). With more
   * than one procedure in reach the reference is ambiguous: they stay billed with a warning.
   */
  stoppedReference: z
    .strictObject({
      id: RuleId,
      subjects: z.array(z.string().min(1)).min(1),
      fillers: z.array(z.string().regex(/^[a-z]+$/)),
      stops: z.array(z.string().min(1)).min(1),
      /**
       * Stops that count only after a filler when the subject is a pronoun of `pronouns` ("it was
       * stopped", not "until it stopped"); after a noun ("Procedure stopped") they count as is.
       */
      afterFiller: z.array(z.string().min(1)).default([]),
      /** The subjects that are pronouns ("it", "this"): they may name anything, bleeding too. */
      pronouns: z.array(z.string().min(1)).default([]),
      reason: z.string(),
    })
    .optional(),
});

export const ContextLexiconSchema = ContextLexiconObject.superRefine((lex, ctx) => {
  const problems = [...categoryProblems(lex), ...duplicateProblems(lex)];
  for (const issue of problems) ctx.addIssue({ code: "custom", ...issue });
});
export type ContextLexicon = z.infer<typeof ContextLexiconSchema>;

type LexiconShape = z.infer<typeof ContextLexiconObject>;
type Problem = { message: string; path: (string | number)[] };

const STRUCTURAL_DIRECTION: Record<string, ContextDirection> = {
  PSEUDO: "pseudo",
  TERMINATE: "terminate",
  MAIN_VERB: "terminate",
};

/**
 * Rules name declared categories; PSEUDO goes with the pseudo direction, TERMINATE and MAIN_VERB
 * with the terminate direction.
 */
function categoryProblems(lex: LexiconShape): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(Object.keys(lex.categories));
  for (const name of STRUCTURAL_CATEGORIES) {
    if (known.has(name)) problems.push({ message: `${name} is built in`, path: ["categories"] });
  }
  lex.rules.forEach((rule, i) => {
    const structural = STRUCTURAL_DIRECTION[rule.category];
    if (!structural && !known.has(rule.category)) {
      problems.push({ message: `unknown category "${rule.category}"`, path: ["rules", i] });
    }
    const isStructural = rule.direction === "pseudo" || rule.direction === "terminate";
    if ((structural ?? null) !== (isStructural ? rule.direction : null)) {
      const message = "PSEUDO/TERMINATE go with direction pseudo/terminate";
      problems.push({ message, path: ["rules", i] });
    }
    for (const name of rule.appliesTo ?? []) {
      if (known.has(name)) continue;
      problems.push({ message: `unknown category "${name}"`, path: ["rules", i, "appliesTo"] });
    }
  });
  return problems;
}

/** Ids are unique across rules and overrides; a literal appears once per list. */
function duplicateProblems(lex: LexiconShape): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const see = (key: string, message: string, path: (string | number)[]) => {
    if (seen.has(key)) problems.push({ message, path });
    seen.add(key);
  };
  lex.rules.forEach((rule, i) => {
    see(`id ${rule.id}`, `duplicate rule id "${rule.id}"`, ["rules", i, "id"]);
    if ("literal" in rule) {
      see(`rule ${rule.literal}`, `literal "${rule.literal}" is used twice`, ["rules", i]);
    }
  });
  lex.overrides.forEach((rule, i) => {
    see(`id ${rule.id}`, `duplicate rule id "${rule.id}"`, ["overrides", i, "id"]);
    see(`override ${rule.literal}`, `literal "${rule.literal}" is used twice`, ["overrides", i]);
  });
  return problems;
}
