import { z } from "zod";
import { LateralitySchema, MalignancySchema, SiteGroupSchema } from "./api.ts";
import { LexiconHeader, RuleId } from "./common.ts";

const Literals = z.array(z.string().min(1)).min(1);

export const ProcedureKindSchema = z.enum([
  "biopsy",
  "shave",
  "excision",
  "destruction",
  "skin_tag",
  "mohs",
  "repair",
  "flap",
  "i_and_d",
  "injection",
  "phototherapy",
  "excimer",
  "paring",
  "nail",
  "foreign_body",
  "patch_test",
  "chemodenervation",
  "debridement",
  "removal",
  "unsupported",
  "ignore",
]);
export type ProcedureKind = z.infer<typeof ProcedureKindSchema>;

export const ProceduresLexiconSchema = z.object({
  ...LexiconHeader,
  terms: z.array(
    z.object({
      id: RuleId,
      procedure: ProcedureKindSchema,
      technique: z.string().optional(),
      repairType: z.enum(["simple", "intermediate", "complex"]).optional(),
      codeKey: z.string().optional(),
      /** For procedure "unsupported": what code family a coder would use instead. */
      unsupported: z.string().optional(),
      /** The technique itself is a skin technique (punch, shave, LN2): no other skin evidence needed. */
      skinSpecific: z.boolean().optional(),
      /** A flap or graft closes the excision defect: the excision is included in it. */
      closesDefect: z.boolean().optional(),
      /** A bare technique word ("shaved", "Kenalog"): joins another procedure named in the same
       * sentence and starts its own only when none is. */
      weak: z.boolean().optional(),
      /**
       * A weak term that joins only a procedure of its own kind: a drug name ("prescribed
       * triamcinolone") or "was drained" says nothing about a biopsy in the same sentence.
       */
      ownKindOnly: z.boolean().optional(),
      /**
       * A weak or generic term ("shaved", "removed", "Kenalog", "was drained") that, joining no
       * procedure, starts one only beside a lesion word in its sentence or the one before.
       */
      needsLesion: z.boolean().optional(),
      /**
       * A bare word that names this procedure only of these lesion types (histology ids): its
       * object, with any words before it ("avulsion of the entire nail plate", "the ingrown
       * toenail was avulsed"), is named in its sentence. Without one it is no procedure ("avulsion
       * fracture", "avulsion of the skin"); a longer term that names the object itself needs none.
       */
      needsLesionType: z.array(z.string().min(1)).min(1).optional(),
      /** A generic word ("flap") that continues a procedure of this kind when the note names one. */
      continues: ProcedureKindSchema.optional(),
      literals: Literals,
    }),
  ),
  /** Procedure mentions that are not procedures in a sentence with one of these words. */
  suppress: z.array(
    z.object({
      id: RuleId,
      procedure: ProcedureKindSchema,
      /** Techniques the rule applies to; left out, it applies to every mention of the procedure. */
      techniques: z.array(z.string()).optional(),
      /** Term ids the rule applies to; left out, every term of the procedure. */
      terms: z.array(RuleId).optional(),
      /**
       * The mention's own words, lower-cased and joined by spaces, the rule applies to; left out,
       * every spelling. "edc" is the obstetric abbreviation, "ED&C" always the curettage.
       */
      spelledAs: Literals.optional(),
      words: Literals,
      /**
       * Words that count only written in upper case: "ALA" is the photosensitizer, while "ala"
       * (the side of the nose) is a site.
       */
      upperCaseWords: Literals.optional(),
      reason: z.string(),
    }),
  ),
  /** Phrases saying a tangential "biopsy" was done to remove the lesion (a shave removal). */
  removalIntent: z.object({ id: RuleId, source: z.string(), literals: Literals }),
  /**
   * Phrases saying a bare shave was taken to make a diagnosis ("to rule out melanoma"): a
   * tangential biopsy, not a shave removal.
   */
  biopsyIntent: z.object({ id: RuleId, source: z.string(), literals: Literals }),
  /**
   * Words reporting a specimen's result ("showed", "revealed") after a procedure of one of
   * `procedures` in the same sentence, within `reach` white-space separated words: the result is back, so the
   * procedure was done before this visit ("A punch biopsy was obtained ..., showing granulomas").
   */
  resultCues: z.object({
    id: RuleId,
    source: z.string(),
    procedures: z.array(ProcedureKindSchema),
    reach: z.number().int().min(1).max(30),
    literals: Literals,
  }),
  /**
   * How a reason names a procedure, by kind or "kind:codeKey" (a flap coded as a graft is a skin
   * graft); kinds not listed are named by their kind with spaces.
   */
  kindNames: z.record(z.string(), z.string()).default({}),
  /**
   * Words that introduce how a generic treatment word was done ("treated with cryotherapy",
   * "removed by shave"): the method named right after them is that treatment's procedure.
   */
  methodWords: z.array(z.string()).default([]),
  /**
   * Template field labels whose value tells how the procedure of the fields above was done
   * ("Procedure: Removal of skin tags / Number: 31 / Method: snip excision and hyfrecation"): a
   * procedure word in such a field is that procedure's method, not a second procedure.
   */
  methodFields: z.array(z.string()).default([]),
  /**
   * Lesions a note says were left untreated: "6 other SKs on back" (a word before the lesion
   * setting it apart from the treated one), "Numerous SKs on back, no treatment" (a cue after it,
   * or before it: "observe 3 SKs"). Told in a sentence naming no procedure done today, they lend
   * no diagnosis, count or site to a procedure told in another sentence.
   */
  untreatedLesions: z
    .object({
      id: RuleId,
      otherWords: Literals,
      cues: Literals,
    })
    .optional(),
  /** Words that show a closure is a wound repair when no lesion procedure is documented. */
  woundWords: Literals,
  /**
   * Repairs of a deeper structure (tendon, nerve, vessel) or an operation's own incision ("skin
   * incision", "port sites"): a note naming one is an operation whose skin closure is part of it,
   * so its closures are not coded as wound repairs.
   */
  deepRepairWords: Literals.default([]),
  /**
   * Phrases in a procedure's sentence or the next that say it was not done the way its code
   * requires ("No incision was needed" after a splinter removal: part of the visit, not an
   * incision and removal): the procedure stays visible, not billed, with the reason.
   */
  notAsCoded: z
    .array(
      z.object({
        id: RuleId,
        procedures: z.array(ProcedureKindSchema).min(1),
        reason: z.string(),
        literals: Literals,
      }),
    )
    .default([]),
  /**
   * A single-layer closure of a heavily contaminated wound that needed extensive cleaning or
   * removal of particulate matter is an intermediate repair (CPT repair guidelines): a simple
   * closure whose sentences (or the two before) name both is coded as intermediate.
   */
  contaminatedRepair: z
    .object({
      id: RuleId,
      source: z.string(),
      contamination: Literals,
      cleaning: Literals,
    })
    .optional(),
  /**
   * A tissue rearrangement (Z-plasty, W-plasty, V-Y plasty: procedure terms `terms`) with a scar
   * or wound word of `literals` in its sentence revises that scar or wound: an adjacent tissue
   * transfer on the skin (CPT 14000-14302) even with no lesion excised and no size written (then
   * the smallest area band, with a size warning, as for any flap).
   */
  scarRearrangement: z
    .object({
      id: RuleId,
      source: z.string(),
      terms: z.array(RuleId).min(1),
      literals: Literals,
    })
    .optional(),
  /**
   * A flap (procedure "flap") whose sentence names the defect a removal left ("surgical defect", "post-Mohs
   * defect", "excisional defect": `literals`) closes a skin defect: it is coded as an adjacent
   * tissue transfer (CPT 14000-14302) by its documented size, even when the note tells no lesion
   * procedure of its own, unless a non-skin organ is named with it.
   */
  removalDefect: z
    .object({
      id: RuleId,
      source: z.string(),
      literals: Literals,
    })
    .optional(),
  /**
   * A field heading naming the closure, then its type ("Repair: intermediate", "Repairs:
   * intermediate 3.0 cm", "Closure(s) - complex"): every heading, separator and type word
   * combination is a literal of the repair term `term` of that type (expanded when compiled).
   */
  repairHeadings: z
    .object({
      id: RuleId,
      source: z.string(),
      headings: Literals,
      separators: Literals,
      types: z.array(z.object({ term: RuleId, words: Literals })).min(1),
    })
    .optional(),
  /**
   * Wounds listed one per line ("- L forearm 2.5 cm") under a heading ending in a colon that
   * names them with a word of `headings` ("Wounds:"), closed together by a closure in the heading
   * or in the sentence right after the list ("All closed in layers."): each listed length is a
   * wound repaired with that closure's type, summed per repair group like any wound repair.
   */
  listedWounds: z.object({ id: RuleId, source: z.string(), headings: Literals }).optional(),
  /**
   * Secondary closure (CPT 12020/12021/13160, AMA-based coding references): a closure of a wound
   * that came apart or was left open. A repair term with `codeKey` names one ("secondary
   * closure", "dehiscence repair"); so does a closure with a word of `dehiscence` in its own
   * clause, or one of `reclosure` in its sentence when that sentence or the two before name a
   * dehiscence ("The wound had separated ... and was reclosed"); each takes `codeKey`. Words of `extensive` in its sentence make it extensive or
   * complicated (a complex repair); words of `packing` in its sentence or the next give it the
   * technique `packingTechnique`.
   */
  secondaryClosure: z
    .object({
      id: RuleId,
      source: z.string(),
      codeKey: z.string(),
      dehiscence: Literals,
      reclosure: Literals,
      extensive: Literals,
      packing: Literals,
      packingTechnique: z.string(),
    })
    .optional(),
  /**
   * Procedures named in a note's procedure list ("OPERATION PERFORMED: ... tubal ligation and
   * removal of a skin mass") that dermcode does not code: a clause of the list with one of these
   * words (or word endings) and no procedure dermcode knows is reported, so the note is not
   * taken as fully coded.
   */
  procedureList: z
    .object({
      id: RuleId,
      source: z.string(),
      /** A list paragraph longer than this that is not numbered is narrative, not a list. */
      maxChars: z.number().int().min(40).max(2000),
      words: z.array(z.string().regex(/^[a-z][a-z-]*$/)),
      suffixes: z.array(z.string().regex(/^[a-z]{3,}$/)),
    })
    .optional(),
  /** Words that set the technique of a nearby biopsy/destruction ("with a 4 mm punch"). */
  techniques: z.array(
    z.object({
      id: RuleId,
      applies: z.array(ProcedureKindSchema),
      technique: z.string(),
      /** "sentence": must share a sentence with the procedure; "scope": anywhere in its description. */
      reach: z.enum(["sentence", "scope"]).default("sentence"),
      /**
       * Several techniques of a procedure written near it: the highest rank wins (the deepest
       * layer debrided); techniques without a rank, or of equal rank, go by nearness.
       */
      rank: z.number().int().nonnegative().optional(),
      /**
       * A layer of skin or soft tissue a wound debridement removes (subcutaneous tissue, fascia,
       * muscle; not bone): a debridement whose own sentences name it removed, and nothing deeper,
       * is a wound debridement whatever organ its title or diagnosis names ("Healed tibial
       * fracture with chronic leg wound").
       */
      woundLayer: z.boolean().optional(),
      literals: Literals,
    }),
  ),
});
export type ProceduresLexicon = z.infer<typeof ProceduresLexiconSchema>;

export const SitesLexiconSchema = z.object({
  ...LexiconHeader,
  sites: z.array(
    z.object({
      id: RuleId,
      site: z.string(),
      siteGroup: SiteGroupSchema.optional(),
      icdSite: z.string().optional(),
      eyelid: z.enum(["upper", "lower"]).optional(),
      /** Repair group per repair type: simple, intermediate, complex. */
      repair: z.record(z.string(), z.string()),
      /** Mohs group: "head" (17311) or "trunk" (17313). */
      mohs: z.enum(["head", "trunk"]).optional(),
      /**
       * Procedures this site has its own code family for (biopsy of the penis, destruction of
       * anal lesions): the skin codes do not apply, and the message says what does.
       */
      unsupportedFor: z.record(z.string(), z.string()).optional(),
      /**
       * Soft-tissue tumour region (CPT musculoskeletal excision codes: back/flank, upper arm, ...)
       * of the site's literals, unless `softTissueBy` names another region for some of them.
       */
      softTissue: z.string().optional(),
      /** Region -> the literals of this site that lie in that region ("forearm" of the arm). */
      softTissueBy: z.record(z.string(), Literals).optional(),
      /**
       * Named parts of the site -> the literals naming each ("cheek", "chin" and "temple" of the
       * face): two lesions on different named parts are at two places, though their site (and so
       * their codes) is the same; a literal in no part ("face", "facial") may be any part of it.
       */
      parts: z.record(z.string(), Literals).optional(),
      literals: Literals,
    }),
  ),
  laterality: z.array(
    z.object({
      id: RuleId,
      laterality: LateralitySchema,
      /** Short forms ("l", "rt") count only right before a site term. */
      needsSite: z.boolean().optional(),
      /** "each cheek": what the procedure names is done once on each side. */
      perSide: z.boolean().optional(),
      literals: Literals,
    }),
  ),
  /**
   * Phrases naming one digit ("left great toe", "R index fingernail"), matched inside or across a
   * site mention, which gives its side: the toe or finger and its number from the thumb or great
   * toe (1) to the little one (5). Nail procedures take the digit's modifier (lexicon edits).
   */
  digits: z
    .array(
      z.object({
        id: RuleId,
        limb: z.enum(["toe", "finger"]),
        digit: z.number().int().min(1).max(5),
        literals: Literals,
      }),
    )
    .default([]),
  /** Phrases that contain a site word but name no site ("came back", "chest pain"). */
  pseudo: z.object({ id: RuleId, literals: Literals }),
  /**
   * Words right before a site (an article between allowed) that make it a flap's or graft's
   * donor site ("graft harvested from the left upper arm"), not the defect it closes.
   */
  donorCues: z.array(z.string().min(1)).default([]),
  /**
   * "donor site: left thigh", "the donor area was the left thigh": a word naming the donor place
   * after a donor cue (`words`), then one linking word or mark (`links`), before the site.
   */
  donorPlaces: z
    .object({ words: z.array(z.string().min(1)), links: z.array(z.string().min(1)) })
    .default({ words: [], links: [] }),
  /**
   * Words right before a site (an article and "to"/"of" between allowed) that make it a landmark
   * of another site ("on the scalp 2 cm above the left ear", "anterior to the tragus"): the
   * lesion is not at the landmark when the sentence names another site.
   */
  landmarkCues: z
    .object({
      /** Right before the site: "above", "near", "behind". */
      words: z.array(z.string().regex(/^[a-z]+$/)),
      /** Before "to" and the site: "anterior to", "lateral to", "adjacent to". */
      withTo: z.array(z.string().regex(/^[a-z]+$/)),
    })
    .default({ words: [], withTo: [] }),
  /**
   * "excised to the superficial parotid fascia", "down to the parotid": an organ word named as the
   * depth a cut reached is a landmark, not the organ excised. It follows one of `leads` (an article
   * and up to two describing words between), or follows "to" (not after one of `enters`:
   * "deep to") and comes right before one of `layers` (one word between allowed: "to the parotid
   * gland capsule").
   */
  depthLandmarks: z
    .object({
      id: RuleId,
      source: z.string().optional(),
      leads: z.array(z.string().regex(/^[a-z]+( [a-z]+)*$/)),
      /** A word right before the bare "to" that takes the cut into the layer: "deep to". */
      enters: z.array(z.string().regex(/^[a-z]+$/)).default([]),
      layers: z.array(z.string().regex(/^[a-z]+$/)),
    })
    .optional(),
  /** Organs and tissues that are not skin: a biopsy or excision there is not a skin procedure. */
  nonSkin: z.object({ id: RuleId, literals: Literals }),
  /** Words that place a procedure on the skin ("skin", "cutaneous", "subcutaneous"). */
  skinWords: z.object({ id: RuleId, literals: Literals }),
  /**
   * "dorsal hands 60 cm2 each": an area followed by one of `each` after a site in the plural of a
   * paired part (or a bilateral site) is treated on both sides, so it counts twice in a total.
   */
  pairedAreas: z
    .object({
      id: RuleId,
      each: z.array(z.string().regex(/^[a-z]+$/)),
      plurals: z.array(z.string().regex(/^[a-z]+$/)),
    })
    .optional(),
});
export type SitesLexicon = z.infer<typeof SitesLexiconSchema>;

export const HistologyLexiconSchema = z.object({
  ...LexiconHeader,
  terms: z.array(
    z.object({
      id: RuleId,
      histology: z.string(),
      malignancy: MalignancySchema,
      /** Destruction code family for this lesion type. */
      destruction: z
        .enum([
          "premalignant",
          "benign",
          "malignant",
          "skin_tag",
          "vascular",
          "granulation",
          "acne",
        ])
        .optional(),
      /** What a bare "removal" of this lesion means when no technique is written. */
      removal: z.enum(["destruction", "skin_tag", "shave", "excision"]).optional(),
      /** Procedures that fall outside dermcode's families for this lesion (e.g. lipoma excision). */
      unsupportedFor: z.record(z.string(), z.string()).optional(),
      /**
       * The broader lesion type this one is a kind of (a histology id): a plantar wart is a wart,
       * so "wart pared, then the plantar wart frozen" treats one lesion.
       */
      kindOf: z.string().optional(),
      /** Generic lesion words ("lesion", "nevus?") are weaker evidence than a diagnosis. */
      generic: z.boolean().optional(),
      /** false for rashes and inflammatory conditions (rosacea, psoriasis): they name a lesion a procedure treats only in the procedure's own sentence. */
      lesional: z.boolean().default(true),
      /** false: the word ("lesion", "tumor", "cyst", "abscess") does not by itself place the procedure on the skin. */
      skinSpecific: z.boolean().default(true),
      /** "soft": a tumour of the subcutaneous or deeper soft tissue (lipoma), excised with the soft-tissue codes. */
      tissue: z.enum(["skin", "soft"]).default("skin"),
      /**
       * A word that names a soft-tissue tumour only where the note places it beneath the skin
       * ("mass"): it names the lesion of an excision written with a depth (subcutaneous,
       * subfascial, "dissected from the overlying skin"), and no lesion of anything else.
       */
      needsDepth: z.boolean().optional(),
      /**
       * A short abbreviation ("ST" skin tags, "VV" verruca vulgaris, "MC" molluscum) that other
       * specialties use for other things ("ST elevation", "MC joint"): it names this lesion only
       * written in upper case (a plural "s" may follow), next to a count ("ST x16", "10 MC") and
       * in a sentence naming one of these procedures ("snip removal", "LN2", "cantharidin").
       */
      abbreviation: z.object({ procedures: z.array(ProcedureKindSchema).min(1) }).optional(),
      /**
       * A word that names this lesion only in its context ("plate": the nail plate of a toe or
       * finger in a note about nails; a bone, growth or volar plate elsewhere): its sentence
       * names a digit (lexicon sites.digits, or one of the single `digitWords`), the note names
       * one of the `noteLesions` lesion types by another word, and none of the single `notNear`
       * words stands within three words of it ("locking plate", "plate and screw fixation").
       */
      inContext: z
        .object({
          digitWords: Literals,
          noteLesions: z.array(z.string().min(1)).min(1),
          notNear: Literals,
        })
        .optional(),
      /**
       * An ulcer, a wound or necrotic tissue: cutting it away (excision, shave) is debridement,
       * and only such a lesion is debrided (debridement around a tumour or of a drained abscess
       * is part of that procedure).
       */
      wound: z.boolean().optional(),
      /**
       * What a procedure on this lesion really is: an excision of an ingrown nail border is a nail
       * avulsion, a debridement of mycotic nails is a nail debridement, a callus shaved is pared.
       */
      procedureAs: z
        .record(
          z.string(),
          z.object({ procedure: ProcedureKindSchema, codeKey: z.string().optional() }),
        )
        .optional(),
      literals: Literals,
    }),
  ),
  pathologyStatus: z.array(
    z.object({ id: RuleId, status: z.enum(["pending", "final"]), literals: Literals }),
  ),
});
export type HistologyLexicon = z.infer<typeof HistologyLexiconSchema>;

export const UnitsLexiconSchema = z.object({
  ...LexiconHeader,
  units: z.array(
    z.object({
      id: RuleId,
      unit: z.enum(["cm", "cm2"]),
      toCm: z.number().positive(),
      literals: Literals,
    }),
  ),
  /** Cue words around a measurement that decide its role. */
  roles: z.array(
    z.object({
      id: RuleId,
      role: z.enum(["lesion", "margin", "defect", "repair", "area", "excised", "ignore"]),
      /** Where the cue may stand relative to the number: before, after or either. */
      side: z.enum(["before", "after", "either"]),
      maxTokens: z.number().int().positive(),
      /** The cue names the final value of its role ("total margin" after a widening): it wins. */
      final: z.boolean().optional(),
      /** The measurement adds to its role's total ("secondary defect" of a flap). */
      adds: z.boolean().optional(),
      literals: Literals,
    }),
  ),
  /** Words between two numbers meaning "by" in dimensions ("1.2 x 0.8"). */
  dimensionJoiners: Literals,
  /**
   * Words naming the measured axis after a value ("10.5 cm in length x 4 cm", "10 cm long and
   * 4 cm wide"): skipped between dimensions; "and" joins two dimensions only after one of them.
   */
  dimensionLabels: Literals.default([]),
  /**
   * Labels that make a one-dimension measurement a length ("6.0 cm in length", "6 cm long"): a
   * wound's length, which its repair measures, not a round defect's diameter.
   */
  lengthLabels: Literals.default([]),
  /** Words joining a range ("6 to 7 mm"). */
  rangeJoiners: Literals,
});
export type UnitsLexicon = z.infer<typeof UnitsLexiconSchema>;

export const CountsLexiconSchema = z.object({
  ...LexiconHeader,
  numberWords: z.record(z.string(), z.number().int().nonnegative()),
  vague: z.array(z.object({ id: RuleId, literals: Literals, minimum: z.number().int() })),
  /** Words meaning "times" before a count ("x 12"). */
  times: Literals,
  /** Lesion nouns a count can precede ("12 lesions"). */
  lesionNouns: Literals,
  /** Phrases that refer back to one lesion ("the same lesion", "lesion #2"). */
  sameLesion: Literals,
  /**
   * Words that, with a number or letter after them at the start of a sentence, label one item of
   * a list of lesions ("Site 1:", "Specimen B,"); a diagnosis word does so too ("Cyst 2, arm:").
   */
  itemLabels: Literals.default([]),
  /** Words next to "x N" that make it something other than a lesion count ("x2 cycles", "sutures x4"). */
  notCountWords: Literals,
  /** Words that may not stand between a number and its lesion word ("8 after excision of MIS"). */
  countBlockers: Literals,
  /** Words right before a number that make it something other than a count ("day 8", "stage 2"). */
  notCountAfter: Literals,
  /**
   * Words telling an episode ("inflamed x3", "failed LN2 x4"): an "x N" right after one, or after
   * a procedure term right after one, counts times, not lesions. Words that also tell today's
   * treatment ("AKs treated x6") are not episode words: their past is told by `pastTimesCues`.
   */
  episodeWords: Literals.default([]),
  /** Phrases right after an "x N" that put it in the past ("treated x2 in the past"): times. */
  pastTimesCues: Literals.default([]),
  /** Labels of a template's count field opening its line ("Number: 16", "Qty: 12"). */
  fieldLabels: Literals.default([]),
  /** Words before a bare number that make it a lesion count ("all eleven were treated"). */
  totalCues: Literals,
  /**
   * Phrases that make a count the sum of the counts before it in its sentence ("18 ... and 13 ...,
   * for a total of 31", "8 in all"), unlike "all eleven", which only counts a whole set.
   */
  sumCues: Literals.default([]),
  /** "LN2 x2", "ED&C x3": up to this many repetitions after a destruction technique are cycles. */
  maxCycles: z.number().int().nonnegative(),
  /** Words between two list numbers that make a range ("#1 through #4"). */
  rangeWords: Literals,
  /** Words inside a spelled-out number ("two and a half") and the fractions that may end one. */
  numberJoiners: Literals,
  fractions: Literals,
  /** The spoken decimal point ("one point two centimeters"): the digit words after it are tenths. */
  decimalWords: Literals.default([]),
  /** Words counting Mohs stages and tissue blocks. */
  mohsStageWords: Literals,
  /** Ordinal words naming which stage ("first stage", "2nd stage"). */
  ordinalWords: z.record(z.string(), z.number().int().positive()).default({}),
  /** Words before listed ordinals that make them the bounds of one place ("between the fourth and fifth toes"). */
  ordinalSpanWords: Literals.default([]),
  /**
   * Words opening the first or the last of the lesions a counted sentence announces, told one by
   * one after it besides the ordinals ("One is ..., the other ...", "the former ...; the latter ...").
   */
  itemWords: z.object({ first: Literals, last: Literals }).default({ first: [], last: [] }),
  mohsBlockWords: Literals,
  /** Phrases saying two procedures treat different lesions. */
  distinctLesion: Literals,
  /**
   * Sets of known size a note counts without a number: "all (of her) toenails" is the whole set,
   * "her remaining toenails" the set less what the note's other procedures of the kind treat.
   */
  wholeSets: z
    .object({
      /** Words before the set's noun that take all of it ("all", "all of"). */
      all: Literals,
      /** Words before the set's noun that take what is left of it ("remaining", "rest of"). */
      remaining: Literals,
      /** Words that may stand between the cue and the noun ("the", "her"). */
      determiners: Literals,
      sets: z.array(
        z.object({ id: RuleId, size: z.number().int().positive(), literals: Literals }),
      ),
    })
    .optional(),
});
export type CountsLexicon = z.infer<typeof CountsLexiconSchema>;

export const DeletedCodesLexiconSchema = z.object({
  ...LexiconHeader,
  codes: z.array(
    z.object({
      id: RuleId,
      code: z.string().regex(/^\d{5}$/),
      replacement: z.string(),
      message: z.string(),
    }),
  ),
});
export type DeletedCodesLexicon = z.infer<typeof DeletedCodesLexiconSchema>;
