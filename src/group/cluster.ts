import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Assertion } from "../schemas/api.ts";
import { ARTICLES, EVENT_COORDINATORS } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
import type { ProcedureMention, SiteMention } from "../types.ts";
import { antecedentLine, PROBLEM_SECTIONS } from "./antecedent.ts";
import {
  endsWithColon,
  fieldLabel,
  inSentence,
  isBillable,
  isFieldLine,
  isSpaceAt,
  type MentionIndex,
  ofKind,
  tokensIn,
} from "./index-mentions.ts";
import { otherSide } from "./lesions.ts";
import { sitesOnLine } from "./line-sites.ts";
import { clauseAround, clauseCut, namesLesionIn, namesLesionType } from "./own-clauses.ts";
import { sameSite, withSides } from "./places.ts";
import { splitPerLesion } from "./split.ts";
import type { ProcedureEvent } from "./types.ts";

const TITLE_SECTIONS = new Set(["procedure_title", "procedure"]);
/** Sections whose procedure mentions detail a procedure named in a title line. */
const DETAIL_SECTIONS = new Set(["procedure", "diagnosis", "other", "assessment"]);
/** How many sentences apart two mentions of one procedure may stand ("excised ... The lesion was removed"). */
const MERGE_DISTANCE = 3;
/** Procedures coded by the area they treat (a rash's patches), not by lesions removed. */
const AREA_TREATMENTS = new Set(["excimer", "phototherapy"]);
const AFFIRMED: Assertion = {
  negation: "affirmed",
  temporality: "recent",
  experiencer: "patient",
  billable: true,
  ruleIds: [],
};

/**
 * Clusters procedure mentions into procedure events. Mentions merge when they name the same
 * procedure: in one sentence ("LN2 cryotherapy"), in a description that details a title line
 * ("TITLE: Excision ..." then "the lesion was excised"), or in nearby sentences about the same
 * site. Repairs are clustered separately (repairs.ts).
 */
export function clusterProcedures(index: MentionIndex, lex: CompiledLexicon): ProcedureEvent[] {
  const events: ProcedureEvent[] = [];
  const state = { active: -1 };
  const weak: ProcedureMention[] = [];
  for (const m of ofKind(index, "procedure")) {
    if (m.procedure === "repair" || index.doc.sentences[m.sentence]!.section === "pathology")
      continue;
    if (isWeak(m)) {
      weak.push(m);
      continue;
    }
    const method = methodFieldTarget(events, m, index, lex);
    const target = method ?? mergeTarget(events, m, index, state);
    if (target) addAnchor(target, m, index);
    else events.push(newEvent(events.length, m, index));
    if (method) method.ruleIds.push("group.method-field");
    state.active = (target ?? events[events.length - 1]!).index;
  }
  for (const m of weak) {
    const target = weakTarget(events, m, index, lex);
    if (!target && m.needsLesion && !lesionNearby(m, index)) continue;
    const crosses = target && !target.anchors.some((a) => a.sentence === m.sentence);
    if (target && crosses && isBillable(index, m) !== target.assertion.billable) {
      events.push(newEvent(events.length, m, index));
      continue;
    }
    if (target) addAnchor(target, m, index);
    else events.push(newEvent(events.length, m, index));
  }
  return renumber(
    mergeDocumentTitle(dropListHeadings(removalsOfBiopsies(events, index), index), index),
  );
}

/** How many template field lines above a method field the procedure it qualifies may be named. */
const METHOD_FIELD_BACK = 4;

/**
 * "Procedure: Removal of skin tags / Number: 31 / Method: snip excision and hyfrecation": a
 * procedure word in a method field (lexicon procedures `methodFields`) tells how the procedure
 * named in the fields just above it was done; it joins that event instead of being a second
 * procedure on the same lesions. Only over unbroken template field lines of one section, and not
 * when both terms carry codes of their own (a matrixectomy told beside an avulsion).
 */
function methodFieldTarget(
  events: ProcedureEvent[],
  m: ProcedureMention,
  index: MentionIndex,
  lex: CompiledLexicon,
): ProcedureEvent | undefined {
  const label = fieldLabel(index, m.sentence);
  if (label === undefined || !lex.methodFields.has(label) || !startsLine(index, m.sentence))
    return undefined;
  const today = isBillable(index, m);
  for (let k = m.sentence - 1; k >= 0 && k >= m.sentence - METHOD_FIELD_BACK; k--) {
    const named = events.findLast(
      (e) =>
        e.kind !== "unsupported" &&
        e.assertion.billable === today &&
        e.anchors.some((a) => a.sentence === k),
    );
    if (named) {
      if (named.codeKey && m.codeKey && named.codeKey !== m.codeKey) return undefined;
      return named;
    }
    // Only across the template's other field lines ("Site: ...", "Number: 31").
    if (!isFieldLine(index, k) || !startsLine(index, k)) return undefined;
  }
  return undefined;
}

/** The sentence opens its line. */
function startsLine(index: MentionIndex, sentence: number): boolean {
  const s = index.doc.sentences[sentence]!;
  const text = index.doc.text;
  const nl = text.lastIndexOf("\n", s.start - 1);
  // Only white space between the line start and the sentence (a loop: no slice per call).
  for (let i = nl + 1; i < s.start; i++) if (!isSpaceAt(text, i)) return false;
  return true;
}

/**
 * "Shave biopsy of a 6 mm papule on the back. Entire lesion removed flush with the skin.": a
 * shave removal told right after a tangential biopsy (in its sentence or the next), in clauses
 * naming no lesion of their own (no site, count or lesion type), removes the biopsied lesion.
 * One lesion, one procedure: the biopsy was a shave removal of that lesion (reference 4: intent
 * separates them; a biopsy and a shave of the same lesion are not both reported).
 */
function removalsOfBiopsies(events: ProcedureEvent[], index: MentionIndex): ProcedureEvent[] {
  const merged = new Set<ProcedureEvent>();
  for (const o of events) {
    const own = o.anchors.filter((m) => m.procedure === "shave" && !m.weak);
    if (o.kind !== "shave" || own.length === 0) continue;
    const first = o.anchors[0]!;
    if (own.some((m) => m.sentence !== first.sentence || clauseNamesLesion(m, index))) continue;
    const billable = isBillable(index, first);
    const biopsy = events.findLast(
      (e) =>
        e !== o &&
        !merged.has(e) &&
        e.kind === "biopsy" &&
        e.technique === "tangential" &&
        e.assertion.billable === billable &&
        e.anchors.some((a) => restatedAfter(a, first, index)),
    );
    if (!biopsy) continue;
    for (const m of o.anchors) addAnchor(biopsy, m, index);
    biopsy.kind = "shave";
    biopsy.ruleIds.push("group.biopsy-removed-whole");
    merged.add(o);
  }
  return merged.size === 0 ? events : events.filter((e) => !merged.has(e));
}

/** `m` is told after anchor `a`, in its sentence or the next one of its section (not a new item). */
function restatedAfter(a: ProcedureMention, m: ProcedureMention, index: MentionIndex): boolean {
  if (a.start >= m.start) return false;
  if (m.sentence === a.sentence) return true;
  const sentences = index.doc.sentences;
  return (
    m.sentence === a.sentence + 1 &&
    sentences[m.sentence]!.sectionIndex === sentences[a.sentence]!.sectionIndex &&
    !index.itemOpens.has(m.sentence)
  );
}

/**
 * "Excision note", "MOHS SURGERY", "Re-excision of atypical nevus": a short first line of the
 * note names the procedure the templated body details; it joins the body's first procedure of
 * its kind done today (skipping a history line between them) instead of being a lesion of its own.
 */
function mergeDocumentTitle(events: ProcedureEvent[], index: MentionIndex): ProcedureEvent[] {
  const doc = index.doc;
  const first = doc.sentences[0];
  if (!first || doc.text.slice(0, first.start).trim() !== "") return events;
  const line = doc.text.slice(first.start, first.end);
  // A field ("Procedure: Shave biopsy") or a sentence is no title.
  if (/[.:;?!]/.test(line) || first.lastToken - first.firstToken > 6) return events;
  if (doc.text.slice(first.end).trim() === "") return events;
  const title = events.find((e) => e.anchors.every((a) => a.sentence === 0));
  if (!title?.assertion.billable) return events;
  const body = events.find(
    (e) =>
      e !== title &&
      e.assertion.billable &&
      e.anchors.every((a) => a.sentence > 0) &&
      title.anchors.every((a) => compatible(e, a)),
  );
  if (!body) return events;
  for (const a of title.anchors) addAnchor(body, a, index);
  return events.filter((e) => e !== title);
}

/**
 * "Biopsies:" followed by list items that each name a biopsy: the heading is not a procedure of
 * its own; its mentions join the first item.
 */
function dropListHeadings(events: ProcedureEvent[], index: MentionIndex): ProcedureEvent[] {
  const doc = index.doc;
  return events.filter((e) => {
    if (e.anchors.length !== 1 || e.technique) return true;
    const s = doc.sentences[e.anchors[0]!.sentence]!;
    if (!endsWithColon(index, s.index)) return true;
    const next = events.find(
      (o) =>
        o !== e &&
        o.kind === e.kind &&
        o.anchors.some((a) => a.sentence > s.index && a.sentence <= s.index + 2),
    );
    return next === undefined;
  });
}

/** Bare technique words and generic "removal"/"treated" only qualify a procedure named nearby. */
function isWeak(m: ProcedureMention): boolean {
  return m.weak === true || m.procedure === "removal";
}

/** How far (in sentences) a weak mention looks back, and forward, for the procedure it qualifies. */
const WEAK_BACK = 8;
const WEAK_FORWARD = 2;
/** A weak word of a kind ("elliptical incision") looks this far back for a procedure of its kind. */
const WEAK_SAME_KIND = 40;

/**
 * A weak mention joins an event of its own sentence (same kind first), else the closest event
 * named shortly before it ("Procedure: shave removal ... Removed with a DermaBlade"), else one
 * named right after it.
 */
function weakTarget(
  events: ProcedureEvent[],
  m: ProcedureMention,
  index: MentionIndex,
  lex: CompiledLexicon,
): ProcedureEvent | undefined {
  // A procedure named only as an earlier result ("biopsy-proven BCC") is no target for a word of
  // today's treatment ("returns for treatment of a biopsy-proven BCC ... excised the lesion").
  const today = isBillable(index, m);
  const candidates = events.filter(
    (e) =>
      e.kind !== "unsupported" &&
      (!m.ownKindOnly || e.kind === m.procedure) &&
      !(today && e.anchors.every((a) => a.pathologyCue)) &&
      !inOtherTitleItems(e, m, index),
  );
  // "Lesions treated, no biopsy", "Border removed, no matrixectomy", "SK treated today; biopsy
  // if it recurs": a generic word told as done today does not qualify a procedure its sentence
  // names only as not done (negated, planned, someone else's): joining would make that procedure
  // billable. The word looks for the procedure it restates elsewhere.
  const same = candidates.filter(
    (e) =>
      e.anchors.some((a) => a.sentence === m.sentence) &&
      !(today && !e.assertion.billable) &&
      !genericApart(e, m, index, lex),
  );
  if (same.length > 0)
    return same.find((e) => e.kind === m.procedure) ?? methodNamed(same, m, index, lex) ?? same[0];
  // "A: ISK R shoulder." / "P: Removed by shave." / "A: AK scalp." / "P: Treated.": a plan line
  // whose own lesion is named on the line above it is a procedure of its own (unless it goes on
  // telling one its section already named: "P: Excision. ... an elliptical incision ...").
  const section = index.doc.sentences[m.sentence]!.sectionIndex;
  const namedInSection = (e: ProcedureEvent) =>
    e.anchors.some(
      (a) => a.sentence < m.sentence && index.doc.sentences[a.sentence]!.sectionIndex === section,
    );
  if (lesionAbove(m, index) && !candidates.some(namedInSection)) return undefined;
  const before = candidates.filter((e) =>
    e.anchors.some((a) => a.sentence < m.sentence && m.sentence - a.sentence <= WEAK_BACK),
  );
  const closest = (list: ProcedureEvent[]) =>
    list.sort((a, b) => distance(a, m) - distance(b, m))[0];
  const sameKind = candidates.filter(
    (e) =>
      e.kind === m.procedure &&
      e.anchors.some((a) => a.sentence < m.sentence && m.sentence - a.sentence <= WEAK_SAME_KIND),
  );
  if (sameKind.length > 0) {
    const placed = bySite(sameKind, m, index);
    if (placed) return placed;
    // "Second ulcer L dorsal foot 2 x 3 cm debrided": a word whose own sentence names a lesion
    // at a site none of them names is another lesion's procedure.
    // (A heading's list item stays the heading's: "Debridement to subcutaneous tissue:" then items.)
    const heading = sameKind.some((e) => e.anchors.some((a) => endsWithColon(index, a.sentence)));
    if (!heading && ownLesionElsewhere(m, index)) return undefined;
    return closest(sameKind);
  }
  const nextSameKind = candidates.filter(
    (e) =>
      e.kind === m.procedure &&
      e.anchors.some((a) => a.sentence > m.sentence && a.sentence - m.sentence <= WEAK_FORWARD),
  );
  // "A hematoma of the R shin was incised and the clot evacuated. A bulla of the L foot was
  // aspirated.": a word whose own sentence names its lesion and site is no detail of a later
  // procedure placed elsewhere.
  const forward = nextSameKind.filter(
    (e) => !(ownLesionElsewhere(m, index) && placedApart(e, m, index)),
  );
  if (forward.length > 0) return closest(forward);
  const sentences = index.doc.sentences;
  const titled = candidates.filter((e) => {
    const first = sentences[e.anchors[0]!.sentence]!;
    return (
      first.section === "procedure_title" &&
      first.index < m.sentence &&
      (e.kind === "removal" || e.kind === m.procedure)
    );
  });
  if (titled.length > 0) return bySite(titled, m, index) ?? closest(titled);
  // From another sentence, a weak word joins only a procedure of the lesion type its own sentence
  // names ("Removal of 4 skin tags with scissors. LN2 to 1 AK." are two procedures).
  const ownTypes = lesionTypes(index, [m.sentence]);
  const sameType = (e: ProcedureEvent) => {
    if (ownTypes.size === 0) return true;
    const types = lesionTypes(
      index,
      e.anchors.map((a) => a.sentence),
    );
    return types.size === 0 || [...types].some((t) => ownTypes.has(t));
  };
  // "... nail avulsion. The remaining nine toenails required debridement." (or "Her remaining
  // toenails", a whole set): a weak word whose own sentence counts its lesions is a procedure of
  // its own, not a detail of another kind's.
  const counted = inSentence(index, m.sentence, "count").some((c) => !c.vague && !c.ordinal);
  const joinable = (e: ProcedureEvent) =>
    sameType(e) && (!counted || e.kind === m.procedure || m.procedure === "removal");
  const typedBefore = before.filter(joinable);
  // "1. ED&C, vertex scalp. 2. ED&C, left dorsal hand." then "The scalp lesion ... was treated
  // ..." and "The left dorsal hand lesion ... was treated in similar fashion": a word at a site
  // joins the procedure named at that site, not merely the closest one.
  const placed = typedBefore.filter((e) => bySite([e], m, index));
  if (placed.length > 0 && inSentence(index, m.sentence, "site").length > 0) return closest(placed);
  if (typedBefore.length > 0) return closest(typedBefore);
  // "... actinic keratoses on the scalp, which he would prefer to treat with field therapy." then
  // "I performed a shave biopsy of the right temple lesion": a word whose own sentence names its
  // lesion and site is no detail of a later procedure placed elsewhere.
  const elsewhere = ownLesionElsewhere(m, index);
  const after = candidates.filter(
    (e) =>
      e.anchors.some((a) => a.sentence > m.sentence && a.sentence - m.sentence <= WEAK_FORWARD) &&
      joinable(e) &&
      !(elsewhere && placedApart(e, m, index)),
  );
  return closest(after);
}

/**
 * Each numbered item of a procedure list names a procedure of its own ("1. I&D of gluteal
 * abscess. 2. Removal of pigtail catheter."): a weak word of one item never qualifies a procedure
 * named only in other items of the same list.
 */
function inOtherTitleItems(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  const sentences = index.doc.sentences;
  const own = sentences[m.sentence]!;
  const item = index.listNumber.get(m.sentence);
  if (item === undefined || own.section !== "procedure_title") return false;
  return e.anchors.every((a) => {
    const other = index.listNumber.get(a.sentence);
    return (
      sentences[a.sentence]!.sectionIndex === own.sectionIndex &&
      other !== undefined &&
      other !== item
    );
  });
}

/**
 * "pared and treated with cryotherapy", "removed by shave": the event whose word follows the
 * weak word's method word (lexicon procedures `methodWords`), past an article.
 */
function methodNamed(
  events: ProcedureEvent[],
  m: ProcedureMention,
  index: MentionIndex,
  lex: CompiledLexicon,
): ProcedureEvent | undefined {
  const { tokens, canon } = index.doc;
  let k = tokenAt(tokens, m.end);
  if (!lex.methodWords.has(canon[k] ?? "")) return undefined;
  k++;
  if (ARTICLES.has(canon[k] ?? "")) k++;
  const at = tokens[k]?.start;
  return at === undefined ? undefined : events.find((e) => e.anchors.some((a) => a.start === at));
}

/** The weak word's own sentence names a lesion and a site of its own. */
function ownLesionElsewhere(m: ProcedureMention, index: MentionIndex): boolean {
  return (
    inSentence(index, m.sentence, "site").length > 0 &&
    inSentence(index, m.sentence, "histology").length > 0
  );
}

/** The specific lesion types (not "lesion", "growth") named in some sentences. */
function lesionTypes(index: MentionIndex, sentences: number[]): Set<string> {
  const out = new Set<string>();
  for (const s of new Set(sentences))
    for (const h of inSentence(index, s, "histology"))
      if (h.malignancy !== "unknown") out.add(h.histology);
  return out;
}

function distance(e: ProcedureEvent, m: ProcedureMention): number {
  return Math.min(...e.anchors.map((a) => Math.abs(a.sentence - m.sentence)));
}

/** Events in note order with indexes 0..n-1 (weak mentions may have added late ones). */
function renumber(events: ProcedureEvent[]): ProcedureEvent[] {
  for (const e of events) {
    e.anchors.sort((a, b) => a.start - b.start);
    e.scope = [...new Set(e.anchors.map((a) => a.sentence))];
  }
  events.sort((a, b) => a.anchors[0]!.start - b.anchors[0]!.start);
  events.forEach((e, i) => {
    e.index = i;
    e.lesion = i;
  });
  return events;
}

function newEvent(i: number, m: ProcedureMention, index: MentionIndex): ProcedureEvent {
  const assertion = index.assertions.get(m.id) ?? AFFIRMED;
  return {
    index: i,
    kind: m.procedure,
    ...(m.technique ? { technique: m.technique } : {}),
    ...(m.codeKey ? { codeKey: m.codeKey } : {}),
    ...(m.unsupported ? { unsupported: m.unsupported } : {}),
    anchors: [m],
    scope: [m.sentence],
    sizes: [],
    derived: {},
    lesions: [],
    count: 1,
    countSource: "default",
    skin: "unknown",
    pathology: "none",
    malignancy: "unknown",
    assertion: namedInDiagnosis(m, index) ?? assertion,
    lesion: i,
    evidence: [m],
    issues: [],
    ruleIds: [m.ruleId],
  };
}

function addAnchor(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): void {
  const onlyWeak = e.anchors.every((a) => isWeak(a));
  e.anchors.push(m);
  e.evidence.push(m);
  e.ruleIds.push(m.ruleId);
  if ((onlyWeak && !isWeak(m)) || (e.kind === "removal" && m.procedure !== "removal")) {
    e.kind = m.procedure;
    if (m.technique) e.technique = m.technique;
  }
  if (!e.technique && m.technique && (m.procedure === e.kind || m.procedure === "removal")) {
    e.technique = m.technique;
  }
  // A bare technique word joining another procedure ("tangential (shave) biopsy") lends its technique.
  if (!e.technique && m.weak && m.technique && m.procedure !== e.kind) e.technique = m.technique;
  if (!e.codeKey && m.codeKey) e.codeKey = m.codeKey;
  if (!e.scope.includes(m.sentence)) e.scope.push(m.sentence);
  if (!e.assertion.billable && isBillable(index, m))
    e.assertion = index.assertions.get(m.id) ?? AFFIRMED;
}

function compatible(e: ProcedureEvent, m: ProcedureMention): boolean {
  if (e.kind === "unsupported" || m.procedure === "unsupported") return false;
  const sameKind = e.kind === m.procedure || e.kind === "removal" || m.procedure === "removal";
  if (!sameKind) return false;
  const kind = e.kind === "removal" ? m.procedure : e.kind;
  if (kind === "biopsy" && e.technique && m.technique && e.technique !== m.technique) return false;
  // Terms with their own codes (a PDT beside UVB, an avulsion beside a matrixectomy) stay apart.
  if (e.codeKey && m.codeKey && e.codeKey !== m.codeKey) return false;
  return true;
}

function mergeTarget(
  events: ProcedureEvent[],
  m: ProcedureMention,
  index: MentionIndex,
  state: { active: number },
): ProcedureEvent | undefined {
  const sentences = index.doc.sentences;
  const sameSentence = events.findLast((e) => e.anchors.some((a) => a.sentence === m.sentence));
  if (sameSentence && compatible(sameSentence, m))
    return namedApart(sameSentence, m, index) ? undefined : sameSentence;
  const section = sentences[m.sentence]!.section;
  const mSection = sentences[m.sentence]!.sectionIndex;
  // A description after a title list ("TITLE OF PROCEDURES: 1. Excision ... PROCEDURE: An
  // elliptical incision ...") details the titled procedures, even under a title-like header.
  const titledBefore = (e: ProcedureEvent) => {
    const first = sentences[e.anchors[0]!.sentence]!;
    return (
      first.section === "procedure_title" &&
      (DETAIL_SECTIONS.has(section) || first.sectionIndex < mSection)
    );
  };
  if (DETAIL_SECTIONS.has(section) || section === "procedure_title") {
    // "Procedure: Shave biopsy / Location: R upper arm" then "Procedure: Shave biopsy /
    // Location: nasal tip": a block placed at another site is another lesion, not a detail.
    const titled = events.filter(
      (e) => titledBefore(e) && compatible(e, m) && !placedApart(e, m, index),
    );
    if (titled.length === 1) return titled[0];
    if (titled.length > 1)
      return bySite(titled, m, index) ?? titled.find((e) => e.index === state.active) ?? titled[0];
  }
  // A procedure note detailing a procedure the assessment named ("1. NUB, left ala - shave
  // biopsy today, see procedure note" ... "Procedure: ... shave biopsy was performed") at the
  // same site is that procedure.
  if (TITLE_SECTIONS.has(section)) {
    const listed = events.filter(
      (e) =>
        compatible(e, m) &&
        PROBLEM_SECTIONS.has(sentences[e.anchors[0]!.sentence]!.section) &&
        sentences[e.anchors[0]!.sentence]!.sectionIndex < mSection,
    );
    const same = listed.length > 0 ? bySite(listed, m, index) : undefined;
    if (same) return same;
  }
  const last = events.findLast((e) => compatible(e, m));
  if (!last || placedApart(last, m, index) || renamedApart(last, m, index)) return undefined;
  // "Re-excision ... on SCC excised 6 wks ago. Scar 2.0 cm, excised ...": the event's last
  // anchor of the mention's own billing status is the one the mention continues.
  const billable = isBillable(index, m);
  const lastAnchor =
    last.anchors.findLast((a) => isBillable(index, a) === billable) ??
    last.anchors[last.anchors.length - 1]!;
  const titles = (k: number) => TITLE_SECTIONS.has(sentences[k]!.section);
  const siteless = !last.anchors.some((a) => inSentence(index, a.sentence, "site").length > 0);
  const sameSection =
    sentences[lastAnchor.sentence]!.sectionIndex === sentences[m.sentence]!.sectionIndex ||
    (siteless &&
      titles(lastAnchor.sentence) &&
      titles(m.sentence) &&
      events[events.length - 1] === last);
  const sameBilling = isBillable(index, lastAnchor) === billable;
  const itemA = index.listNumber.get(lastAnchor.sentence);
  const itemB = index.listNumber.get(m.sentence);
  if (itemA !== undefined && itemB !== undefined && itemA !== itemB) return undefined;
  if (!sameSection || !sameBilling) return undefined;
  const sites = sitesOnLine(m.sentence, index);
  const near = m.sentence - lastAnchor.sentence <= MERGE_DISTANCE;
  // Far apart in one section, a mention with no site of its own ("after this minor punch
  // biopsy procedure") still names the same procedure when no other event came between.
  const between = events.some(
    (e) => e !== last && e.assertion.billable && e.anchors[0]!.sentence > lastAnchor.sentence,
  );
  if (!near && (sites.length > 0 || between)) return undefined;
  if (sites.length === 0) return last;
  if (!last.anchors.some((a) => sitesOnLine(a.sentence, index).length > 0)) {
    // "Attention was first turned to the right dorsal hand ... the lesion was excised. Attention
    // was then turned to the left shoulder, where a nevus was excised": the narrative had placed
    // the earlier procedure at another site.
    const told = currentSites(lastAnchor, index);
    const elsewhere =
      told.length > 0 &&
      lastAnchor.sentence < m.sentence &&
      !told.some((t) => sites.some((x) => sameSite(x, t) && !otherSide(t, x)));
    return elsewhere ? undefined : last;
  }
  // Told on one list item's line ("1. BCC, R upper back ... ED&C ... final curettage defect"):
  // the line's site is both mentions' site.
  if (last.anchors.some((a) => sitesOnLine(a.sentence, index).some((x) => sites.includes(x))))
    return last;
  // "Procedure: excision benign lesion trunk." then "Excision of a 1.6 cm cyst on the flank":
  // a title line names the region, the detail the exact site in it.
  const bySiteGroup = () =>
    titles(lastAnchor.sentence) && sameSiteGroup(last, m, index) ? last : undefined;
  return bySite([last], m, index) ?? bySiteGroup();
}

/** What a procedure of this kind on the lesions a sentence names is ("nail:avulsion"; "" for itself). */
function renamedIn(sentence: number, procedure: string, index: MentionIndex): string | undefined {
  // A generic word ("the lesion") names no lesion type of its own.
  const lesions = inSentence(index, sentence, "histology").filter(namesLesionType);
  if (lesions.length === 0) return undefined;
  const as = lesions.map((h) => h.procedureAs?.[procedure]).find((x) => x !== undefined);
  return as ? `${as.procedure}:${as.codeKey ?? ""}` : "";
}

/**
 * "The benign lesions were excised from the area plantar to the first and fifth metatarsal heads.
 * The medial aspect of the left great toenail was excised.": two sentences naming lesions on
 * which the procedure is a different one (an excised toenail is a nail avulsion, an excised
 * plantar lesion an excision) are two procedures, whatever site they share.
 */
function renamedApart(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  const mine = renamedIn(m.sentence, m.procedure, index);
  if (mine === undefined) return false;
  const theirs = e.anchors
    .filter((a) => a.sentence !== m.sentence)
    .map((a) => renamedIn(a.sentence, a.procedure, index))
    .filter((x) => x !== undefined);
  return theirs.length > 0 && !theirs.includes(mine);
}

function sameSiteGroup(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  const mine = currentSites(m, index);
  return e.anchors.some((a) =>
    inSentence(index, a.sentence, "site").some((s) =>
      mine.some(
        (t) =>
          t.siteGroup !== undefined &&
          t.siteGroup === s.siteGroup &&
          (t.laterality ?? s.laterality) === (s.laterality ?? t.laterality),
      ),
    ),
  );
}

/**
 * "Removal of 12 skin tags from the neck ...; a cyst on the back was also excised": a generic
 * removal and a named procedure of its sentence, with a site and a ";" or "and" between them,
 * are two procedures. So is a weak word of another kind in its own clause ("Two SKs on the back
 * were shaved, and a cyst on the neck was excised"; "AKs were frozen and an SK on the back was
 * shaved"), unless it names a technique of the event's kind: it names its own procedure on its
 * own lesion, not the method of the other one.
 */
function genericApart(
  e: ProcedureEvent,
  m: ProcedureMention,
  index: MentionIndex,
  lex: CompiledLexicon,
): boolean {
  if (e.kind === "removal" || e.kind === m.procedure) return false;
  if (m.procedure !== "removal") {
    // "Two biopsies: a punch of the arm and a shave of the back": a technique of the event's own
    // kind names how it was done.
    if (m.technique && lex.techniqueKinds.get(m.technique)?.has(e.kind)) return false;
    return clausesApart(e, m, index);
  }
  if (!coordinatedApart(e, m, index)) return false;
  // "Excimer laser to psoriasis: 5 patches on the elbows and 3 patches on the knees, total 180 sq
  // cm treated today": what a treatment of areas treats is its patches, not a lesion removed; a
  // generic word of its sentence whose clause names no lesion (only places, counts, a rash) is
  // that treatment told again.
  if (AREA_TREATMENTS.has(e.kind) && !clauseNamesLesional(m, index)) return false;
  // A restatement shares the billing status of the removal it restates.
  const billable = isBillable(index, m);
  const restates = e.anchors.some(
    (a) => a.sentence === m.sentence && isBillable(index, a) === billable,
  );
  return !restates || clauseNamesLesion(m, index);
}

/**
 * A weak word of another kind and the event's nearest word of its sentence stand in two clauses
 * parted by a clause joiner (own-clauses.ts), and each clause names a lesion of its own.
 */
function clausesApart(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  const a = nearestInSentence(e, m);
  if (!a) return false;
  const [first, second] = a.start < m.start ? [a, m] : [m, a];
  if (clauseCut(index, m.sentence, first.end, second.start) === undefined) return false;
  return (
    namesLesionIn(clauseAround(index, a), a, index) &&
    namesLesionIn(clauseAround(index, m), m, index)
  );
}

/** The clause of a generic removal word names a lesion a procedure can remove (not a rash). */
function clauseNamesLesional(m: ProcedureMention, index: MentionIndex): boolean {
  const s = index.doc.sentences[m.sentence]!;
  const cuts = tokensIn(index, s.start, s.end, EVENT_COORDINATORS);
  const from = cuts.findLast((at) => at < m.start) ?? s.start;
  const to = cuts.find((at) => at >= m.end) ?? s.end;
  return inSentence(index, m.sentence, "histology").some(
    (h) => h.start >= from && h.start < to && h.lesional && namesLesionType(h),
  );
}

/**
 * The clause of a generic removal word (between the coordinators around it) names a lesion of its
 * own: a site, a count or a specific lesion type ("Removal of 12 skin tags from the neck"). A bare
 * restatement ("Shave removal of a 1.5 cm SK L forearm; removed in its entirety", "...; lesion
 * completely removed") names none: it tells the same removal again.
 */
function clauseNamesLesion(m: ProcedureMention, index: MentionIndex): boolean {
  const s = index.doc.sentences[m.sentence]!;
  const cuts = tokensIn(index, s.start, s.end, EVENT_COORDINATORS);
  const from = cuts.findLast((at) => at < m.start) ?? s.start;
  const to = cuts.find((at) => at >= m.end) ?? s.end;
  return namesLesionIn({ from, to }, m, index);
}

/**
 * "Biopsy of the left arm lesion by punch, and a shave biopsy of the back lesion": a procedure
 * named again after a site and a coordinator in the same sentence is a second procedure.
 */
function namedApart(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  if (isWeak(m) || e.kind !== m.procedure) return false;
  if (!e.anchors.some((a) => a.sentence === m.sentence && !isWeak(a))) return false;
  const a = nearestInSentence(e, m)!;
  // "Cryotherapy to 3 warts 2 weeks ago; today ED&C of a BCC": a procedure told in another
  // clause with another billing status (done earlier, planned, not done) is another procedure.
  if (
    !isWeak(a) &&
    isBillable(index, a) !== isBillable(index, m) &&
    coordinatorsBetween(a, m, index).length > 0
  )
    return true;
  // Kinds coded per lesion are split into their clauses later (splitLesions), unless the two
  // clauses name other techniques and each its own lesion type: "LN2 to 5 AKs on the face; ED&C
  // of a BCC on the arm" are two destructions (the counted AKs and the cancer), not one with both
  // techniques ("ED&C of the BCC; then LN2 to the base" stays one).
  if (splitPerLesion(e.kind)) {
    if (!a.technique || !m.technique || a.technique === m.technique) return false;
    if (!clauseNamesLesional(a, index) || !clauseNamesLesional(m, index)) return false;
  }
  return sitesApart(a, m, index);
}

/** Offsets of the coordinators ("and", ";", ...) between two mentions of one sentence. */
function coordinatorsBetween(a: ProcedureMention, m: ProcedureMention, index: MentionIndex) {
  return tokensIn(index, Math.min(a.end, m.end), Math.max(a.start, m.start), EVENT_COORDINATORS);
}

/** The event's mention nearest to m in m's sentence (undefined when it has none there). */
function nearestInSentence(e: ProcedureEvent, m: ProcedureMention): ProcedureMention | undefined {
  let a: ProcedureMention | undefined;
  for (const x of e.anchors)
    if (
      x.sentence === m.sentence &&
      (!a || Math.abs(x.start - m.start) < Math.abs(a.start - m.start))
    )
      a = x;
  return a;
}

function coordinatedApart(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  // The event's mention nearest to m in its sentence ("... and an SK treated with LN2").
  const a = nearestInSentence(e, m);
  return a !== undefined && sitesApart(a, m, index);
}

/** A site and a coordinator that joins no list of sites stand between a and m. */
function sitesApart(a: ProcedureMention, m: ProcedureMention, index: MentionIndex): boolean {
  const from = Math.min(a.end, m.end);
  const to = Math.max(a.start, m.start);
  const between = (x: { start: number; end: number }) => x.start >= from && x.end <= to;
  const sites = inSentence(index, m.sentence, "site");
  if (!sites.some(between)) return false;
  // "on the cheek and temple", "neck and the left axilla": a joiner right before a site (its
  // side included in the site's span) lists sites, not procedures.
  const { tokens, canon } = index.doc;
  const listsSite = (at: number) => {
    let k = tokenAt(tokens, at) + 1;
    if (ARTICLES.has(canon[k] ?? "")) k++;
    const next = tokens[k]?.start;
    return next !== undefined && sites.some((x) => x.start === next);
  };
  return coordinatorsBetween(a, m, index).some((at) => !listsSite(at));
}

/** The site a narrative is at when it names a procedure: in its sentence, else the last one named before it in its section. */
function currentSites(m: ProcedureMention, index: MentionIndex) {
  const sentences = index.doc.sentences;
  for (
    let k = m.sentence;
    k >= 0 && sentences[k]!.sectionIndex === sentences[m.sentence]!.sectionIndex;
    k--
  ) {
    const sites = inSentence(index, k, "site").filter(
      (s) => k < m.sentence || s.start < m.end + 80,
    );
    if (sites.length > 0) return sites;
  }
  return [];
}

type Block = { sites: SiteMention[]; sided: SiteMention[] };
const blocks = new WeakMap<MentionIndex, Map<ProcedureMention, Block>>();

/**
 * A mention's block sites, and the same with their sides: placedApart tests a mention against
 * every earlier event, so each mention's block is read once per note.
 */
function blockOf(p: ProcedureMention, index: MentionIndex): Block {
  let known = blocks.get(index);
  if (!known) {
    known = new Map();
    blocks.set(index, known);
  }
  let block = known.get(p);
  if (!block) {
    const sites = blockSites(p, index);
    block = { sites, sided: withSides(sites) };
    known.set(p, block);
  }
  return block;
}

/** Sites of a procedure's block: its sentence, else the field lines after it ("Location: ..."). */
function blockSites(p: ProcedureMention, index: MentionIndex): SiteMention[] {
  const sentences = index.doc.sentences;
  const own = inSentence(index, p.sentence, "site");
  if (own.length > 0) return own;
  for (let k = p.sentence + 1; k < sentences.length && k <= p.sentence + 6; k++) {
    if (inSentence(index, k, "procedure").some((x) => x.procedure !== "repair")) break;
    if (!isFieldLine(index, k)) continue;
    const sites = inSentence(index, k, "site");
    if (sites.length > 0) return sites;
  }
  return [];
}

/** The sided block sites of an event's anchors, kept while its anchors are the same. */
const eventBlocks = new WeakMap<
  ProcedureEvent,
  { anchors: ProcedureMention[]; n: number; sided: SiteMention[] }
>();

/**
 * placedApart asks this of every earlier event for each mention; while clustering, an event's
 * anchors only grow (addAnchor pushes), so its array and length tell whether it is still valid.
 */
function sidedBlocks(e: ProcedureEvent, index: MentionIndex): SiteMention[] {
  if (e.anchors.length === 1) return blockOf(e.anchors[0]!, index).sided;
  const known = eventBlocks.get(e);
  if (known && known.anchors === e.anchors && known.n === e.anchors.length) return known.sided;
  const sided = withSides(e.anchors.flatMap((a) => blockOf(a, index).sites));
  eventBlocks.set(e, { anchors: e.anchors, n: e.anchors.length, sided });
  return sided;
}

/**
 * Both blocks name a site, and no site of one can be a site of the other: none is the same site,
 * or a region holding it ("trunk" holds the flank: a site named as its ICD region), on a
 * compatible side.
 */
function placedApart(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): boolean {
  const mine = blockOf(m, index).sided;
  if (mine.length === 0) return false;
  const theirs = sidedBlocks(e, index);
  if (theirs.length === 0) return false;
  return !theirs.some((s) =>
    mine.some((t) => (sameSite(t, s) || holds(t, s) || holds(s, t)) && !otherSide(t, s)),
  );
}

/** A site named as its ICD region ("trunk") holds every site of that region. */
function holds(region: SiteMention, site: SiteMention): boolean {
  return (
    region.icdSite !== undefined &&
    region.site === region.icdSite &&
    site.icdSite === region.icdSite
  );
}

function bySite(candidates: ProcedureEvent[], m: ProcedureMention, index: MentionIndex) {
  const sites = currentSites(m, index);
  return candidates.find((e) =>
    e.anchors.some((a) =>
      inSentence(index, a.sentence, "site").some((s) =>
        sites.some((t) => sameSite(t, s) && !otherSide(t, s)),
      ),
    ),
  );
}

/**
 * A procedure named only in a diagnosis line ("Melanoma, left temple (punch biopsy)") tells how
 * the diagnosis was made, not what was done today; it is kept, not billed.
 */
function namedInDiagnosis(m: ProcedureMention, index: MentionIndex): Assertion | undefined {
  if (index.doc.sentences[m.sentence]!.section !== "diagnosis") return undefined;
  const a = index.assertions.get(m.id) ?? AFFIRMED;
  if (!a.billable) return undefined;
  return {
    ...a,
    temporality: "historical",
    billable: false,
    reason: "named in a diagnosis line, not a procedure of this visit",
    ruleIds: [...a.ruleIds, "group.diagnosis-line"],
  };
}

/** The plan line of the mention refers back to a line naming a lesion (antecedent.ts). */
function lesionAbove(m: ProcedureMention, index: MentionIndex): boolean {
  return antecedentLine(index, m.sentence).some(
    (k) => inSentence(index, k, "histology").length > 0,
  );
}

/**
 * A lesion is named in the mention's sentence or the one before it ("Acrochordons x5, neck.
 * Removed with scissors."), or in the first item of the list the mention's sentence heads.
 */
function lesionNearby(m: ProcedureMention, index: MentionIndex): boolean {
  const sentences = index.doc.sentences;
  const prev = sentences[m.sentence - 1];
  const same = prev !== undefined && prev.sectionIndex === sentences[m.sentence]!.sectionIndex;
  // "Debridement of wounds:" over "1. Left heel ulcer ...": a heading's lesion is its first item's.
  const next = sentences[m.sentence + 1];
  const heads =
    next !== undefined &&
    next.sectionIndex === sentences[m.sentence]!.sectionIndex &&
    endsWithColon(index, m.sentence) &&
    index.listNumber.has(next.index);
  return (
    inSentence(index, m.sentence, "histology").length > 0 ||
    (same && inSentence(index, m.sentence - 1, "histology").length > 0) ||
    (heads && inSentence(index, m.sentence + 1, "histology").length > 0) ||
    lesionAbove(m, index)
  );
}
