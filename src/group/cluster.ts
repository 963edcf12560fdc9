import type { Assertion } from "../schemas/api.ts";
import type { ProcedureMention } from "../types.ts";
import { inSentence, isBillable, type MentionIndex, ofKind } from "./index-mentions.ts";
import type { ProcedureEvent } from "./types.ts";

/** How many sentences apart two mentions of one procedure may stand ("excised ... The lesion was removed"). */
const MERGE_DISTANCE = 3;
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
export function clusterProcedures(index: MentionIndex): ProcedureEvent[] {
  const events: ProcedureEvent[] = [];
  const state = { active: -1 };
  for (const m of ofKind(index, "procedure")) {
    if (m.procedure === "repair") continue;
    const target = mergeTarget(events, m, index, state);
    if (target) addAnchor(target, m, index);
    else events.push(newEvent(events.length, m, index));
    state.active = (target ?? events[events.length - 1]!).index;
  }
  return events;
}

function newEvent(i: number, m: ProcedureMention, index: MentionIndex): ProcedureEvent {
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
    pathology: "none",
    malignancy: "unknown",
    assertion: index.assertions.get(m.id) ?? AFFIRMED,
    lesion: i,
    evidence: [m],
    issues: [],
    ruleIds: [m.ruleId],
  };
}

function addAnchor(e: ProcedureEvent, m: ProcedureMention, index: MentionIndex): void {
  e.anchors.push(m);
  e.evidence.push(m);
  e.ruleIds.push(m.ruleId);
  if (e.kind === "removal" && m.procedure !== "removal") e.kind = m.procedure;
  if (!e.technique && m.technique && (m.procedure === e.kind || m.procedure === "removal")) {
    e.technique = m.technique;
  }
  if (!e.codeKey && m.codeKey) e.codeKey = m.codeKey;
  if (!e.scope.includes(m.sentence)) e.scope.push(m.sentence);
  if (!e.assertion.billable && isBillable(index, m)) e.assertion = index.assertions.get(m.id) ?? AFFIRMED;
}

function compatible(e: ProcedureEvent, m: ProcedureMention): boolean {
  if (e.kind === "unsupported" || m.procedure === "unsupported") return false;
  const sameKind = e.kind === m.procedure || e.kind === "removal" || m.procedure === "removal";
  if (!sameKind) return false;
  const kind = e.kind === "removal" ? m.procedure : e.kind;
  if (kind === "biopsy" && e.technique && m.technique && e.technique !== m.technique) return false;
  if (kind === "phototherapy" && e.codeKey && m.codeKey && e.codeKey !== m.codeKey) return false;
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
  if (sameSentence && compatible(sameSentence, m)) return sameSentence;
  const section = sentences[m.sentence]!.section;
  if (section === "procedure") {
    const titled = events.filter(
      (e) => sentences[e.anchors[0]!.sentence]!.section === "procedure_title" && compatible(e, m),
    );
    if (titled.length === 1) return titled[0];
    if (titled.length > 1) return bySite(titled, m, index) ?? titled.find((e) => e.index === state.active) ?? titled[0];
  }
  const last = events[events.length - 1];
  if (!last || !compatible(last, m)) return undefined;
  const lastAnchor = last.anchors[last.anchors.length - 1]!;
  const near = m.sentence - lastAnchor.sentence <= MERGE_DISTANCE;
  const sameSection = sentences[lastAnchor.sentence]!.sectionIndex === sentences[m.sentence]!.sectionIndex;
  const sameBilling = isBillable(index, lastAnchor) === isBillable(index, m);
  if (!near || !sameSection || !sameBilling) return undefined;
  const sites = inSentence(index, m.sentence, "site");
  if (sites.length === 0) return last;
  return bySite([last], m, index);
}

function bySite(candidates: ProcedureEvent[], m: ProcedureMention, index: MentionIndex) {
  const sites = inSentence(index, m.sentence, "site");
  return candidates.find((e) =>
    e.anchors.some((a) =>
      inSentence(index, a.sentence, "site").some((s) =>
        sites.some((t) => t.site === s.site && (t.laterality ?? s.laterality) === (s.laterality ?? t.laterality)),
      ),
    ),
  );
}
