import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { EditRule } from "../schemas/edits.ts";
import type { ProcedureMention, SiteMention } from "../types.ts";
import { inSentence, type MentionIndex, stepsJoined } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * Lesion identity: a biopsy and a definitive procedure treat the same lesion when they are
 * described in one sentence ("shave bx ..., then ED&C of the base"), when the definitive one
 * refers back ("the same lesion", "the previously biopsied site"), or when both name the same
 * site and side and the note does not call them different lesions.
 */
export function linkLesions(
  events: ProcedureEvent[],
  index: MentionIndex,
  lex: CompiledLexicon,
): void {
  // Read the whole note for a "different lesion" phrase only when two events could be linked.
  let distinct: boolean | undefined;
  linkContained(events, index);
  flapSites(events);
  const pairs = linkRules(lex);
  for (const b of events) {
    if (!b.assertion.billable) continue;
    const rules = pairs.filter((r) => r.drop.includes(b.kind as never));
    for (const d of events) {
      if (
        d === b ||
        !rules.some((r) => r.when.includes(d.kind as never) && lesionTypeAllows(r, b, d)) ||
        !d.assertion.billable ||
        d.lesion === b.lesion
      )
        continue;
      distinct ??= mentionsDistinct(index, lex);
      if (sameLesion(b, d, index, distinct)) {
        b.lesion = d.lesion;
        break;
      }
    }
  }
}

type SameLesionRule = Extract<EditRule, { kind: "sameLesion" }>;
const linkRulesMemo = new WeakMap<readonly EditRule[], SameLesionRule[]>();

/** The same-lesion rules that link lesions, chosen once per rule list (not once per note). */
function linkRules(lex: CompiledLexicon): SameLesionRule[] {
  const all = lex.source.edits.rules;
  let pairs = linkRulesMemo.get(all);
  if (!pairs) {
    // A rule that goes by site (bySite) needs no linked lesion.
    pairs = all.flatMap((r) => (r.kind === "sameLesion" && !r.bySite ? [r] : []));
    linkRulesMemo.set(all, pairs);
  }
  return pairs;
}

/** A flap's site is the site of the defect it closes; its own site word may name its donor area. */
function flapSites(events: ProcedureEvent[]): void {
  for (const f of events) {
    if (f.kind !== "flap") continue;
    const closed = events.find(
      (x) => x !== f && x.lesion === f.lesion && x.kind !== "flap" && x.site,
    );
    if (closed?.site) f.site = closed.site;
  }
}

const CONTAINERS = new Set(["mohs", "unsupported", "flap"]);
const CONTAINED = new Set(["excision", "destruction", "shave"]);

/**
 * Mohs includes the excision of its tumour, and a flap or graft includes the excision of the
 * defect it closes: excisions described in the same section as one are the same lesion.
 */
function linkContained(events: ProcedureEvent[], index: MentionIndex): void {
  const sections = (e: ProcedureEvent) =>
    new Set(e.anchors.map((a) => index.doc.sentences[a.sentence]!.sectionIndex));
  for (const c of events) {
    if (!CONTAINERS.has(c.kind) || !c.assertion.billable) continue;
    if (c.kind === "unsupported" && !c.anchors.some((a) => a.closesDefect)) continue;
    const own = sections(c);
    if (c.kind === "flap") {
      // A flap after Mohs closes the Mohs defect: it joins that lesion (Mohs is reported with it).
      // So does a flap whose own sentence names the Mohs after it ("rotation flap repair of the
      // cheek defect after Mohs", "advancement flap to close the Mohs defect").
      const at = c.anchors[0]!.start;
      const told = new Set(c.anchors.map((a) => a.sentence));
      const mohs = events
        .filter((e) => e.kind === "mohs" && e.assertion.billable)
        .filter((e) => e.anchors[0]!.start < at || e.anchors.some((a) => told.has(a.sentence)))
        .filter((e) => !apart(e, c))
        .sort((a, b) => a.anchors[0]!.start - b.anchors[0]!.start)
        .at(-1);
      if (mohs) c.lesion = mohs.lesion;
    }
    for (const e of events) {
      if (!CONTAINED.has(e.kind) || e === c || apart(e, c)) continue;
      if (c.kind === "flap" && !closesNear(e, c)) continue;
      if ([...sections(e)].some((s) => own.has(s)) || mohsStep(e, c)) e.lesion = c.lesion;
    }
  }
}

/**
 * "I performed the excisions and read the frozen sections": in a Mohs note, an excision (or
 * shave, or destruction) at a site not apart from the Mohs site and of no other diagnosis is a
 * step of the Mohs procedure, wherever it is told.
 */
function mohsStep(e: ProcedureEvent, mohs: ProcedureEvent): boolean {
  if (mohs.kind !== "mohs") return false;
  const a = e.histology?.histology;
  const b = mohs.histology?.histology;
  return a === undefined || b === undefined || a === b;
}

/**
 * A flap or graft often names its donor area ("glabellar rotation flap" closing a canthal defect):
 * it is apart from a lesion only in another lesion site group or on the other side.
 */
function apart(e: ProcedureEvent, container: ProcedureEvent): boolean {
  if (container.kind === "mohs") return differentSites(e, container);
  return apartInSiteGroup(e.site, container.site);
}

/** Two sites in different lesion site groups, or on opposite sides (unknown sites are not apart). */
export function apartInSiteGroup(a?: SiteMention, b?: SiteMention): boolean {
  if (!a || !b) return false;
  return a.siteGroup !== b.siteGroup || otherSide(a, b);
}

/** Both sites name a side, and not the same one. */
export function otherSide(a: SiteMention, b: SiteMention): boolean {
  return Boolean(a.laterality && b.laterality && a.laterality !== b.laterality);
}

/** A flap closes a defect described in its own sentence or in the few sentences before it. */
const FLAP_REACH = 3;
function closesNear(e: ProcedureEvent, flap: ProcedureEvent): boolean {
  const described = [...e.anchors.map((a) => a.sentence), ...e.scope];
  return flap.anchors.some((f) =>
    described.some((s) => s <= f.sentence && f.sentence - s <= FLAP_REACH),
  );
}

function sameLesion(
  b: ProcedureEvent,
  d: ProcedureEvent,
  index: MentionIndex,
  distinct: boolean,
): boolean {
  const bSentences = new Set(b.anchors.map((a) => a.sentence));
  // "two plantar warts were pared and frozen": words told as steps of one action treat the same
  // lesions, whatever site each event took from the rest of the sentence.
  // (A step on a non-skin organ, "the renal biopsy ... and excised", stays that organ's.)
  const onSkin = b.skin !== "organ" && d.skin !== "organ";
  if (onSkin && b.anchors.some((x) => d.anchors.some((y) => coordinated(x, y, index)))) return true;
  if (d.anchors.some((a) => bSentences.has(a.sentence))) return !differentSites(b, d);
  // The later of the two refers back to the earlier ("excision of the previously biopsied site",
  // "cryotherapy to the margins of the excision site").
  const refers = (e: ProcedureEvent) =>
    e.scope.some((s) => inSentence(index, s, "lesion_ref").length > 0);
  const [first, later] = d.anchors[0]!.start > b.anchors[0]!.start ? [b, d] : [d, b];
  if (refers(later) && first !== later && !differentSites(b, d)) return true;
  if (distinct || !b.site || !d.site || b.count > 1 || d.count > 1) return false;
  return (
    b.site.site === d.site.site &&
    b.site.laterality === d.site.laterality &&
    !otherDigit(b.site, d.site) &&
    !d.siteInferred &&
    !b.siteInferred
  );
}

/** Two procedure words of one sentence told as steps of one action ("pared and then frozen"). */
function coordinated(a: ProcedureMention, b: ProcedureMention, index: MentionIndex): boolean {
  if (a.sentence !== b.sentence) return false;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return first.end <= second.start && stepsJoined(index, first, second);
}

/**
 * Two events named at different sites, on opposite sides, or on different digits ("right great
 * toe", "right fifth toe"); an event without a site differs from none.
 */
export function differentSites(b: ProcedureEvent, d: ProcedureEvent): boolean {
  if (!b.site || !d.site || b.site === d.site) return false;
  return b.site.site !== d.site.site || otherSide(b.site, d.site) || otherDigit(b.site, d.site);
}

/** Both sites name one digit, and not the same one. */
function otherDigit(a: SiteMention, b: SiteMention): boolean {
  if (!a.digit || !b.digit) return false;
  return a.digit.limb !== b.digit.limb || a.digit.digit !== b.digit.digit;
}

function mentionsDistinct(index: MentionIndex, lex: CompiledLexicon): boolean {
  return lex.distinctLesion.occursIn(
    index.doc.canon,
    0,
    index.doc.canon.length,
    index.doc.canonIds,
  );
}

/**
 * A same-lesion rule's lesion-type condition (edits.json `sameHistology`, `anyTypeInSentence`)
 * holds for a procedure dropped into another.
 */
export function lesionTypeAllows(
  rule: { sameHistology?: boolean; anyTypeInSentence?: boolean },
  dropped: ProcedureEvent,
  including: ProcedureEvent,
): boolean {
  if (!rule.sameHistology || sameLesionType(dropped, including)) return true;
  if (!rule.anyTypeInSentence) return false;
  const told = new Set(including.anchors.map((a) => a.sentence));
  return dropped.anchors.some((a) => told.has(a.sentence));
}

/**
 * The dropped event names no lesion type, or the same one as the procedure that includes it, or
 * one is a kind of the other or both kinds of one type (a wart and a plantar wart).
 */
export function sameLesionType(dropped: ProcedureEvent, including: ProcedureEvent): boolean {
  const a = dropped.histology;
  const b = including.histology;
  if (a === undefined || a.histology === b?.histology) return true;
  if (b === undefined) return false;
  const broad = (h: typeof a) => h.kindOf ?? h.histology;
  return broad(a) === broad(b);
}
