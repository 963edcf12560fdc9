/**
 * Tiny inline lexicon files for unit tables, so that curator edits of lexicon/*.json never break
 * tests of a mechanism. Each is validated by loadLexicon() (the schemas are exercised too) and
 * replaces only its own file; every other file is the shipped one.
 */
import { type CompiledLexicon, compileLexicon } from "../../src/lexicon/compile.ts";
import { LEXICON_FILES, type LexiconFileName } from "../../src/lexicon/files.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { analyzeText } from "../../src/text/analyze.ts";
import type { Doc } from "../../src/types.ts";

const V = "0.0.1";

/**
 * The shipped file's fields, so that a field added to a schema later is inherited; each mini
 * file replaces the vocabulary its tests exercise.
 */
function base(name: LexiconFileName): Record<string, unknown> {
  return { ...(LEXICON_FILES[name].raw as Record<string, unknown>), version: V };
}

const TRUNK = { simple: "S_BODY", intermediate: "I_TRUNK", complex: "C_TRUNK" };
const SCALP = { simple: "S_BODY", intermediate: "I_TRUNK", complex: "C_SCALP_LIMB" };
const NECK = { simple: "S_BODY", intermediate: "I_NECK", complex: "C_FCNH" };
const FACE = { simple: "S_FACE", intermediate: "I_FACE", complex: "C_FCNH" };
const NOSE = { simple: "S_FACE", intermediate: "I_FACE", complex: "C_ENEL" };

/** One or two sites per lesion site group, with their repair and Mohs groups. */
export const MINI_SITES = {
  ...base("sites"),
  sites: [
    {
      id: "t.site.back",
      site: "back",
      siteGroup: "A_TAL",
      icdSite: "trunk",
      repair: TRUNK,
      mohs: "trunk",
      literals: ["back", "upper back"],
    },
    {
      id: "t.site.arm",
      site: "arm",
      siteGroup: "A_TAL",
      icdSite: "upper_limb",
      repair: SCALP,
      mohs: "trunk",
      literals: ["arm", "forearm"],
    },
    {
      id: "t.site.scalp",
      site: "scalp",
      siteGroup: "B_SNHFG",
      icdSite: "scalp_neck",
      repair: SCALP,
      mohs: "head",
      literals: ["scalp"],
    },
    {
      id: "t.site.neck",
      site: "neck",
      siteGroup: "B_SNHFG",
      icdSite: "scalp_neck",
      repair: NECK,
      mohs: "head",
      literals: ["neck"],
    },
    {
      id: "t.site.cheek",
      site: "cheek",
      siteGroup: "C_FACE",
      icdSite: "face",
      repair: FACE,
      mohs: "head",
      literals: ["cheek", "cheeks"],
    },
    {
      id: "t.site.nose",
      site: "nose",
      siteGroup: "C_FACE",
      icdSite: "nose",
      repair: NOSE,
      mohs: "head",
      literals: ["nose", "nasal tip"],
    },
  ],
  laterality: [
    { id: "t.lat.left", laterality: "left", literals: ["left"] },
    { id: "t.lat.right", laterality: "right", literals: ["right"] },
    { id: "t.lat.left.short", laterality: "left", needsSite: true, literals: ["l", "l."] },
    { id: "t.lat.right.short", laterality: "right", needsSite: true, literals: ["r", "r."] },
    { id: "t.lat.bilateral", laterality: "bilateral", literals: ["bilateral"] },
  ],
  pseudo: { id: "t.site.pseudo", literals: ["came back", "back pain"] },
};

export const MINI_SECTIONS = {
  ...base("sections"),
  exact: [
    {
      id: "t.sec.title",
      category: "procedure_title",
      literals: ["procedure", "procedure performed"],
    },
    { id: "t.sec.description", category: "procedure", literals: ["description of procedure"] },
    { id: "t.sec.plan", category: "plan", literals: ["plan"] },
    { id: "t.sec.assessment", category: "assessment", literals: ["assessment"] },
    { id: "t.sec.history", category: "history", literals: ["past medical history"] },
  ],
  contains: [{ id: "t.sec.pathology", category: "pathology", words: ["pathology"] }],
  fields: {
    id: "t.sec.fields",
    literals: ["site", "size", "margins", "repair"],
    endDiagnosis: { id: "t.sec.fields.end-diagnosis", literals: ["repair"] },
  },
  abbreviations: ["dr", "pt", "approx"],
  clauseOpeners: { id: "t.sentences.clause-opener", words: ["pt", "mom", "he"] },
};

export const MINI_UNITS = {
  ...base("units"),
  units: [
    { id: "t.unit.mm", unit: "cm", toCm: 0.1, literals: ["mm", "millimeters"] },
    { id: "t.unit.cm", unit: "cm", toCm: 1, literals: ["cm", "centimeters"] },
    { id: "t.unit.sqcm", unit: "cm2", toCm: 1, literals: ["sq cm", "cm2"] },
  ],
  roles: [
    {
      id: "t.role.margin",
      role: "margin",
      side: "either",
      maxTokens: 4,
      literals: ["margin", "margins"],
    },
    { id: "t.role.defect", role: "defect", side: "either", maxTokens: 4, literals: ["defect"] },
    {
      id: "t.role.excised",
      role: "excised",
      side: "before",
      maxTokens: 5,
      literals: ["excised diameter"],
    },
    {
      id: "t.role.repair",
      role: "repair",
      side: "either",
      maxTokens: 5,
      literals: ["closure", "length"],
    },
    { id: "t.role.area", role: "area", side: "either", maxTokens: 3, literals: ["treated area"] },
    {
      id: "t.role.lesion",
      role: "lesion",
      side: "either",
      maxTokens: 3,
      literals: ["lesion", "measuring"],
    },
    { id: "t.role.instrument", role: "ignore", side: "after", maxTokens: 1, literals: ["punch"] },
  ],
  dimensionJoiners: ["x", "by"],
  rangeJoiners: ["to", "-"],
};

export const MINI_COUNTS = {
  ...base("counts"),
  numberWords: { one: 1, two: 2, three: 3, four: 4, five: 5, twelve: 12 },
  vague: [{ id: "t.count.multiple", minimum: 2, literals: ["multiple", "several"] }],
  times: ["x", "times"],
  lesionNouns: ["lesion", "lesions"],
  sameLesion: ["the same lesion"],
  notCountWords: ["cycle", "cycles", "freeze", "sutures", "day", "days"],
  countBlockers: ["after", "with", "on"],
  notCountAfter: ["day", "stage"],
  episodeWords: ["inflamed", "failed"],
  pastTimesCues: ["in the past", "previously"],
  fieldLabels: ["number", "count", "qty"],
  totalCues: ["total of"],
  maxCycles: 3,
  mohsStageWords: ["stage", "stages"],
  mohsBlockWords: ["block", "blocks"],
  distinctLesion: ["different lesion"],
  wholeSets: {
    all: ["all", "all of"],
    remaining: ["remaining", "rest of"],
    determiners: ["her", "the"],
    sets: [{ id: "t.count.toenails", size: 10, literals: ["toenails"] }],
  },
};

export const MINI_HISTOLOGY = {
  ...base("histology"),
  terms: [
    {
      id: "t.hist.bcc",
      histology: "bcc",
      malignancy: "malignant",
      destruction: "malignant",
      literals: ["bcc", "basal cell carcinoma"],
    },
    {
      id: "t.hist.scc",
      histology: "scc",
      malignancy: "malignant",
      destruction: "malignant",
      literals: ["scc"],
    },
    {
      id: "t.hist.sccis",
      histology: "scc_in_situ",
      malignancy: "malignant",
      destruction: "malignant",
      literals: ["scc in situ"],
    },
    {
      id: "t.hist.ak",
      histology: "actinic_keratosis",
      malignancy: "premalignant",
      destruction: "premalignant",
      literals: ["ak", "aks", "actinic keratoses"],
    },
    {
      id: "t.hist.sk",
      histology: "seborrheic_keratosis",
      malignancy: "benign",
      destruction: "benign",
      literals: ["sk", "sks"],
    },
    {
      id: "t.hist.wart",
      histology: "wart",
      malignancy: "benign",
      destruction: "benign",
      literals: ["wart", "warts"],
    },
    { id: "t.hist.nevus", histology: "nevus", malignancy: "benign", literals: ["nevus"] },
    {
      id: "t.hist.lesion",
      histology: "neoplasm_unspecified",
      malignancy: "unknown",
      generic: true,
      literals: ["lesion", "lesions"],
    },
    {
      id: "t.hist.mass",
      histology: "soft_tissue_mass",
      malignancy: "unknown",
      generic: true,
      skinSpecific: false,
      tissue: "soft",
      needsDepth: true,
      literals: ["mass"],
    },
  ],
  pathologyStatus: [
    { id: "t.path.pending", status: "pending", literals: ["path pending"] },
    { id: "t.path.final", status: "final", literals: ["biopsy-proven"] },
  ],
};

export const MINI_PROCEDURES = {
  ...base("procedures"),
  terms: [
    { id: "t.proc.biopsy", procedure: "biopsy", literals: ["biopsy", "bx"] },
    {
      id: "t.proc.punch",
      procedure: "biopsy",
      technique: "punch",
      literals: ["punch biopsy", "punch bx"],
    },
    {
      id: "t.proc.shave-bx",
      procedure: "biopsy",
      technique: "tangential",
      literals: ["shave biopsy", "shave bx"],
    },
    { id: "t.proc.excision", procedure: "excision", literals: ["excision", "excised"] },
    { id: "t.proc.shave", procedure: "shave", literals: ["shave removal"] },
    {
      id: "t.proc.cryo",
      procedure: "destruction",
      technique: "cryo",
      literals: ["ln2", "cryotherapy", "cryo"],
    },
    {
      id: "t.proc.edc",
      procedure: "destruction",
      technique: "curettage",
      literals: ["ed&c"],
    },
    {
      id: "t.proc.layered",
      procedure: "repair",
      repairType: "intermediate",
      literals: ["layered closure"],
    },
    { id: "t.proc.ignore", procedure: "ignore", literals: ["frozen section"] },
  ],
  suppress: [],
  woundWords: ["laceration"],
  techniques: [
    { id: "t.tech.punch", applies: ["biopsy"], technique: "punch", literals: ["punch"] },
    {
      id: "t.tech.subcutaneous",
      applies: ["excision"],
      technique: "subcutaneous",
      literals: ["subcutaneous", "from beneath the skin"],
    },
  ],
};

export const MINI_DELETED = {
  ...base("deletedCodes"),
  codes: [
    {
      id: "t.deleted.11100",
      code: "11100",
      replacement: "11102, 11104 or 11106",
      message: "11100 was deleted in 2019",
    },
    {
      id: "t.deleted.11101",
      code: "11101",
      replacement: "11103, 11105 or 11107",
      message: "11101 was deleted in 2019",
    },
  ],
};

type Overrides = Partial<Record<LexiconFileName, unknown>>;

/** The shipped lexicon with some files replaced, validated and compiled. */
export function lexiconWith(overrides: Overrides): CompiledLexicon {
  return compileLexicon(loadLexicon(overrides));
}

/** Every mechanism file replaced by its mini version (extractor and text unit tables). */
export const MINI_LEXICON = lexiconWith({
  sites: MINI_SITES,
  sections: MINI_SECTIONS,
  units: MINI_UNITS,
  counts: MINI_COUNTS,
  histology: MINI_HISTOLOGY,
  procedures: MINI_PROCEDURES,
  deletedCodes: MINI_DELETED,
});

/** The note as the extractors see it (normalised, tokenised, sections, sentences). */
export function docOf(text: string, lex: CompiledLexicon = MINI_LEXICON): Doc {
  return analyzeText(text, lex);
}
