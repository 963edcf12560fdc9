import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Issue, ProcedureMention } from "../types.ts";
import { attachAttributes } from "./attributes.ts";
import { clusterProcedures } from "./cluster.ts";
import { colonListIssues } from "./counted-list.ts";
import { attachCounts } from "./counts.ts";
import { derivePathology, deriveSizes, isLesionSize } from "./derive.ts";
import { continueEllipticalItems } from "./elliptical-items.ts";
import { sentenceEncounters } from "./encounters.ts";
import { attachHeaderSizes } from "./header-sizes.ts";
import { isBillable, type MentionIndex } from "./index-mentions.ts";
import { applyLesionProcedure, applyRemovalIntent, lendWoundArea } from "./intent.ts";
import { differentSites, linkLesions } from "./lesions.ts";
import { readMohs } from "./mohs.ts";
import { splitMohsTumours } from "./mohs-tumours.ts";
import { markNotBilled } from "./not-billed.ts";
import { splitOrdinalItems } from "./ordinal-items.ts";
import { markOwnClauses } from "./own-clauses.ts";
import { sizesByPlace } from "./place-sizes.ts";
import { repairEvents } from "./repairs.ts";
import { anchorOwners, eventScope } from "./scope.ts";
import { skinEvidence } from "./skin.ts";
import { splitLesions } from "./split.ts";
import { markRetoldAreas, markRetoldCounts } from "./told-twice.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * Groups live and excluded mentions into procedure events: one per procedure on a lesion (or per
 * treated area), with site, sizes, histology, count and pathology attached, and the derived
 * measurements (excised diameter, repair length, treated area) computed once.
 */
export function groupEvents(index: MentionIndex, lex: CompiledLexicon): ProcedureEvent[] {
  const clustered = clusterProcedures(index, lex);
  markOwnClauses(clustered, index);
  const owners = anchorOwners(clustered);
  const nearOf = new Map<ProcedureEvent, number[]>();
  const scopes = clustered.map((e) => eventScope(e, owners, index));
  // The events that retell each told event.
  const tellers = new Map<ProcedureEvent, ProcedureEvent[]>();
  clustered.forEach((e, i) => {
    nearOf.set(e, scopes[i]!.near);
    attachAttributes(e, scopes[i]!, index, lex);
    applyRemovalIntent(e, index, lex);
    const told = applyLesionProcedure(e, scopes[i]!, index, clustered);
    if (told) {
      const list = tellers.get(told);
      if (list) list.push(e);
      else tellers.set(told, [e]);
    }
  });
  for (const [told, list] of tellers) for (const e of list) lendWoundArea(e, told);
  // Counts once every event has its diagnosis: a count of another event's lesions is not its own.
  const anchors = new Set<ProcedureMention>();
  for (const e of clustered) for (const a of e.anchors) anchors.add(a);
  clustered.forEach((e, i) => {
    const scope = scopes[i]!;
    attachCounts(e, scope.near, index, clustered, anchors, lex);
    derivePathology(e, [...scope.near, ...scope.linked], index);
    e.skin = skinEvidence(e, scope.close, index, tellers.get(e) ?? []);
  });
  colonListIssues(clustered, index);
  markRetoldCounts(clustered, index);
  const lesions = continueEllipticalItems(
    splitOrdinalItems(splitLesions(clustered, index), index, lex),
    index,
  );
  const events = continueGeneric(splitMohsTumours(lesions, index, lex), lex);
  for (const e of events) if (!nearOf.has(e)) nearOf.set(e, e.scope);
  sizesByPlace(events, index);
  for (const e of events) markNotAsCoded(e, index, lex);
  linkLesions(events, index, lex);
  markRetold(events, index);
  markNailToldTwice(events);
  const encounters = sentenceEncounters(index, lex);
  for (const e of events) e.encounter = encounterOf(e, index, encounters);
  const repairs = repairEvents(events, index, events.length, encounters, lex);
  const claimed = new Set(repairs.flatMap((r) => r.sizes));
  attachHeaderSizes(events, index, claimed);
  for (const e of events) {
    e.sizes = e.sizes.filter((s) => !claimed.has(s));
    e.derived = deriveSizes(e.sizes);
    if (e.kind === "mohs")
      e.mohs = readMohs(
        e.tumour ? e.scope : mohsSentences(e, nearOf.get(e)!, index, events, lex),
        index.doc,
        lex,
      );
    e.evidence.push(...e.sizes);
    e.issues.push(...issuesOf(e));
  }
  markRetoldAreas(events, index);
  return [...events, ...repairs];
}

const RETOLD_KINDS = new Set(["excision", "shave", "biopsy"]);

/**
 * "PROCEDURES: 1. Excision of BCC, left upper back, 1.0 cm ... 2. Excision of SCC, right
 * shoulder ... DESCRIPTION: Both sites were anesthetized ... Each lesion was excised": a
 * description naming no site or size of its own, after a title list of two or more procedures of
 * its kind, tells them again; it is shown, not billed.
 */
function markRetold(events: ProcedureEvent[], index: MentionIndex): void {
  const sentences = index.doc.sentences;
  const inTitle = (e: ProcedureEvent) =>
    e.anchors.every((a) => sentences[a.sentence]!.section === "procedure_title");
  for (const e of events) {
    if (!e.assertion.billable || !RETOLD_KINDS.has(e.kind) || inTitle(e)) continue;
    if (!e.anchors.every((a) => sentences[a.sentence]!.section === "procedure")) continue;
    if (e.site && !e.siteInferred) continue;
    if (e.sizes.some(isLesionSize)) continue;
    const listed = events.filter(
      (o) => o !== e && o.kind === e.kind && o.assertion.billable && inTitle(o),
    );
    if (listed.length < 2) continue;
    markNotBilled(
      e,
      `the ${listed.length} procedures listed in the title, told again`,
      "group.retold-list",
    );
  }
}

/**
 * "Phenol matrixectomy of the R great toenail; the matrix was treated with phenol for 30
 * seconds.": a second nail procedure of the same code in the same sentence, on the same nail (the
 * same digit, or none of its own) and not counted on its own, tells that nail's procedure again;
 * it is shown, not billed. Nails told apart ("... of the R great toenail; avulsion of the L great
 * toenail") stay two.
 */
function markNailToldTwice(events: ProcedureEvent[]): void {
  for (const e of events) {
    if (e.kind !== "nail" || !e.codeKey || !e.assertion.billable) continue;
    if (e.countSource === "explicit") continue;
    const sentences = new Set(e.anchors.map((a) => a.sentence));
    const told = events.find(
      (o) =>
        o.index < e.index &&
        o.kind === "nail" &&
        o.codeKey === e.codeKey &&
        o.assertion.billable &&
        o.anchors.some((a) => sentences.has(a.sentence)) &&
        !differentSites(e, o),
    );
    if (!told) continue;
    markNotBilled(
      e,
      `the nail procedure named in "${told.anchors[0]!.text}", told again`,
      "group.nail-told-again",
    );
  }
}

/**
 * "The splinter was removed with forceps. No incision was needed.": a phrase of the procedure's
 * sentence or the next saying it was not done the way its code requires (lexicon procedures
 * `notAsCoded`) leaves it visible but not billed, with the rule's reason.
 */
function markNotAsCoded(e: ProcedureEvent, index: MentionIndex, lex: CompiledLexicon): void {
  if (!e.assertion.billable) return;
  const sentences = index.doc.sentences;
  for (const a of e.anchors) {
    for (const k of [a.sentence, a.sentence + 1]) {
      const s = sentences[k];
      if (!s) continue;
      const hit = lex.notAsCoded
        .findAll(index.doc.canon, s.firstToken, s.lastToken)
        .find((h) => h.hit.payload.procedures.includes(e.kind as never));
      if (!hit) continue;
      const rule = hit.hit.payload;
      markNotBilled(e, rule.reason, rule.id);
      return;
    }
  }
}

/**
 * A generic mention ("the flap was elevated") continues the nearest procedure of the kind its term
 * names ("rotation flap") when the note has one; otherwise it stays its own event.
 */
function continueGeneric(events: ProcedureEvent[], lex: CompiledLexicon): ProcedureEvent[] {
  const continues = lex.continues;
  if (continues.size === 0) return events;
  const out: ProcedureEvent[] = [];
  for (const e of events) {
    const kind = continues.get(e.anchors[0]!.ruleId);
    const targets = kind ? events.filter((x) => x.kind === kind) : [];
    if (targets.length === 0 || !e.anchors.every((a) => continues.get(a.ruleId) === kind)) {
      out.push(e);
      continue;
    }
    const start = e.anchors[0]!.start;
    const target = targets.filter((x) => x.anchors[0]!.start < start).at(-1) ?? targets[0]!;
    target.anchors.push(...e.anchors);
    target.evidence.push(...e.anchors);
  }
  out.forEach((e, i) => {
    e.index = i;
  });
  return out;
}

function encounterOf(e: ProcedureEvent, index: MentionIndex, encounters: Int32Array): number {
  const anchor = e.anchors.find((a) => isBillable(index, a)) ?? e.anchors[0]!;
  return encounters[anchor.sentence] ?? 0;
}

function issuesOf(e: ProcedureEvent): Issue[] {
  const out: Issue[] = [];
  const at = { start: e.anchors[0]!.start, end: e.anchors[0]!.end };
  if (e.countSource === "vague") {
    out.push({
      code: "count_ambiguous",
      message: "lesion count given as a vague quantity: the minimum is used",
      severity: "warning",
      span: at,
    });
  }
  if (e.pathology === "pending" && (e.kind === "excision" || e.kind === "biopsy")) {
    out.push({
      code: "pathology_pending",
      message:
        "pathology pending: the code is provisional; hold the claim or correct it when the report returns",
      severity: "warning",
      span: at,
    });
  }
  return out;
}

/** A Mohs note's stages may be anywhere in the sections that name it or in its scope. */
function mohsSentences(
  e: ProcedureEvent,
  near: number[],
  index: MentionIndex,
  events: ProcedureEvent[],
  lex: CompiledLexicon,
): number[] {
  const sections = new Set(e.anchors.map((a) => index.doc.sentences[a.sentence]!.sectionIndex));
  // With two tumours in one section, each reads its stages up to the next tumour's Mohs.
  // (A title line merged into the event does not end its reach at a history mention between.)
  const first = e.anchors[0]!.sentence;
  const last = Math.max(...e.anchors.map((a) => a.sentence));
  const starts = events
    .filter((o) => o.kind === "mohs" && o !== e && o.lesion !== e.lesion && o.assertion.billable)
    .map((o) => o.anchors[0]!.sentence);
  const from = starts.some((s) => s < first) ? first : 0;
  const to = Math.min(...starts.filter((s) => s > last), Number.POSITIVE_INFINITY);
  // Its own sections, and any later one whose context default is not historical ("MOHS SURGERY
  // NOTE", a history paragraph, then the stage table).
  const inSections = index.doc.sentences
    .filter(
      (s) =>
        s.index >= from &&
        s.index < to &&
        (sections.has(s.sectionIndex) ||
          (s.index > first && lex.context.sections.get(s.section)?.temporality !== "historical")),
    )
    .map((s) => s.index);
  return [...new Set([...inSections, ...near.filter((s) => s >= from && s < to)])];
}
