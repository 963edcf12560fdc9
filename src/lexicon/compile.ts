/**
 * Builds the immutable CompiledLexicon once: phrase tries per term kind, lookup maps, code
 * tables by procedure, and the token canonicaliser (exact, stem, one-typo) with its memo.
 */

import { type CompiledIcd10, compileIcd10 } from "../coding/diagnoses.ts";
import { type CompiledContext, compileContext } from "../context/index.ts";
import type { CodeTable } from "../schemas/codes.ts";
import { tokenizeLiteral } from "../text/tokens.ts";
import type { SectionCategory } from "../types.ts";
import { type Canonicaliser, createCanonicaliser, verbInflections } from "./canon.ts";
import type { Lexicon } from "./load.ts";
import { PhraseTrie, TokenIds } from "./trie.ts";

export interface CompiledSections {
  exact: Map<string, { category: SectionCategory; ruleId: string; firstSentence?: boolean }>;
  contains: { id: string; category: SectionCategory; words: string[]; except: string[] }[];
  fields: Set<string>;
  /** Fields that end a diagnosis section (a procedure section starts), with their rule id. */
  endDiagnosis: { id: string; keys: Set<string> };
  /** Fields that end a history-like section (`after`), with their rule id. */
  endHistory?: { id: string; keys: Set<string>; after: Set<SectionCategory> };
  abbreviations: Set<string>;
  /** Lower-case words that open a sentence after a stop (lexicon sections `clauseOpeners`). */
  clauseOpeners: Set<string>;
  /** Procedure terms: an unknown upper-case label naming one ("ED&C: BCC R temple") is no header. */
  procedureLabels: Set<string>;
  inlineEnds: Partial<Record<SectionCategory, "line" | "paragraph">>;
  /** Categories another known label ends (lexicon sections `labelEnds`). */
  labelEnds: Set<SectionCategory>;
  /** Sentences of this visit cut out of paragraph-bounded sections (`presentSentences`). */
  presentSentences?: { id: string; words: Set<string>; categories: Set<SectionCategory> };
  banners: { closers: Set<string>; inherited: Set<SectionCategory> };
}

type Term<K extends keyof Lexicon, F extends string> = Lexicon[K] extends { [P in F]: (infer E)[] }
  ? E
  : never;
export type ProcedureTerm = Term<"procedures", "terms">;
export type TechniqueTerm = Term<"procedures", "techniques">;
/** A site term; `part` is the named part of the site its literals name (lexicon sites `parts`). */
export type SiteTerm = Term<"sites", "sites"> & { part?: string };
export type LateralityTerm = Term<"sites", "laterality">;
export type DigitTerm = Term<"sites", "digits">;
export type HistologyTerm = Term<"histology", "terms">;
export type PathologyStatusTerm = Term<"histology", "pathologyStatus">;
export type UnitTerm = Term<"units", "units">;
export type RoleTerm = Term<"units", "roles">;

export interface CompiledLexicon {
  source: Lexicon;
  version: string;
  codeSet: string;
  sections: CompiledSections;
  procedures: PhraseTrie<ProcedureTerm>;
  techniques: PhraseTrie<TechniqueTerm>;
  sites: PhraseTrie<SiteTerm | { pseudo: string }>;
  tissues: PhraseTrie<"organ" | "skin_word">;
  laterality: PhraseTrie<LateralityTerm>;
  /** One digit's names ("great toe", "index fingernail"): lexicon sites `digits`. */
  digits: PhraseTrie<DigitTerm>;
  histology: PhraseTrie<HistologyTerm>;
  /** The context words of histology terms that name their lesion only in context, by term id. */
  histologyContexts: Map<
    string,
    { digitWords: Set<string>; noteLesions: Set<string>; notNear: Set<string> }
  >;
  pathologyStatus: PhraseTrie<PathologyStatusTerm>;
  units: PhraseTrie<UnitTerm>;
  roles: PhraseTrie<RoleTerm>;
  numberWords: PhraseTrie<number>;
  /** lexicon counts `decimalWords` ("point"), lower-cased. */
  decimalWords: ReadonlySet<string>;
  vague: PhraseTrie<{ id: string; minimum: number }>;
  sameLesion: PhraseTrie<string>;
  distinctLesion: PhraseTrie<string>;
  removalIntent: PhraseTrie<string>;
  /** lexicon edits `digitModifier` `backReferences` ("both", "the nails"), of every such rule. */
  digitBackReferences: PhraseTrie<string>;
  biopsyIntent: PhraseTrie<string>;
  /** Words reporting a specimen's result (lexicon procedures.resultCues). */
  resultCues: PhraseTrie<string>;
  lesionNouns: Set<string>;
  /** lexicon counts `itemLabels` ("site", "specimen"): words labelling a list item ("Site 1:"). */
  itemLabels: ReadonlySet<string>;
  notCountWords: Set<string>;
  countBlockers: Set<string>;
  notCountAfter: Set<string>;
  /** lexicon counts `episodeWords` ("inflamed", "failed"): an "x N" after one counts times. */
  episodeWords: ReadonlySet<string>;
  /** lexicon counts `pastTimesCues` ("in the past"): an "x N" right before one counts times. */
  pastTimesCues: PhraseTrie<string>;
  /** lexicon counts `fieldLabels` ("number", "qty"): a count field's label opening its line. */
  countFieldLabels: ReadonlySet<string>;
  totalCues: PhraseTrie<string>;
  /** lexicon counts `sumCues`: "for a total of 31", "8 in all". */
  sumCues: PhraseTrie<string>;
  /** "all of her toenails", "her remaining toenails" (lexicon counts `wholeSets`). */
  wholeSets: PhraseTrie<WholeSet>;
  /** lexicon counts `ordinalWords` ("first" -> 1), as a map: a note's tokens are looked up here. */
  ordinals: ReadonlyMap<string, number>;
  /** The letters written after a digit in `ordinalWords` ("1st" -> "st", "2nd" -> "nd"). */
  ordinalSuffixes: ReadonlySet<string>;
  /** lexicon counts `ordinalSpanWords` ("between the fourth and fifth toes": one place). */
  ordinalSpanWords: ReadonlySet<string>;
  /** lexicon counts `itemWords`: words opening the first ("one") or last ("the other") of told lesions. */
  firstItemWords: ReadonlySet<string>;
  lastItemWords: ReadonlySet<string>;
  /** lexicon counts `mohsStageWords` ("stage", "layer"), and the last word of `mohsBlockWords`. */
  mohsStageWords: ReadonlySet<string>;
  mohsBlockWords: ReadonlySet<string>;
  /** Words and phrases naming a traumatic wound ("laceration", "stab wound"). */
  woundWords: PhraseTrie<string>;
  /** lexicon procedures `methodWords` ("with", "by"): a method named after them is how it was done. */
  methodWords: ReadonlySet<string>;
  /** lexicon procedures `methodFields` ("method"), lower case: a field telling how it was done. */
  methodFields: ReadonlySet<string>;
  /** lexicon procedures `untreatedLesions`: words setting lesions apart, and untreated cues. */
  untreatedLesions?: {
    id: string;
    otherWords: ReadonlySet<string>;
    cues: PhraseTrie<string>;
  };
  /** The procedure kinds each technique is a method of (the techniques of lexicon procedure terms). */
  techniqueKinds: ReadonlyMap<string, ReadonlySet<string>>;
  deepRepairWords: PhraseTrie<string>;
  /** lexicon procedures.procedureList, its words as a set. */
  procedureList?: {
    id: string;
    maxChars: number;
    words: ReadonlySet<string>;
    suffixes: readonly string[];
  };
  /** lexicon procedures.scarRearrangement, its scar and wound words compiled. */
  scarRearrangement?: { id: string; terms: ReadonlySet<string>; words: PhraseTrie<string> };
  /** lexicon procedures.removalDefect, its defect phrases compiled. */
  removalDefect?: { id: string; words: PhraseTrie<string> };
  /** lexicon procedures.contaminatedRepair, its two phrase lists compiled. */
  contaminated?: { id: string; contamination: PhraseTrie<string>; cleaning: PhraseTrie<string> };
  /** lexicon procedures.listedWounds, its heading words compiled. */
  listedWounds?: { id: string; headings: PhraseTrie<string> };
  /** lexicon procedures.secondaryClosure, its phrase lists compiled. */
  secondaryClosure?: {
    id: string;
    codeKey: string;
    packingTechnique: string;
    dehiscence: PhraseTrie<string>;
    reclosure: PhraseTrie<string>;
    extensive: PhraseTrie<string>;
    packing: PhraseTrie<string>;
  };
  /** One-word forward negation triggers of the context lexicon ("no", "without"). */
  negationWords: ReadonlySet<string>;
  notAsCoded: PhraseTrie<Lexicon["procedures"]["notAsCoded"][number]>;
  /** Procedure term id -> the kind of procedure a generic mention of it continues ("flap"). */
  continues: Map<string, string>;
  encounterPhrases: PhraseTrie<string>;
  /** Global-period cues: phrases, day words, and each 58/78/79 rule's phrase groups by rule id. */
  globalPhrases: PhraseTrie<string>;
  /** Day phrases ("day", "post-op day"), matched as whole phrases. */
  dayWords: PhraseTrie<string>;
  globalRuleGroups: Map<string, PhraseTrie<string>[]>;
  encounterSequence: Set<string>;
  encounterSettings: PhraseTrie<string>;
  times: Set<string>;
  dimensionJoiners: Set<string>;
  dimensionLabels: PhraseTrie<string>;
  lengthLabels: PhraseTrie<string>;
  rangeJoiners: Set<string>;
  deletedCodes: Map<string, Lexicon["deletedCodes"]["codes"][number]>;
  tables: CodeTable[];
  /**
   * lexicon edits emHint `managementCues` as words, with the present and gerund forms of their
   * past forms ("prescribed" -> "prescribes", "prescribing").
   */
  managementCues: ReadonlySet<string>;
  /** Words before a site that make it a donor site (lexicon sites `donorCues`). */
  donorCues: ReadonlySet<string>;
  /** lexicon sites `donorPlaces`: "site", "area" after a donor cue, and what links them to the site. */
  donorPlaceWords: ReadonlySet<string>;
  donorPlaceLinks: ReadonlySet<string>;
  /** Words before a site that make it a landmark of another site (lexicon sites `landmarkCues`). */
  landmarkCues: { words: ReadonlySet<string>; withTo: ReadonlySet<string> };
  /**
   * Leads (as word lists) and layer words that make an organ word a depth landmark (lexicon sites
   * `depthLandmarks`).
   */
  depthLandmarks?: {
    leads: readonly (readonly string[])[];
    enters: ReadonlySet<string>;
    layers: ReadonlySet<string>;
  };
  canon: Canonicaliser;
  /** Ids of every token of the tries above (each top-level trie is indexed with it). */
  tokenIds: TokenIds;
  context: CompiledContext;
  /** Phrases of the context lexicon's `stoppedReference`, by first word. */
  stoppedReference?: {
    id: string;
    subjects: Map<string, string[][]>;
    fillers: ReadonlySet<string>;
    stops: Map<string, string[][]>;
    afterFiller: ReadonlySet<string>;
    pronouns: ReadonlySet<string>;
    reason: string;
  };
  icd10: CompiledIcd10;
}

/** Phrases split into lower-case words, grouped by their first word. */
function byFirstWord(phrases: string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of phrases) {
    const words = p.toLowerCase().split(/\s+/).filter(Boolean);
    const list = map.get(words[0]!) ?? [];
    list.push(words);
    map.set(words[0]!, list);
  }
  return map;
}

export function compileLexicon(lex: Lexicon): CompiledLexicon {
  const fuzzyWords: string[] = [];
  const stemWords: string[] = [];
  // Words that alone name a procedure or a technique: reached by a typo (canon procedureWords).
  const procedureWords: string[] = [];
  const headed = repairHeadingLiterals(lex.procedures);
  const procedures = trieOf(lex.procedures.terms, (t) => [
    ...t.literals,
    ...(headed.get(t.id) ?? []),
  ]);
  for (const t of lex.procedures.terms) {
    for (const l of t.literals) {
      const toks = tokenizeLiteral(l);
      if (toks.length !== 1 || t.procedure === "ignore") continue;
      procedureWords.push(toks[0]!);
      if (!t.weak) stemWords.push(toks[0]!);
    }
  }
  for (const t of lex.procedures.techniques)
    for (const l of t.literals) {
      const toks = tokenizeLiteral(l);
      if (toks.length === 1) procedureWords.push(toks[0]!);
    }
  const histology = trieOf(lex.histology.terms, (t) => t.literals);
  const sites = trieOf<SiteTerm | { pseudo: string }>(
    [
      ...lex.sites.sites.flatMap(bySoftTissueRegion).flatMap(byPart),
      { pseudo: lex.sites.pseudo.id },
    ],
    (t) => ("pseudo" in t ? lex.sites.pseudo.literals : t.literals),
  );
  for (const trie of [histology, sites]) fuzzyWords.push(...trie.vocabulary);
  const known = new Set<string>();
  const tries = {
    techniques: trieOf(lex.procedures.techniques, (t) => t.literals),
    laterality: trieOf(lex.sites.laterality, (t) => t.literals),
    digits: trieOf(lex.sites.digits, (t) => t.literals),
    pathologyStatus: trieOf(lex.histology.pathologyStatus, (t) => t.literals),
    units: trieOf(lex.units.units, (t) => t.literals),
    roles: trieOf(lex.units.roles, (t) => t.literals),
  };
  const numberWords = new PhraseTrie<number>();
  for (const [w, n] of Object.entries(lex.counts.numberWords))
    numberWords.add(tokenizeLiteral(w), n);
  const vague = trieOf(lex.counts.vague, (t) => t.literals);
  const resultCues = trieOf(lex.procedures.resultCues.literals, (t) => [t]);
  const sameLesion = new PhraseTrie<string>();
  for (const l of lex.counts.sameLesion) sameLesion.add(tokenizeLiteral(l), l);
  const wholeSets = wholeSetsOf(lex.counts.wholeSets);
  for (const trie of [
    procedures,
    histology,
    sites,
    ...Object.values(tries),
    numberWords,
    vague,
    sameLesion,
    resultCues,
    wholeSets,
  ]) {
    for (const w of trie.vocabulary) known.add(w);
  }
  const compiled: CompiledLexicon = {
    source: lex,
    version: lex.meta.version,
    codeSet: lex.meta.codeSet,
    sections: compileSections(lex.sections, lex.procedures.terms),
    tissues: tissuesOf(lex),
    procedures,
    histology,
    sites,
    ...tries,
    numberWords,
    decimalWords: new Set(lex.counts.decimalWords.map((w) => w.toLowerCase())),
    vague: vague as unknown as PhraseTrie<{ id: string; minimum: number }>,
    sameLesion,
    distinctLesion: trieOf(lex.counts.distinctLesion, (t) => [t]),
    histologyContexts: new Map(
      lex.histology.terms.flatMap((t) =>
        t.inContext
          ? [
              [
                t.id,
                {
                  digitWords: new Set(t.inContext.digitWords.map((w) => w.toLowerCase())),
                  noteLesions: new Set(t.inContext.noteLesions),
                  notNear: new Set(t.inContext.notNear.map((w) => w.toLowerCase())),
                },
              ] as const,
            ]
          : [],
      ),
    ),
    removalIntent: trieOf(lex.procedures.removalIntent.literals, (t) => [t]),
    digitBackReferences: trieOf(
      lex.edits.rules.flatMap((r) => (r.kind === "digitModifier" ? (r.backReferences ?? []) : [])),
      (t) => [t],
    ),
    biopsyIntent: trieOf(lex.procedures.biopsyIntent.literals, (t) => [t]),
    resultCues,
    lesionNouns: new Set(lex.counts.lesionNouns),
    itemLabels: new Set(lex.counts.itemLabels),
    notCountWords: new Set(lex.counts.notCountWords),
    countBlockers: new Set(lex.counts.countBlockers),
    notCountAfter: new Set(lex.counts.notCountAfter),
    episodeWords: new Set(lex.counts.episodeWords),
    pastTimesCues: trieOf(lex.counts.pastTimesCues, (l) => [l]),
    countFieldLabels: new Set(lex.counts.fieldLabels),
    totalCues: trieOf(lex.counts.totalCues, (t) => [t]),
    sumCues: trieOf(lex.counts.sumCues, (t) => [t]),
    wholeSets,
    ordinals: new Map(Object.entries(lex.counts.ordinalWords)),
    ordinalSpanWords: new Set(lex.counts.ordinalSpanWords),
    firstItemWords: new Set(lex.counts.itemWords.first),
    lastItemWords: new Set(lex.counts.itemWords.last),
    ordinalSuffixes: new Set(
      Object.keys(lex.counts.ordinalWords).flatMap((w) => /^\d+([a-z]+)$/.exec(w)?.[1] ?? []),
    ),
    mohsStageWords: new Set(lex.counts.mohsStageWords),
    mohsBlockWords: new Set(lex.counts.mohsBlockWords.map((w) => w.split(" ").pop()!)),
    woundWords: trieOf(lex.procedures.woundWords, (t) => [t]),
    methodWords: new Set(lex.procedures.methodWords),
    methodFields: new Set(lex.procedures.methodFields.map((w) => w.toLowerCase())),
    ...(lex.procedures.untreatedLesions
      ? {
          untreatedLesions: {
            id: lex.procedures.untreatedLesions.id,
            otherWords: new Set(lex.procedures.untreatedLesions.otherWords),
            cues: trieOf(lex.procedures.untreatedLesions.cues, (t) => [t]),
          },
        }
      : {}),
    techniqueKinds: techniqueKindsOf(lex.procedures.terms),
    deepRepairWords: trieOf(lex.procedures.deepRepairWords, (t) => [t]),
    ...(lex.procedures.procedureList
      ? {
          procedureList: {
            ...lex.procedures.procedureList,
            words: new Set(lex.procedures.procedureList.words),
          },
        }
      : {}),
    ...(lex.procedures.scarRearrangement
      ? {
          scarRearrangement: {
            id: lex.procedures.scarRearrangement.id,
            terms: new Set(lex.procedures.scarRearrangement.terms),
            words: trieOf(lex.procedures.scarRearrangement.literals, (t) => [t]),
          },
        }
      : {}),
    ...(lex.procedures.removalDefect
      ? {
          removalDefect: {
            id: lex.procedures.removalDefect.id,
            words: trieOf(lex.procedures.removalDefect.literals, (t) => [t]),
          },
        }
      : {}),
    ...(lex.procedures.contaminatedRepair
      ? {
          contaminated: {
            id: lex.procedures.contaminatedRepair.id,
            contamination: trieOf(lex.procedures.contaminatedRepair.contamination, (t) => [t]),
            cleaning: trieOf(lex.procedures.contaminatedRepair.cleaning, (t) => [t]),
          },
        }
      : {}),
    ...(lex.procedures.listedWounds
      ? {
          listedWounds: {
            id: lex.procedures.listedWounds.id,
            headings: trieOf(lex.procedures.listedWounds.headings, (t) => [t]),
          },
        }
      : {}),
    ...(lex.procedures.secondaryClosure
      ? {
          secondaryClosure: {
            ...lex.procedures.secondaryClosure,
            dehiscence: trieOf(lex.procedures.secondaryClosure.dehiscence, (t) => [t]),
            reclosure: trieOf(lex.procedures.secondaryClosure.reclosure, (t) => [t]),
            extensive: trieOf(lex.procedures.secondaryClosure.extensive, (t) => [t]),
            packing: trieOf(lex.procedures.secondaryClosure.packing, (t) => [t]),
          },
        }
      : {}),
    notAsCoded: trieOf(lex.procedures.notAsCoded, (r) => r.literals),
    continues: new Map(
      lex.procedures.terms.flatMap((t) => (t.continues ? [[t.id, t.continues] as const] : [])),
    ),
    encounterPhrases: trieOf(lex.edits.encounters.phrases, (t) => [t]),
    globalPhrases: trieOf(lex.edits.globalPhrases, (t) => [t]),
    dayWords: trieOf(lex.edits.dayWords, (t) => [t]),
    globalRuleGroups: new Map(
      lex.edits.rules.flatMap((r) =>
        r.kind === "globalModifier"
          ? [[r.id, r.allOf.map((group) => trieOf(group, (t) => [t]))] as const]
          : [],
      ),
    ),
    encounterSequence: new Set(lex.edits.encounters.sequence.flatMap((w) => tokenizeLiteral(w))),
    encounterSettings: trieOf(lex.edits.encounters.settings, (t) => [t]),
    times: new Set(lex.counts.times),
    dimensionJoiners: new Set(lex.units.dimensionJoiners),
    dimensionLabels: trieOf(lex.units.dimensionLabels, (t) => [t]),
    lengthLabels: trieOf(lex.units.lengthLabels, (t) => [t]),
    rangeJoiners: new Set(lex.units.rangeJoiners),
    deletedCodes: new Map(lex.deletedCodes.codes.map((c) => [c.code, c])),
    tables: codeTables(lex),
    managementCues: withInflections(
      lex.edits.emHint.managementCues.flatMap((c) => tokenizeLiteral(c)),
    ),
    donorCues: new Set(lex.sites.donorCues),
    donorPlaceWords: new Set(lex.sites.donorPlaces.words),
    donorPlaceLinks: new Set(lex.sites.donorPlaces.links),
    landmarkCues: {
      words: new Set(lex.sites.landmarkCues.words),
      withTo: new Set(lex.sites.landmarkCues.withTo),
    },
    ...(lex.sites.depthLandmarks
      ? {
          depthLandmarks: {
            leads: lex.sites.depthLandmarks.leads.map((l) => l.split(" ")),
            enters: new Set(lex.sites.depthLandmarks.enters),
            layers: new Set(lex.sites.depthLandmarks.layers),
          },
        }
      : {}),
    canon: createCanonicaliser(
      known,
      stemWords,
      fuzzyWords,
      verbInflections(
        [...procedures.vocabulary, ...tries.techniques.vocabulary],
        passiveVerbs(
          [lex.procedures.terms, lex.procedures.techniques],
          new Set(lex.context.predicateAfterComma.auxiliaries),
        ),
      ),
      procedureWords,
    ),
    tokenIds: new TokenIds(),
    context: compileContext(lex.context),
    negationWords: new Set(
      lex.context.rules.flatMap((r) =>
        r.category === "NEGATED_EXISTENCE" &&
        r.direction === "forward" &&
        "literal" in r &&
        !r.literal.includes(" ")
          ? [r.literal.toLowerCase()]
          : [],
      ),
    ),
    icd10: compileIcd10(lex.icd10),
    ...(lex.context.stoppedReference
      ? {
          stoppedReference: {
            id: lex.context.stoppedReference.id,
            subjects: byFirstWord(lex.context.stoppedReference.subjects),
            fillers: new Set(lex.context.stoppedReference.fillers),
            stops: byFirstWord(lex.context.stoppedReference.stops),
            afterFiller: new Set(lex.context.stoppedReference.afterFiller),
            pronouns: new Set(lex.context.stoppedReference.pronouns),
            reason: lex.context.stoppedReference.reason,
          },
        }
      : {}),
  };
  for (const value of Object.values(compiled))
    if (value instanceof PhraseTrie) value.index(compiled.tokenIds);
  return compiled;
}

/**
 * The words that follow an auxiliary ("was drained") in some literal of these terms; the
 * auxiliaries are the context lexicon's (context.json predicateAfterComma.auxiliaries).
 */
function passiveVerbs(
  groups: readonly (readonly { literals: readonly string[] }[])[],
  auxiliaries: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  for (const terms of groups)
    for (const t of terms)
      for (const l of t.literals) {
        const toks = tokenizeLiteral(l);
        for (let i = 1; i < toks.length; i++) if (auxiliaries.has(toks[i - 1]!)) out.add(toks[i]!);
      }
  return out;
}

/** Words and the present and gerund forms of those that are past forms. */
function withInflections(words: readonly string[]): ReadonlySet<string> {
  return new Set([...words, ...verbInflections(words).keys()]);
}

/**
 * A site term split by soft-tissue region: literals named in `softTissueBy` carry that region, the
 * rest the term's own. Every part keeps the term's id, so the site is the same for everything else.
 */
function bySoftTissueRegion(t: SiteTerm): SiteTerm[] {
  if (!t.softTissueBy) return [t];
  const named = new Set(Object.values(t.softTissueBy).flat());
  const parts: SiteTerm[] = [{ ...t, literals: t.literals.filter((l) => !named.has(l)) }];
  for (const [region, literals] of Object.entries(t.softTissueBy))
    parts.push({ ...t, softTissue: region, literals });
  return parts;
}

/**
 * A site term split by named part: literals named in `parts` carry their part, the rest none. Every
 * part keeps the term's id and codes; only where two lesions are differs ("cheek" and "chin").
 */
function byPart(t: SiteTerm): SiteTerm[] {
  if (!t.parts) return [t];
  const out: SiteTerm[] = [];
  const named = new Set<string>();
  for (const [part, literals] of Object.entries(t.parts)) {
    const mine = literals.filter((l) => t.literals.includes(l));
    for (const l of mine) named.add(l);
    if (mine.length > 0) out.push({ ...t, part, literals: mine });
  }
  const rest = t.literals.filter((l) => !named.has(l));
  return rest.length > 0 ? [{ ...t, literals: rest }, ...out] : out;
}

/** A set counted without a number: its rule id, its size, and whether only the rest of it is meant. */
export interface WholeSet {
  id: string;
  size: number;
  remainder: boolean;
}

/** Every "cue [determiner] noun" phrase of the lexicon's whole sets ("all of her toenails"). */
function wholeSetsOf(w: Lexicon["counts"]["wholeSets"]): PhraseTrie<WholeSet> {
  const trie = new PhraseTrie<WholeSet>();
  if (!w) return trie;
  const cues = [
    ...w.all.map((c) => ({ c, remainder: false })),
    ...w.remaining.map((c) => ({ c, remainder: true })),
  ];
  for (const set of w.sets)
    for (const { c, remainder } of cues)
      for (const d of ["", ...w.determiners])
        for (const noun of set.literals)
          trie.add(tokenizeLiteral([c, d, noun].filter(Boolean).join(" ")), {
            id: set.id,
            size: set.size,
            remainder,
          });
  return trie;
}

/**
 * The literals of lexicon procedures.repairHeadings by repair term id: each heading, separator
 * and type word ("repairs", ":", "intermediate" -> "repairs : intermediate").
 */
function repairHeadingLiterals(p: Lexicon["procedures"]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rule = p.repairHeadings;
  if (!rule) return out;
  for (const { term, words } of rule.types) {
    // A lexicon without the term (a test's own terms) has no heading literals for it.
    if (!p.terms.some((t) => t.id === term && t.procedure === "repair")) continue;
    const literals = rule.headings.flatMap((h) =>
      rule.separators.flatMap((sep) => words.map((w) => `${h} ${sep} ${w}`)),
    );
    out.set(term, [...(out.get(term) ?? []), ...literals]);
  }
  return out;
}

function trieOf<T>(entries: readonly T[], literals: (e: T) => readonly string[]): PhraseTrie<T> {
  const trie = new PhraseTrie<T>();
  for (const e of entries) for (const l of literals(e)) trie.add(tokenizeLiteral(l), e);
  return trie;
}

function compileSections(
  s: Lexicon["sections"],
  procedures: readonly ProcedureTerm[],
): CompiledSections {
  const exact = new Map<
    string,
    { category: SectionCategory; ruleId: string; firstSentence?: boolean }
  >();
  for (const e of s.exact)
    for (const l of e.literals)
      exact.set(l, {
        category: e.category,
        ruleId: e.id,
        ...(e.firstSentence ? { firstSentence: true } : {}),
      });
  return {
    exact,
    contains: s.contains,
    fields: new Set(s.fields.literals),
    endDiagnosis: {
      id: s.fields.endDiagnosis.id,
      keys: new Set(s.fields.endDiagnosis.literals),
    },
    ...(s.fields.endHistory
      ? {
          endHistory: {
            id: s.fields.endHistory.id,
            keys: new Set(s.fields.endHistory.literals),
            after: new Set(s.fields.endHistory.after),
          },
        }
      : {}),
    abbreviations: new Set(s.abbreviations),
    clauseOpeners: new Set(s.clauseOpeners.words.map((w) => w.toLowerCase())),
    procedureLabels: new Set(procedures.flatMap((t) => t.literals.map((l) => l.toLowerCase()))),
    inlineEnds: s.inlineEnds,
    labelEnds: new Set(s.labelEnds),
    ...(s.presentSentences
      ? {
          presentSentences: {
            id: s.presentSentences.id,
            words: new Set(s.presentSentences.words.map((w) => w.toLowerCase())),
            categories: new Set(s.presentSentences.categories),
          },
        }
      : {}),
    banners: {
      closers: new Set(s.banners.closers.map((w) => w.toLowerCase())),
      inherited: new Set(s.banners.inherited),
    },
  };
}

function codeTables(lex: Lexicon): CodeTable[] {
  return [
    lex.codesBiopsy,
    lex.codesExcision,
    lex.codesShave,
    lex.codesDestruction,
    lex.codesRepair,
    lex.codesOther,
  ].flatMap((f) => f.tables);
}

function tissuesOf(lex: Lexicon): PhraseTrie<"organ" | "skin_word"> {
  const trie = new PhraseTrie<"organ" | "skin_word">();
  for (const l of lex.sites.nonSkin.literals) trie.add(tokenizeLiteral(l), "organ");
  for (const l of lex.sites.skinWords.literals) trie.add(tokenizeLiteral(l), "skin_word");
  return trie;
}

/** Does a phrase of `trie` occur in tokens[from, to)? */
export function hasPhrase(
  trie: PhraseTrie<unknown>,
  tokens: readonly string[],
  from: number,
  to: number,
): boolean {
  return trie.occursIn(tokens, from, to);
}

/** "tangential" -> biopsy, shave: the kinds whose terms name each technique. */
function techniqueKindsOf(
  terms: readonly { procedure: string; technique?: string | undefined }[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of terms) {
    if (!t.technique) continue;
    const kinds = out.get(t.technique) ?? new Set<string>();
    kinds.add(t.procedure);
    out.set(t.technique, kinds);
  }
  return out;
}
