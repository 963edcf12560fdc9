import type { CompiledLexicon } from "../lexicon/compile.ts";
import { OBJECT_OPENERS } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
import type { HistologyMention, Mention, SiteMention, SizeMention } from "../types.ts";
import { antecedentLine } from "./antecedent.ts";
import { inSentence, type MentionIndex, ofKind } from "./index-mentions.ts";
import { sitesOnLine } from "./line-sites.ts";
import { inOwnClause } from "./own-clauses.ts";
import type { EventScope } from "./scope.ts";
import type { ProcedureEvent } from "./types.ts";
import { placesNothing, toldElsewhere, untreatedLesions } from "./untreated.ts";

/** Procedures that treat a condition rather than a lesion (phototherapy of psoriasis). */
const LESIONLESS = new Set(["phototherapy", "excimer", "injection"]);
const NOTE_SITE_SECTIONS = new Set([
  "procedure_title",
  "procedure",
  "diagnosis",
  "assessment",
  "pathology",
  "other",
]);
const NOTE_HISTOLOGY_SECTIONS = new Set([
  "other",
  "procedure_title",
  "procedure",
  "diagnosis",
  "assessment",
  "pathology",
]);

/** Rule ids of a section's default assertion ("section.plan"). */
const SECTION_RULE = "section.";

/** Fills site, sizes and histology of one event from its scope (most specific sentence first). */
export function attachAttributes(
  e: ProcedureEvent,
  scope: EventScope,
  index: MentionIndex,
  lex: CompiledLexicon,
): void {
  attachTechnique(e, scope, index);
  attachSite(e, scope, index, lex);
  // A margin in a pathology report ("margins clear by 3 mm") is histologic clearance, not the
  // surgical margin that sizes the excision: in a pathology section, or after a final-pathology
  // cue that follows the procedure in its sentence ("excised ...; pathology showed margins clear
  // by 2 mm"; not "bx-proven BCC, excised with 4 mm margins").
  const procedures = (s: number) => inSentence(index, s, "procedure");
  const reported = (x: SizeMention) =>
    index.doc.sentences[x.sentence]!.section === "pathology" ||
    inSentence(index, x.sentence, "pathology_status").some(
      (p) =>
        p.status === "final" &&
        p.end <= x.start &&
        e.anchors.some((a) => a.sentence === x.sentence && a.end <= p.start) &&
        // "biopsy-proven" names an earlier biopsy's result, not a report of this procedure.
        !procedures(x.sentence).some((m) => m.start < p.end && p.start < m.end),
    );
  // The sizes of the near then the linked sentences, gathered by loops (no list per sentence).
  const sizes: SizeMention[] = [];
  for (const list of [scope.near, scope.linked])
    for (const s of list)
      for (const x of inSentence(index, s, "size"))
        if (inOwnClause(e, x) && !(x.role === "margin" && reported(x))) sizes.push(x);
  e.sizes = ownAreas(e, sizes, scope);
  if (e.kind === "flap" && !e.sizes.some((x) => x.unit === "cm2")) {
    const area = laterArea(e, index);
    if (area) e.sizes.push(area);
  }
  attachHistology(e, scope, index, lex);
}

/**
 * "Vitiligo patches face 35 cm2. Excimer 308 nm to face 35 cm2.": when the procedure's own
 * sentence states the areas it treats, those are its areas; the areas of the findings described
 * before it (or on its diagnosis line) measure the same patches again and are not added to them.
 */
function ownAreas(e: ProcedureEvent, sizes: SizeMention[], scope: EventScope): SizeMention[] {
  const anchored = new Set(e.anchors.map((a) => a.sentence));
  if (!sizes.some((x) => x.unit === "cm2" && anchored.has(x.sentence))) return sizes;
  const first = Math.min(...anchored);
  const after = (s: number) => s > first && scope.near.includes(s);
  return sizes.filter((x) => x.unit !== "cm2" || anchored.has(x.sentence) || after(x.sentence));
}

/** How many sentences after a flap's last word its total area may be written. */
const AREA_FOLLOWING = 4;

/**
 * "The flap was elevated, rotated and inset. The total area of the primary and secondary defects
 * measured 14 sq cm.": a flap's area written a few sentences on, in its section, before any
 * other procedure is named.
 */
function laterArea(e: ProcedureEvent, index: MentionIndex): SizeMention | undefined {
  const last = Math.max(...e.anchors.map((a) => a.sentence));
  const section = index.doc.sentences[last]!.sectionIndex;
  for (let k = last + 1; k <= last + AREA_FOLLOWING && k < index.doc.sentences.length; k++) {
    if (index.doc.sentences[k]!.sectionIndex !== section) return undefined;
    const other = inSentence(index, k, "procedure").some(
      (p) => p.procedure !== "flap" && p.procedure !== "repair" && p.procedure !== "unsupported",
    );
    if (other) return undefined;
    const area = inSentence(index, k, "size").find((x) => x.unit === "cm2");
    if (area) return area;
  }
  return undefined;
}

/** "biopsy ... with a 4 mm punch": a technique word in an anchor sentence qualifies the procedure. */
export function attachTechnique(e: ProcedureEvent, scope: EventScope, index: MentionIndex): void {
  if (e.technique) return;
  let best: { technique: string; dist: number; rank: number } | undefined;
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  for (const s of scope.near) {
    for (const t of inSentence(index, s, "technique")) {
      if (!t.applies.includes(e.kind) || (t.reach === "sentence" && !anchorSentences.has(s)))
        continue;
      if (index.assertions.get(t.id)?.negation === "negated") continue;
      const dist = Math.min(...e.anchors.map((a) => Math.abs(t.start - a.start)));
      const rank = t.rank ?? 0;
      if (!best || rank > best.rank || (rank === best.rank && dist < best.dist))
        best = { technique: t.technique, dist, rank };
    }
  }
  if (best) {
    e.technique = best.technique;
    if (best.rank > 0) e.techniqueRank = best.rank;
  }
}

function attachSite(
  e: ProcedureEvent,
  scope: EventScope,
  index: MentionIndex,
  lex: CompiledLexicon,
): void {
  const anchor = e.anchors[0]!;
  // A flap's or graft's donor site ("harvested from the left upper arm"), in whatever sentence,
  // is never the site of its defect. Nor is a site inside a skin graft's own name ("preauricular
  // skin graft").
  const ofDefect = (s: SiteMention) => e.kind !== "flap" || !s.donor;
  const all = inSentence(index, anchor.sentence, "site").filter(
    (s) => ofDefect(s) && inOwnClause(e, s) && (e.kind !== "flap" || !namedIn(s, e.anchors)),
  );
  // "SK on the scalp 2 cm above the left ear": the ear is a landmark of the scalp site.
  const placed = all.filter((s) => !s.landmark);
  const own = placed.length > 0 ? placed : all;
  const after = own.filter((s) => s.start >= anchor.start);
  const site =
    after[0] ??
    own[own.length - 1] ??
    // "Right cheek: 1.2 cm cyst. Excised, simple closure.": the site of its list item's line.
    (e.kind !== "flap" ? sitesOnLine(anchor.sentence, index).at(-1) : undefined) ??
    // "A: ISK R shoulder." then "P: Removed.": the site of the line a plan line refers to.
    firstSite(antecedentLine(index, anchor.sentence, true), index, ofDefect) ??
    // Not the site of a line telling only of past or untreated lesions ("Hx: BCC L back s/p
    // excision 2021.", "6 other SKs on back.").
    firstSite(
      byDistance(scope.near.slice(1), anchor.sentence).filter((k) => !placesNothing(index, lex, k)),
      index,
      ofDefect,
    ) ??
    firstSite(scope.linked, index, ofDefect);
  if (site) {
    e.site = site;
    e.evidence.push(site);
    return;
  }
  const noteSites = ofKind(index, "site").filter(
    (s) => NOTE_SITE_SECTIONS.has(index.doc.sentences[s.sentence]!.section) && ofDefect(s),
  );
  const groups = new Set(noteSites.map((s) => s.siteGroup));
  if (noteSites.length > 0 && groups.size === 1) {
    e.site = noteSites[0]!;
    e.siteInferred = true;
    e.evidence.push(noteSites[0]!);
  }
}

/** Sentences nearest the anchor first; at equal distance the one after it. */
function byDistance(sentences: number[], anchor: number): number[] {
  return [...sentences].sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor) || b - a);
}

/** The first site of these sentences, in order, that `fits`. */
function firstSite(
  sentences: number[],
  index: MentionIndex,
  fits: (s: SiteMention) => boolean,
): SiteMention | undefined {
  for (const s of sentences) {
    const found = inSentence(index, s, "site").find(fits);
    if (found) return found;
  }
  return undefined;
}

/** Specific diagnoses beat generic lesion words; pathology beats the clinical impression. */
function attachHistology(
  e: ProcedureEvent,
  scope: EventScope,
  index: MentionIndex,
  lex: CompiledLexicon,
): void {
  // A diagnosis made earlier ("BCC, confirmed on shave bx 2 wks ago") still names the lesion
  // treated today; negated or other-person diagnoses do not.
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  // "Numerous SKs on back, no treatment.", "6 other SKs on back.": lesions left untreated are not
  // what a procedure told in another sentence treats.
  const untreated = untreatedLesions(index, lex);
  const live = (m: HistologyMention) => {
    const a = index.assertions.get(m.id);
    // A rash or inflammatory condition names the treated lesion only in the procedure's sentence.
    const reaches = m.lesional || anchorSentences.has(m.sentence) || LESIONLESS.has(e.kind);
    // "If pathology shows BCC, ...": a supposed diagnosis in another sentence is not this lesion's.
    // One supposed only by its section's default ("Plan: BCC R nose, 0.8 cm." before "ED&C
    // performed.") names the lesion a procedure done today treats.
    const supposed =
      a?.temporality === "hypothetical" &&
      !anchorSentences.has(m.sentence) &&
      !a.ruleIds.every((id) => id.startsWith(SECTION_RULE));
    // "The 1 cm subcutaneous mass was ... removed": a mass names the lesion of an excision placed
    // beneath the skin (the excision techniques are depths), not of anything else.
    const placed = !m.needsDepth || (e.kind === "excision" && e.technique !== undefined);
    return (
      reaches &&
      placed &&
      !supposed &&
      !(untreated.has(m.id) && !anchorSentences.has(m.sentence)) &&
      inOwnClause(e, m) &&
      a?.negation !== "negated" &&
      a?.experiencer !== "other"
    );
  };
  // "Exam: 2 AKs on scalp. 3 SKs on back." then "LN2 to the 2 scalp lesions": the lesion a
  // procedure places at its own site is the one told at that site.
  const elsewhere = toldElsewhere(e, index);
  const near: HistologyMention[] = [];
  for (const s of scope.near) {
    if (elsewhere?.(s)) continue;
    for (const h of inSentence(index, s, "histology")) if (live(h)) near.push(h);
  }
  const linked: HistologyMention[] = [];
  for (const s of scope.linked)
    for (const h of inSentence(index, s, "histology")) if (live(h)) linked.push(h);
  const { lesions, chosen } = chooseHistology(
    e,
    near,
    linked,
    objectOf(e, index).filter(live),
    index,
  );
  e.lesions = lesionsOf(lesions);
  if (!chosen) return;
  e.histology = chosen;
  e.evidence.push(chosen);
}

/** The event's lesion entries and the diagnosis that names it. */
function chooseHistology(
  e: ProcedureEvent,
  near: HistologyMention[],
  linked: HistologyMention[],
  object: HistologyMention[],
  index: MentionIndex,
): { lesions: HistologyMention[]; chosen?: HistologyMention } {
  const anchorSentences = new Set(e.anchors.map((a) => a.sentence));
  const specific = (list: HistologyMention[]) => list.filter((m) => m.malignancy !== "unknown");
  const historical = (m: HistologyMention) =>
    index.assertions.get(m.id)?.temporality === "historical";
  const current = (list: HistologyMention[]) => list.filter((m) => !historical(m));
  // "History of BCC. Excision of a 1 cm lesion of the back ..., benign appearing nevus": a
  // diagnosis told as the patient's past loses to one told of today's lesion that says otherwise
  // of its malignancy.
  const overPast = (first?: HistologyMention, now?: HistologyMention) =>
    first && now && historical(first) && now.malignancy !== first.malignancy ? now : first;
  // "LN2 to 3 warts L hand and punch bx of a red papule R flank": the lesion a procedure names
  // as its object ("bx of ...") is its own, whatever else the sentence names.
  if (object.length > 0) {
    // "Excision of lesion of left cheek with intermediate repair" under "Preoperative diagnosis:
    // BCC, left cheek": a generic object ("lesion") takes the diagnosis named outside the
    // procedure's own sentence, never another procedure's lesion of the same sentence.
    const outside = (list: HistologyMention[]) =>
      specific(list).filter((h) => !anchorSentences.has(h.sentence));
    const chosen =
      pathologyHistology(e, index, object) ??
      nearest(specific(object), e.anchors[0]!) ??
      overPast(
        nearest(outside(near), e.anchors[0]!),
        nearest(outside(current(near)), e.anchors[0]!),
      ) ??
      outside(linked)[0] ??
      outside([noteHistology(index)].filter((h) => h !== undefined))[0] ??
      object[0]!;
    return { lesions: object, chosen };
  }
  const inOwn = near.filter((h) => anchorSentences.has(h.sentence));
  // "The remaining nine toenails required debridement": a lesion of the procedure's own sentence
  // that says what such a procedure on it is (nails debrided) names it; of several, the one
  // nearest the procedure word ("Ingrown toenail: a wedge of lateral nail fold skin was excised"
  // excised the fold, a wedge excision, not the nail). Not when another diagnosis stands nearer
  // the procedure ("Removal of 12 skin tags ...; a cyst on the back was also excised": the cyst
  // is what was excised).
  const renames = nearest(
    inOwn.filter((h) => h.procedureAs?.[e.kind] !== undefined),
    e.anchors[0]!,
  );
  const anchor = e.anchors[0]!.start;
  const between = (h: HistologyMention, from: HistologyMention) =>
    Math.min(from.start, anchor) < h.start && h.start < Math.max(from.start, anchor);
  if (
    renames &&
    !inOwn.some(
      (h) => h.histology !== renames.histology && h.malignancy !== "unknown" && between(h, renames),
    )
  )
    return { lesions: inOwn, chosen: renames };
  // "Bx-proven BCC L upper back ... excised. Epidermoid cyst R upper arm ... excised": a diagnosis
  // in the procedure's own sentence beats a pathology result named for another lesion.
  const ownSkin = inOwn.filter((h) => h.skinSpecific);
  const chosen =
    pathologyHistology(e, index, ownSkin.length > 0 ? ownSkin : undefined) ??
    overPast(
      nearest(specific(near), e.anchors[0]!),
      nearest(specific(current(near)), e.anchors[0]!),
    ) ??
    overPast(specific(linked)[0], specific(current(linked))[0]) ??
    noteHistology(index) ??
    nearest(near, e.anchors[0]!) ??
    linked[0];
  // ... and then is none of the lesions the procedure treats.
  const past = (h: HistologyMention) =>
    chosen !== undefined &&
    !historical(chosen) &&
    historical(h) &&
    h.malignancy !== "unknown" &&
    h.malignancy !== chosen.malignancy &&
    !anchorSentences.has(h.sentence);
  const treated = near.filter((h) => !past(h));
  return {
    lesions: treated.length > 0 ? treated : chosen ? [chosen] : [],
    ...(chosen ? { chosen } : {}),
  };
}

/** Words after a procedure that open its object ("biopsy of", "LN2 to", "cryo on"). */

/**
 * The lesions named right after one of the event's anchors ("punch bx of a red papule"), up to
 * the next procedure of another event in its sentence; empty when the sentence names no other
 * procedure (then the usual nearest-diagnosis choice applies).
 */
function objectOf(e: ProcedureEvent, index: MentionIndex): HistologyMention[] {
  const own = new Set(e.anchors.map((a) => a.id));
  const out: HistologyMention[] = [];
  for (const a of e.anchors) {
    const procedures = inSentence(index, a.sentence, "procedure");
    const others = procedures.filter((p) => !own.has(p.id));
    if (others.length === 0) continue;
    const after = tokenAt(index.doc.tokens, a.end);
    if (!OBJECT_OPENERS.has(index.doc.canon[after] ?? "")) continue;
    const end = Math.min(
      ...others.filter((p) => p.start > a.end).map((p) => p.start),
      Number.POSITIVE_INFINITY,
    );
    for (const h of inSentence(index, a.sentence, "histology"))
      if (h.start > a.end && h.start < end) out.push(h);
  }
  return out;
}

function lesionsOf(list: HistologyMention[]): ProcedureEvent["lesions"] {
  return list.map((h) => ({ histology: h, count: 1 }));
}

function nearest<T extends Mention>(list: T[], anchor: Mention): T | undefined {
  let best: T | undefined;
  for (const m of list) {
    if (!best || Math.abs(m.start - anchor.start) < Math.abs(best.start - anchor.start)) best = m;
  }
  return best;
}

/**
 * A pathology diagnosis (stated, not conditional) applies to the event when it is the only one,
 * or shares its site.
 */
function pathologyHistology(
  e: ProcedureEvent,
  index: MentionIndex,
  own?: HistologyMention[],
): HistologyMention | undefined {
  // "if pathology shows melanoma, ...": a conditional or negated result is no result.
  const stated = (h: HistologyMention) => {
    const a = index.assertions.get(h.id);
    return a?.temporality !== "hypothetical" && a?.negation !== "negated";
  };
  const path = ofKind(index, "histology").filter(
    (h) => h.fromPathology && h.malignancy !== "unknown" && stated(h),
  );
  if (path.length === 0) return undefined;
  // "A. Right cheek: ... Excised" with "Path: A - BCC. B - compound nevus": the labels pair them.
  const labelled = byLabel(e, index, path);
  if (labelled) return labelled;
  // A lesion named as the procedure's object keeps its own diagnosis unless pathology names it.
  if (own) {
    const same = path.find((h) => own.some((o) => o.histology === h.histology));
    if (same) return same;
    if (own.some((o) => o.malignancy !== "unknown" && o.skinSpecific)) {
      // A result written for another lesion (its sentence names another site) does not rename
      // this one; a result with no site of its own ("Final path: dysplastic nevus") does.
      const forThis = path.filter((h) => {
        const sites = inSentence(index, h.sentence, "site");
        return (
          sites.length === 0 || (e.site !== undefined && sites.some((x) => x.site === e.site!.site))
        );
      });
      return new Set(forThis.map((h) => h.histology)).size === 1 ? forThis[0] : undefined;
    }
  }
  const distinct = new Set(path.map((h) => h.histology));
  if (distinct.size === 1) return path[0];
  if (!e.site) return undefined;
  return path.find((h) =>
    inSentence(index, h.sentence, "site").some(
      (s) => s.site === e.site!.site && s.laterality === e.site!.laterality,
    ),
  );
}

/** The label a result is written under: "A - BCC", "#1 trichilemmal cyst", "2: EIC". */
const RESULT_LABEL =
  /(?:^|[\s,;(.:])(?:#[ \t]*(\d{1,2})|([a-h])[ \t]*[-:.)]|(\d{1,2})[ \t]*[-:)])/gi;

/**
 * The item number a pathology result is written under, between the previous result and it
 * (letters count as item numbers do: a = 1, as in the index's list numbers).
 */
function resultLabel(text: string, h: HistologyMention, from: number): number | undefined {
  let label: number | undefined;
  for (const m of text.slice(from, h.start).matchAll(RESULT_LABEL)) {
    const letter = m[2]?.toLowerCase();
    label = letter ? letter.charCodeAt(0) - 96 : Number.parseInt(m[1] ?? m[3]!, 10);
  }
  return label;
}

function byLabel(
  e: ProcedureEvent,
  index: MentionIndex,
  path: HistologyMention[],
): HistologyMention | undefined {
  const text = index.doc.text;
  const own = index.listNumber.get(e.anchors[0]!.sentence);
  if (own === undefined) return undefined;
  let from = 0;
  let found: HistologyMention | undefined;
  const reported = path.filter((h) => index.doc.sentences[h.sentence]!.section === "pathology");
  for (const h of reported.sort((a, b) => a.start - b.start)) {
    const lineStart = text.lastIndexOf("\n", h.start - 1) + 1;
    const label = resultLabel(text, h, Math.max(from, lineStart));
    from = h.end;
    if (label === own && !found) found = h;
  }
  return found;
}

/** One specific diagnosis named in the diagnosis/procedure sections of the whole note. */
function noteHistology(index: MentionIndex): HistologyMention | undefined {
  const list = ofKind(index, "histology").filter(
    (h) =>
      h.malignancy !== "unknown" &&
      NOTE_HISTOLOGY_SECTIONS.has(index.doc.sentences[h.sentence]!.section) &&
      index.assertions.get(h.id)?.negation !== "negated" &&
      index.assertions.get(h.id)?.experiencer !== "other" &&
      index.assertions.get(h.id)?.temporality !== "historical" &&
      index.assertions.get(h.id)?.temporality !== "hypothetical",
  );
  if (new Set(list.map((h) => h.histology)).size === 1) return list[0];
  // "Epidermoid cyst with abscess": in one sentence, the one skin diagnosis beside generic
  // words names the lesion.
  if (new Set(list.map((h) => h.sentence)).size !== 1) return undefined;
  const skin = list.filter((h) => h.skinSpecific);
  return new Set(skin.map((h) => h.histology)).size === 1 ? skin[0] : undefined;
}

function namedIn(s: SiteMention, anchors: ProcedureEvent["anchors"]): boolean {
  return anchors.some((a) => a.skinSpecific && a.start <= s.start && s.end <= a.end);
}
