import { roundTo } from "../extract/numbers.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { Factor } from "../schemas/api.ts";
import type { CodeTable, When } from "../schemas/codes.ts";
import type { Issue, Mention } from "../types.ts";

/** A claim line before edits and confidence: what chose it and which events it codes. */
export interface DraftLine {
  code: string;
  units: number;
  modifiers: string[];
  description: string;
  rationale: string;
  /** Events (procedures) this line codes; the first is the one reported. */
  events: number[];
  /** Lesion identities (event lesion index, or "lesion:family" for a lesion type of a mixed destruction). */
  lesions: (number | string)[];
  /** Warnings that matter only while the line survives the edits (a missing length of a bundled repair does not). */
  issues?: Issue[];
  evidence: Mention[];
  factors: Factor[];
  ruleIds: string[];
  alternates?: string[];
  /** A repair line: the repairs (one per wound) whose lengths it sums, before any retyping. */
  repairs?: ProcedureEvent[];
  /** Line was removed by an edit; kept for the trace and warnings. */
  droppedBy?: string;
}

export interface MapContext {
  tables: CodeTable[];
  issues: Issue[];
}

export function factor(
  name: string,
  weights: Record<string, { weight: number }>,
  extra: Partial<Factor> = {},
): Factor {
  return { name, weight: weights[name]?.weight ?? 1, ...extra };
}

/** Does an event satisfy a table row's conditions? */
export function matches(
  when: When,
  e: ProcedureEvent,
  extra: { destruction?: string } = {},
): boolean {
  const site = e.site;
  const histology = e.histology?.histology;
  if (when.notHistology && histology !== undefined && when.notHistology.includes(histology))
    return false;
  if (when.notSite && site && when.notSite.includes(site.site)) return false;
  // One test after another (no array of pairs built per row and event: rows are tried often).
  return (
    allows(when.malignancy, e.malignancy) &&
    allows(when.siteGroup, site?.siteGroup) &&
    allows(when.repairType, e.repairType) &&
    allows(when.repairGroup, e.repairType ? site?.repairGroups[e.repairType] : undefined) &&
    allows(when.destruction, extra.destruction) &&
    allows(when.codeKey, e.codeKey) &&
    allows(when.technique, e.technique) &&
    allows(when.tissue, e.histology?.tissue ?? "skin") &&
    allows(when.softTissue, site?.softTissue) &&
    allows(when.histology, histology) &&
    allows(when.site, site?.site)
  );
}

/** A row's condition on one field: none, or the event's value is one of those it allows. */
function allows(allowed: string[] | undefined, value: string | undefined): boolean {
  return !allowed || (value !== undefined && allowed.includes(value));
}

/**
 * Index of the band a measurement falls in: bands are inclusive upper bounds (exclusive ones start
 * the next band); past the last = last band.
 */
export function bandIndex(
  bands: number[],
  value: number,
  boundary: "inclusive" | "exclusive" = "inclusive",
): number {
  const v = roundTo(value, 2);
  const i = bands.findIndex((upper) =>
    boundary === "inclusive" ? v <= upper + 1e-9 : v < upper - 1e-9,
  );
  return i < 0 ? bands.length : i;
}

export function fmtCm(v: number): string {
  return `${roundTo(v, 2)} cm`;
}

/** A rationale with one more clause ("...; TA for the nail of ..."), its final period kept last. */
export function withClause(rationale: string, joiner: "; " | ", ", clause: string): string {
  return `${rationale.replace(/\.$/, "")}${joiner}${clause}.`;
}
