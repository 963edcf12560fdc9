import type { Assertion, Malignancy } from "../schemas/api.ts";
import type {
  CountMention,
  HistologyMention,
  Issue,
  Mention,
  ProcedureMention,
  SiteMention,
  SizeMention,
} from "../types.ts";

/** Sizes of one procedure, in cm (sq cm for area), derived once from the raw measurements. */
export interface DerivedSizes {
  lesionCm?: number;
  marginCm?: number;
  excisedDiameterCm?: number;
  defectCm?: number;
  repairLengthCm?: number;
  areaSqCm?: number;
  /** Area of a flap's defect in sq cm, and how it was obtained when not documented as an area. */
  defectAreaSqCm?: number;
  defectAreaFrom?: string;
}

/** One procedure performed (or only mentioned) on one lesion, a group of lesions or an area. */
export interface ProcedureEvent {
  index: number;
  kind: string;
  technique?: string;
  /** Lexicon rank of the technique (the deepest layer debrided ranks highest). */
  techniqueRank?: number;
  codeKey?: string;
  repairType?: string;
  unsupported?: string;
  anchors: ProcedureMention[];
  /** Sentence indexes searched for attributes, most specific first. */
  scope: number[];
  /**
   * In a sentence naming another event's procedure too, the span of it that is this event's own
   * clause (own-clauses.ts): its lesions, sites and sizes are read there only.
   */
  clauses?: Map<number, { from: number; to: number }>;
  site?: SiteMention;
  siteInferred?: boolean;
  sizes: SizeMention[];
  derived: DerivedSizes;
  histology?: HistologyMention;
  /** Lesion types with their counts (destruction of several lesion types in one sentence). */
  lesions: { histology?: HistologyMention; count: number; countMention?: CountMention }[];
  count: number;
  countSource: "explicit" | "inferred" | "vague" | "default";
  /** The count was stated for the whole visit without a technique ("Two lesions biopsied today"). */
  countIsTotal?: boolean;
  /** Biopsies listed by technique ("Punch: R scalp; L forearm. Shave: ..."). */
  techniqueCounts?: { technique: string; count: number }[];
  pathology: "final" | "pending" | "none";
  malignancy: Malignancy;
  assertion: Assertion;
  /** Lesion identity: events on the same lesion share it. */
  lesion: number;
  /** Same-date encounter (0 = the first); lines of another encounter take XE. */
  encounter?: number;
  /** For a repair: the lesion event whose wound it closes. */
  closes?: number;
  /** Whether the procedure is on the skin: a skin diagnosis or skin word, or a non-skin organ named. */
  skin: "skin" | "organ" | "unknown";
  /** One tumour of a Mohs report treating several: its sentences [first, end). */
  tumour?: { first: number; end: number };
  /** Stage and block counts for Mohs. */
  mohs?: { stages: number; extraBlocks: number };
  evidence: Mention[];
  issues: Issue[];
  ruleIds: string[];
}
