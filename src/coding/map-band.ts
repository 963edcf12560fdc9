import type { ProcedureEvent } from "../group/types.ts";
import type { BandTableT } from "../schemas/codes.ts";
import type { Issue } from "../types.ts";
import { bandIndex, type DraftLine, factor, fmtCm, matches } from "./lines.ts";

type Weights = Record<string, { weight: number }>;

/** The measurement a band table reads from an event, with how it was obtained. */
function measure(table: BandTableT, e: ProcedureEvent): { value?: number; how: string } {
  const d = e.derived;
  switch (table.measure) {
    case "excisedDiameter":
      if (d.lesionCm !== undefined && d.marginCm !== undefined) {
        return {
          value: d.excisedDiameterCm,
          how: `lesion ${fmtCm(d.lesionCm)} + 2 x ${fmtCm(d.marginCm)} margin = ${fmtCm(d.excisedDiameterCm!)}`,
        };
      }
      if (d.defectCm !== undefined)
        return {
          value: d.defectCm,
          how: `excised diameter ${fmtCm(d.defectCm)} (documented defect)`,
        };
      return {
        value: d.lesionCm,
        how:
          d.lesionCm !== undefined
            ? `lesion ${fmtCm(d.lesionCm)}, no margin documented`
            : "no size documented",
      };
    case "lesion":
      return {
        value: d.lesionCm ?? d.defectCm,
        how: d.lesionCm !== undefined ? `lesion ${fmtCm(d.lesionCm)}` : "no lesion size documented",
      };
    case "defectOrLesion":
      if (d.defectCm !== undefined)
        return { value: d.defectCm, how: `final defect ${fmtCm(d.defectCm)}` };
      return {
        value: d.lesionCm,
        how: d.lesionCm !== undefined ? `lesion ${fmtCm(d.lesionCm)}` : "no size documented",
      };
    case "area":
      return {
        value: d.areaSqCm,
        how:
          d.areaSqCm !== undefined
            ? `total treated area ${d.areaSqCm} sq cm`
            : "no treated area documented",
      };
    case "defectArea":
      return {
        value: d.defectAreaSqCm,
        how:
          d.defectAreaSqCm !== undefined
            ? `defect area ${d.defectAreaSqCm} sq cm${d.defectAreaFrom ? ` (${d.defectAreaFrom})` : ""}`
            : "no defect size documented",
      };
    case "repairLength":
      return {
        value: d.repairLengthCm,
        how:
          d.repairLengthCm !== undefined
            ? `repair length ${fmtCm(d.repairLengthCm)}`
            : "repair length not documented",
      };
  }
}

/** One line (or a base + add-on pair for long complex repairs) from a band table. */
export function mapBand(
  table: BandTableT,
  e: ProcedureEvent,
  weights: Weights,
  issues: Issue[],
  extra: { destruction?: string } = {},
): DraftLine[] {
  const row = table.rows.find((r) => matches(r.when, e, extra));
  if (!row) return [];
  const own: Issue[] = [];
  const m = measure(table, e);
  const factors = [factor("size_explicit", weights)];
  const at = { start: e.anchors[0]!.start, end: e.anchors[0]!.end };
  let value = m.value;
  if (value === undefined) {
    value = 0;
    factors.push(
      factor(table.procedure === "repair" ? "repair_length_missing" : "size_missing", weights),
    );
    own.push({
      code: table.procedure === "repair" ? "repair_length_missing" : "size_missing",
      message: `${m.how}: the smallest size band is suggested; document the size to confirm`,
      severity: "warning",
      span: at,
      event: e.index,
    });
  } else if (
    table.measure === "excisedDiameter" &&
    e.derived.marginCm === undefined &&
    e.derived.defectCm === undefined
  ) {
    factors.push(factor("margin_missing", weights));
    own.push({
      code: "margin_missing",
      message: "no excision margin documented: coded on the lesion size alone (may under-code)",
      severity: "info",
      span: at,
      event: e.index,
    });
  }
  if (row.minimum !== undefined && value <= row.minimum && m.value !== undefined) {
    own.push({
      code: "below_minimum",
      message: `${m.how}: no ${table.procedure} code exists at this size`,
      severity: "warning",
      span: at,
      event: e.index,
    });
    issues.push(...own);
    return [];
  }
  const b = bandIndex(row.bands ?? table.bands, value, table.boundary);
  const code = row.codes[Math.min(b, row.codes.length - 1)]!;
  const labels = row.bandLabels ?? table.bandLabels;
  const description = `${row.label}, ${labels[b] ?? ""}`.replace(/, $/, "");
  const line: DraftLine = {
    code,
    units: 1,
    modifiers: [],
    description,
    rationale: `${description}: ${m.how}.`,
    events: [e.index],
    lesions: [e.lesion],
    evidence: e.evidence,
    factors,
    ruleIds: [table.id, row.id],
    issues: own,
  };
  const lines = [line];
  if (row.addon && value > row.addon.over) {
    const units = Math.ceil((value - row.addon.over) / row.addon.per);
    lines.push({
      ...line,
      code: row.addon.code,
      units,
      description: row.addon.label,
      rationale: `${row.addon.label}: ${m.how} is ${units} unit(s) beyond ${row.addon.over} cm.`,
      factors: [...factors],
    });
  }
  return lines;
}
