/**
 * Internal pipeline types. Public result types come from zod schemas (src/schemas/api.ts).
 * Every `start`/`end` pair is a half-open offset into the ORIGINAL note text.
 */

import type { TokenIds } from "./lexicon/trie.ts";
import type { Assertion, Laterality, Malignancy, SiteGroup } from "./schemas/api.ts";

export type { Assertion, Laterality, Malignancy, SiteGroup };

export interface Range {
  start: number;
  end: number;
}

/** A token of the note: `norm` is its lower-cased, ASCII-folded text (same length as the original). */
export interface Token extends Range {
  norm: string;
}

/** Section categories a header can map to (lexicon/sections.json values). */
export type SectionCategory =
  | "procedure"
  | "procedure_title"
  | "pathology"
  | "diagnosis"
  | "assessment"
  | "plan"
  | "history"
  | "family_history"
  | "social_history"
  | "medications"
  | "exam"
  | "hpi"
  | "ros"
  | "other";

export interface Section {
  category: SectionCategory;
  /** Header text span (empty range for the implicit leading section). */
  title: Range;
  body: Range;
  ruleId?: string;
}

export interface Sentence extends Range {
  index: number;
  section: SectionCategory;
  sectionIndex: number;
  /** Token index range [firstToken, lastToken) into the note's token array. */
  firstToken: number;
  lastToken: number;
}

export type MentionKind =
  | "procedure"
  | "site"
  | "laterality"
  | "size"
  | "count"
  | "histology"
  | "pathology_status"
  | "deleted_code"
  | "lesion_ref"
  | "technique"
  | "organ"
  | "skin_word";

export interface MentionBase extends Range {
  id: number;
  kind: MentionKind;
  text: string;
  ruleId: string;
  sentence: number;
}

export interface ProcedureMention extends MentionBase {
  kind: "procedure";
  procedure: string;
  technique?: string;
  /** Set for procedure terms dermcode recognises but does not code (flaps, grafts, ...). */
  unsupported?: string;
  /** The term names only a closure type ("layered closure"), not a lesion procedure. */
  repairType?: string;
  /** Sets an explicit code family (e.g. "phototherapy:puva"). */
  codeKey?: string;
  /** The term names a skin technique (punch, shave, LN2). */
  skinSpecific?: boolean;
  /** A flap or graft that closes the defect of an excision (which it then includes). */
  closesDefect?: boolean;
  /**
   * A tissue rearrangement (Z-plasty) whose sentence names a scar or wound: the rule id that makes
   * it an adjacent tissue transfer on the skin (lexicon procedures `scarRearrangement`).
   */
  revisesScar?: string;
  /**
   * A flap whose sentence names a removal's defect ("surgical defect", "post-Mohs
   * defect"): the rule id that places it on the skin (lexicon procedures `removalDefect`).
   */
  removalDefect?: string;
  /** A bare technique word that joins another procedure of its sentence. */
  weak?: boolean;
  /** A weak word that joins only a procedure of its own kind. */
  ownKindOnly?: boolean;
  /** Joining no procedure, it starts one only beside a lesion word. */
  needsLesion?: boolean;
  /** A bare word that is this procedure only when its sentence names one of these lesion types. */
  needsLesionType?: readonly string[];
  /** Named as already done by a pathology cue ("biopsy-proven"): historical. */
  pathologyCue?: boolean;
  /**
   * "Shave biopsy of the leg lesion showed melanoma": where the result word that follows it in
   * its sentence ends (an offset); a diagnosis written after it is that earlier result.
   */
  resultEnd?: number;
}

export interface SiteMention extends MentionBase {
  kind: "site";
  site: string;
  siteGroup?: SiteGroup;
  repairGroups: Record<string, string>;
  icdSite?: string;
  eyelid?: "upper" | "lower";
  mohs?: "head" | "trunk";
  /** Soft-tissue tumour region of the matched literal (lexicon sites `softTissue`). */
  softTissue?: string;
  /** The named part of the site ("cheek", "chin" of the face; lexicon sites `parts`). */
  part?: string;
  /** Right after a donor cue ("harvested from the ..."): where a graft or flap came from. */
  donor?: boolean;
  /** Right after a landmark cue ("2 cm above the left ear"): a landmark, not the lesion's site. */
  landmark?: boolean;
  laterality?: Laterality;
  /** "each cheek": done once on each side (lexicon laterality `perSide`). */
  perSide?: boolean;
  /** The one digit the site names ("left great toe", "fourth toe"): lexicon sites `digits`. */
  digit?: { limb: "toe" | "finger"; digit: number; ruleId: string };
}

export interface LateralityMention extends MentionBase {
  kind: "laterality";
  laterality: Laterality;
}

export type SizeRole = "lesion" | "margin" | "defect" | "repair" | "area" | "unknown";

export interface SizeMention extends MentionBase {
  kind: "size";
  /** Greatest dimension in cm (cm2 for areas). */
  value: number;
  dims: number[];
  unit: "cm" | "cm2";
  role: SizeRole;
  /** The unit was inferred, not written. */
  unitInferred?: boolean;
  /** Cued as the final value of its role ("total margin 7 mm" after widening): it wins. */
  final?: boolean;
  /** Adds to its role's total (a flap's secondary defect). */
  adds?: boolean;
  /** "hands 60 cm2 each": the area is treated on both sides (counts this many times in a total). */
  times?: number;
  /**
   * "both elbows (180 sq cm total) and the right knee (90 sq cm)": an area written in brackets
   * right after a site is that site's; the offset of its opening bracket groups the areas of one
   * bracket, whose total restates them rather than the visit's.
   */
  siteBracket?: number;
}

export interface CountMention extends MentionBase {
  kind: "count";
  count: number;
  /** Offset of the lesion word the count applies to ("4 AKs" -> "AKs"), when adjacent. */
  target?: number;
  /** "multiple", "several": a count exists but its value is unknown. */
  vague?: boolean;
  /** "#2", "lesion 2": names one lesion of a list rather than a count. */
  ordinal?: boolean;
  /** "all of her toenails": the size of a whole set, not a number written in the note. */
  implied?: boolean;
  /** "her remaining toenails": the set less what other procedures of the note treat. */
  remainder?: boolean;
  /** "for a total of 31", "8 in all": the sum of the counts before it in its sentence. */
  sum?: boolean;
}

export interface HistologyMention extends MentionBase {
  kind: "histology";
  histology: string;
  malignancy: Malignancy;
  destruction?: string;
  /** A lesion a procedure can treat, not a rash or inflammatory condition ("rosacea"). */
  lesional: boolean;
  /** The term itself places the lesion on the skin (a diagnosis, "papule"), unlike "lesion" or "mass". */
  skinSpecific: boolean;
  /** "soft": a soft-tissue tumour (lipoma), coded with the soft-tissue excision codes. */
  tissue: "skin" | "soft";
  /** Names a lesion only of an excision written with a depth (a generic "mass"). */
  needsDepth?: boolean;
  /** An ulcer, wound or necrotic tissue: what is cut away from it is debrided. */
  wound?: boolean;
  /** The broader lesion type this one is a kind of (lexicon histology `kindOf`). */
  kindOf?: string;
  /** A generic word ("lesion", "benign lesions"), weaker evidence than a diagnosis. */
  generic?: boolean;
  /** Procedure kind -> what a procedure of that kind on this lesion is coded as. */
  procedureAs?: Record<string, { procedure: string; codeKey?: string }>;
  /** The term was found in a pathology section or after a pathology cue. */
  fromPathology: boolean;
}

export interface PathologyStatusMention extends MentionBase {
  kind: "pathology_status";
  status: "pending" | "final";
}

export interface DeletedCodeMention extends MentionBase {
  kind: "deleted_code";
  code: string;
  replacement: string;
  message: string;
}

export interface LesionRefMention extends MentionBase {
  kind: "lesion_ref";
  /** "same" for "the same lesion"; a number for "lesion #2". */
  ref: "same" | number;
}

/** A non-skin organ or tissue ("lymph node", "colon") or a skin word ("cutaneous"). */
export interface TissueMention extends MentionBase {
  kind: "organ" | "skin_word";
  /** Written after a landmark cue ("dissection around the tendon sheath"): a place passed by. */
  landmark?: boolean;
}

export interface TechniqueMention extends MentionBase {
  kind: "technique";
  technique: string;
  applies: string[];
  reach: "sentence" | "scope";
  /** Higher wins over nearer (lexicon technique `rank`). */
  rank?: number;
  /** A skin or soft-tissue layer a wound debridement removes (lexicon technique `woundLayer`). */
  woundLayer?: boolean;
}

export type Mention =
  | ProcedureMention
  | SiteMention
  | LateralityMention
  | SizeMention
  | CountMention
  | HistologyMention
  | PathologyStatusMention
  | DeletedCodeMention
  | LesionRefMention
  | TechniqueMention
  | TissueMention;

export type IssueSeverity = "info" | "warning" | "error";

export interface Issue {
  code: string;
  message: string;
  severity: IssueSeverity;
  span?: Range;
  ruleId?: string;
  /** Index of the procedure event the issue belongs to. */
  event?: number;
}

/** Assertion decided for one mention by the context stage. */
export interface MentionAssertion {
  mentionId: number;
  assertion: Assertion;
}

/** The note as every stage after text analysis sees it. */
export interface Doc {
  original: string;
  /** Same length as original: ASCII-folded. */
  text: string;
  /** Same length as original: folded and lower-cased. */
  lower: string;
  tokens: Token[];
  /** Canonical spelling of each token (lexicon word for typos and inflections). */
  canon: string[];
  /** Each canonical token's id in the lexicon's token ids (-1: in no trie), for fast scans. */
  canonIds: { set: TokenIds; of: Int32Array };
  sections: Section[];
  sentences: Sentence[];
  /** Sentence index of each token (-1 outside any sentence). */
  sentenceOfToken: Int32Array;
  /** Set when the note named too many procedures: sentences from here on were not read. */
  truncatedAtSentence?: number;
}
