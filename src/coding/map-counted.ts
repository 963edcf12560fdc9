import type { ProcedureEvent } from "../group/types.ts";
import type { BiopsyTableT, LadderTableT, MohsTableT } from "../schemas/codes.ts";
import type { Issue, Mention } from "../types.ts";
import { type DraftLine, factor } from "./lines.ts";

type Weights = Record<string, { weight: number }>;

export interface CountedGroup {
  events: ProcedureEvent[];
  count: number;
  countSource: ProcedureEvent["countSource"];
  evidence: Mention[];
  /** What one and several of the counted things are called (ladder table `noun`). */
  noun: readonly [string, string];
  /** A technique that raised the count above what was written (a complicated drainage). */
  floor?: { technique: string; written: number };
}

/** "3 nails treated at this visit"; "1 lesion ...; a complicated one counts as 2 or more". */
function countedWords(g: CountedGroup): string {
  const words = (n: number) => `${n} ${n === 1 ? g.noun[0] : g.noun[1]} treated at this visit`;
  return g.floor
    ? `${words(g.floor.written)}; a ${g.floor.technique} one counts as ${g.count} or more`
    : words(g.count);
}

/** Count-ladder codes for lesions counted over the visit (AKs, benign lesions, skin tags, ...). */
export function mapLadder(table: LadderTableT, g: CountedGroup, weights: Weights): DraftLine[] {
  const step = table.steps.find(
    (s) => g.count >= s.from && (s.to === undefined || g.count <= s.to),
  );
  if (!step) return [];
  const factors = [factor(countFactor(g.countSource), weights)];
  const debatable = new Set(g.events.map((e) => table.techniqueFactors?.[e.technique ?? ""]));
  for (const name of debatable) if (name) factors.push(factor(name, weights));
  return step.lines
    .map((l) => {
      const units =
        typeof l.units === "number"
          ? l.units
          : Math.ceil((g.count - l.units.countMinus) / l.units.per);
      return {
        code: l.code,
        units,
        modifiers: [],
        description: l.label,
        rationale: `${l.label}: ${countedWords(g)}.`,
        events: g.events.map((e) => e.index),
        lesions: g.events.map((e) => e.lesion),
        evidence: g.evidence,
        factors,
        ruleIds: [table.id],
      };
    })
    .filter((l) => l.units >= 1);
}

function countFactor(source: ProcedureEvent["countSource"]): string {
  return source === "vague"
    ? "count_vague"
    : source === "inferred"
      ? "count_inferred"
      : "count_explicit";
}

/** One primary biopsy per date for the highest-ranked technique; add-ons for every other lesion. */
export function mapBiopsies(
  table: BiopsyTableT,
  events: ProcedureEvent[],
  weights: Weights,
  issues: Issue[],
): DraftLine[] {
  const lesions: { technique: string; e: ProcedureEvent }[] = [];
  for (const e of events) {
    const technique = e.technique ?? table.defaultTechnique;
    if (e.techniqueCounts) {
      for (const t of e.techniqueCounts)
        for (let k = 0; k < t.count; k++) lesions.push({ technique: t.technique, e });
      continue;
    }
    if (!e.technique) {
      issues.push({
        code: "technique_missing",
        message: `biopsy technique not stated: coded as ${technique}`,
        severity: "warning",
        span: e.anchors[0]!,
        event: e.index,
      });
    }
    for (let k = 0; k < ownCount(e, events); k++) lesions.push({ technique, e });
  }
  if (lesions.length === 0) return [];
  const primaryTech =
    table.rank.find((t) => lesions.some((l) => l.technique === t)) ?? table.defaultTechnique;
  const primaryIdx = lesions.findIndex((l) => l.technique === primaryTech);
  const out: DraftLine[] = [
    biopsyLine(table, table.primary[primaryTech]!, 1, [lesions[primaryIdx]!.e], weights),
  ];
  const rest = lesions.filter((_, i) => i !== primaryIdx);
  for (const t of table.rank) {
    const of = rest.filter((l) => l.technique === t);
    if (of.length > 0)
      out.push(
        biopsyLine(table, table.addon[t]!, of.length, [...new Set(of.map((l) => l.e))], weights),
      );
  }
  return out;
}

/** A visit total stated beside per-lesion biopsies ("Two lesions biopsied: the first ..., the second ...") counts once. */
function ownCount(e: ProcedureEvent, events: ProcedureEvent[]): number {
  if (!e.countIsTotal || e.count <= 1) return e.count;
  const others = events.filter((o) => o !== e).reduce((n, o) => n + o.count, 0);
  return Math.max(1, e.count - others);
}

function biopsyLine(
  table: BiopsyTableT,
  code: string,
  units: number,
  events: ProcedureEvent[],
  weights: Weights,
): DraftLine {
  const label = table.labels[code] ?? code;
  const inferred = events.some((e) => !e.technique);
  const counts = events.map((e) => e.countSource);
  return {
    code,
    units,
    modifiers: [],
    description: label,
    rationale: `${label}: ${units} lesion(s) sampled by this technique${events.some((e) => e.count > 1) ? " (count from the note)" : ""}.`,
    events: events.map((e) => e.index),
    lesions: events.map((e) => e.lesion),
    evidence: events.flatMap((e) => e.evidence),
    factors: [
      factor(inferred ? "technique_inferred" : "count_explicit", weights),
      ...(counts.includes("vague") ? [factor("count_vague", weights)] : []),
      ...(counts.includes("inferred") ? [factor("count_inferred", weights)] : []),
    ],
    ruleIds: [table.id],
  };
}

/** Mohs: first stage by site group, each further stage, and blocks beyond five per stage. */
export function mapMohs(
  table: MohsTableT,
  e: ProcedureEvent,
  weights: Weights,
  issues: Issue[],
): DraftLine[] {
  const groupKey = e.site?.mohs ?? "head";
  if (!e.site)
    issues.push({
      code: "site_missing",
      message: "Mohs site not found: head/neck group assumed",
      severity: "warning",
      span: e.anchors[0]!,
      event: e.index,
    });
  const g = table.groups[groupKey]!;
  const stages = e.mohs?.stages ?? 1;
  const base = {
    modifiers: [],
    events: [e.index],
    lesions: [e.lesion],
    evidence: e.evidence,
    factors: [factor(e.site ? "size_explicit" : "site_missing", weights)],
    ruleIds: [table.id],
  };
  const out: DraftLine[] = [
    {
      ...base,
      code: g.first,
      units: 1,
      description: `${g.label}, first stage`,
      rationale: `${g.label}: first stage.`,
    },
  ];
  if (stages > 1)
    out.push({
      ...base,
      code: g.additional,
      units: stages - 1,
      description: `${g.label}, each further stage`,
      rationale: `${stages} stages documented: ${stages - 1} further stage(s).`,
    });
  const extra = e.mohs?.extraBlocks ?? 0;
  if (extra > 0)
    out.push({
      ...base,
      code: table.blockAddon,
      units: extra,
      description: table.blockLabel,
      rationale: `${extra} tissue block(s) beyond the first five in a stage.`,
    });
  return out;
}
