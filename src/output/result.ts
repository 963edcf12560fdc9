import type { DraftLine } from "../coding/lines.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CodeLine, Diagnosis, Procedure, Span, Warning } from "../schemas/api.ts";
import type { Issue, Mention, Range } from "../types.ts";

/** A span of the original note: the invariant text === original.slice(start, end) holds by construction. */
export function spanOf(original: string, r: Range): Span {
  return { start: r.start, end: r.end, text: original.slice(r.start, r.end) };
}

/** Unique spans in note order. */
export function spansOf(original: string, mentions: readonly Range[]): Span[] {
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++)
    sorted = mentions[i - 1]!.start <= mentions[i]!.start;
  const inOrder = sorted ? mentions : [...mentions].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  // In start order a repeated span can only sit among the spans of its own start: the ends of
  // that run are all that needs remembering (no key string per span).
  let runStart = Number.NaN;
  const runEnds: number[] = [];
  for (const m of inOrder) {
    if (m.end <= m.start) continue;
    if (m.start !== runStart) {
      runStart = m.start;
      runEnds.length = 0;
    } else if (runEnds.includes(m.end)) continue;
    runEnds.push(m.end);
    out.push(spanOf(original, m));
  }
  return out;
}

/** Procedures in note order: index = position in the result's `procedures`. */
export function orderEvents(events: ProcedureEvent[]): Map<number, number> {
  const order = [...events].sort((a, b) => a.anchors[0]!.start - b.anchors[0]!.start);
  return new Map(order.map((e, i) => [e.index, i]));
}

export function buildProcedures(
  events: ProcedureEvent[],
  order: Map<number, number>,
  original: string,
  notCoded: ReadonlyMap<number, string> = new Map(),
): Procedure[] {
  const out: Procedure[] = new Array(events.length);
  for (const e of events) {
    const p = procedureOf(e, original, order);
    const why = e.assertion.billable ? notCoded.get(e.index) : undefined;
    out[order.get(e.index)!] = why ? { ...p, notCoded: why } : p;
  }
  return out;
}

function procedureOf(e: ProcedureEvent, original: string, order: Map<number, number>): Procedure {
  const site = e.site;
  const d = e.derived;
  return {
    id: `p${order.get(e.index)}`,
    kind: e.kind,
    ...(e.technique ? { technique: e.technique } : {}),
    ...(site
      ? {
          site: {
            text: site.text,
            key: site.site,
            ...(site.siteGroup ? { siteGroup: site.siteGroup } : {}),
            ...(e.repairType ? { repairGroup: site.repairGroups[e.repairType] } : {}),
            ...(site.laterality ? { laterality: site.laterality } : {}),
            span: spanOf(original, site),
          },
        }
      : {}),
    sizes: {
      ...d,
      all: e.sizes.map((s) => ({
        role: s.role,
        valueCm: s.value,
        unit: s.unit,
        span: spanOf(original, s),
      })),
    },
    ...(e.count > 1 || e.countSource !== "default" ? { count: e.count } : {}),
    malignancy: e.malignancy,
    ...(e.histology ? { diagnosis: e.histology.text } : {}),
    assertion: e.assertion,
    evidence: spansOf(original, e.evidence),
    ruleIds: [...new Set(e.ruleIds)],
    lesion: order.get(e.lesion) ?? e.lesion,
  };
}

export function buildCodeLine(
  l: DraftLine,
  confidence: number,
  order: Map<number, number>,
  original: string,
  diagnoses: Diagnosis[],
): CodeLine {
  const procs = l.events.map((i) => order.get(i)!);
  return {
    code: l.code,
    units: l.units,
    modifiers: l.modifiers,
    confidence,
    description: l.description,
    rationale: l.rationale,
    procedure: procs[0] ?? 0,
    evidence: spansOf(original, l.evidence as Mention[]),
    diagnoses: diagnoses.flatMap((d, i) =>
      d.procedures.some((p) => procs.includes(p)) ? [i] : [],
    ),
    factors: l.factors,
    ruleIds: [...new Set(l.ruleIds)],
    ...(l.alternates ? { alternates: l.alternates } : {}),
  };
}

/** Warnings given once per note whatever procedure repeats them. */
const ONCE_PER_NOTE: ReadonlySet<string> = new Set(["procedure_not_covered", "not_skin"]);

export function buildWarnings(
  issues: Issue[],
  order: Map<number, number>,
  original: string,
): Warning[] {
  const seen = new Set<string>();
  const out: Warning[] = [];
  for (const i of issues) {
    if (i.severity === "info" && i.code !== "margin_missing") continue;
    const procedure = i.event !== undefined ? order.get(i.event) : undefined;
    // The same uncovered procedure named again ("the flap was elevated ... the flap was inset")
    // is one warning, at its first mention.
    const key = ONCE_PER_NOTE.has(i.code)
      ? `${i.code}|${i.message}`
      : `${i.code}|${i.message}|${procedure}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      kind: i.code,
      message: i.message,
      ...(procedure !== undefined ? { procedure } : {}),
      ...(i.span ? { span: spanOf(original, i.span) } : {}),
      ...(i.ruleId ? { ruleId: i.ruleId } : {}),
    });
  }
  return out;
}
