import { roundTo } from "../extract/numbers.ts";
import type { Malignancy } from "../schemas/api.ts";
import type { PathologyStatusMention, SizeMention } from "../types.ts";
import { inSentence, type MentionIndex, ofKind } from "./index-mentions.ts";
import type { DerivedSizes, ProcedureEvent } from "./types.ts";

/**
 * Pathology status and malignancy of an event: pathology (or a prior biopsy) decides; a pending
 * report keeps the provisional benign grid; suspicion alone ("r/o BCC") never makes it malignant.
 */
export function derivePathology(e: ProcedureEvent, sentences: number[], index: MentionIndex): void {
  const statuses: PathologyStatusMention[] = [];
  for (const s of sentences)
    for (const p of inSentence(index, s, "pathology_status")) statuses.push(p);
  const noteStatuses = ofKind(index, "pathology_status");
  const h = e.histology;
  const final = h?.fromPathology || statuses.some((s) => s.status === "final");
  const pending = noteStatuses.some((s) => s.status === "pending");
  e.pathology = final ? "final" : pending ? "pending" : "none";
  for (const s of statuses) e.evidence.push(s);
  e.malignancy = malignancyOf(e, index);
}

function malignancyOf(e: ProcedureEvent, index: MentionIndex): Malignancy {
  const h = e.histology;
  if (!h) return e.pathology === "pending" ? "pending" : "unknown";
  const possible = index.assertions.get(h.id)?.negation === "possible";
  if (e.pathology === "final") return h.malignancy;
  if (e.pathology === "pending")
    return h.malignancy === "malignant" || h.malignancy === "unknown" ? "pending" : h.malignancy;
  if (possible && h.malignancy === "malignant") return "uncertain";
  return h.malignancy;
}

/** A measurement of the lesion itself, in cm (cued as the lesion's, or with no cue at all). */
export function isLesionSize(s: SizeMention): boolean {
  return s.unit === "cm" && (s.role === "lesion" || s.role === "unknown");
}

/**
 * The length x width measurements that give a wounded area: the wound's own ("the 10 x 4 cm
 * wound"), failing those the ellipse cut around it ("a 10 x 5 cm elliptical incision"; a closure
 * length has one dimension). Margins never.
 */
export function areaMeasures(sizes: readonly SizeMention[]): SizeMention[] {
  const flat = sizes.filter((s) => s.unit === "cm" && s.dims.length >= 2 && s.role !== "margin");
  const wound = flat.filter((s) => s.role !== "repair");
  return wound.length > 0 ? wound : flat;
}

/**
 * The treated area: a total written for the visit ("total area 320 sq cm") wins; otherwise the
 * areas add up ("elbows 120 sq cm, knees 150 sq cm"), an area "each" of a pair twice. A total in
 * the brackets after a site is that site's ("both elbows (90 sq cm each, 180 sq cm total) and
 * the right knee (90 sq cm)"): it stands for the bracket's other areas and adds to the rest.
 */
function treatedArea(areas: readonly SizeMention[]): number | undefined {
  if (areas.length === 0) return undefined;
  const bracketTotal = new Map<number, number>();
  for (const s of areas)
    if (s.role === "area" && s.siteBracket !== undefined)
      bracketTotal.set(s.siteBracket, Math.max(bracketTotal.get(s.siteBracket) ?? 0, s.value));
  const totals = areas
    .filter((s) => s.role === "area" && s.siteBracket === undefined)
    .map((s) => s.value);
  if (totals.length > 0) return Math.max(...totals);
  const loose = areas.filter(
    (s) => s.siteBracket === undefined || !bracketTotal.has(s.siteBracket),
  );
  const sum =
    loose.reduce((a, s) => a + s.value * (s.times ?? 1), 0) +
    [...bracketTotal.values()].reduce((a, v) => a + v, 0);
  return roundTo(sum, 3);
}

/** Lesion, margin, defect, excised diameter, repair length and treated area from the raw sizes. */
export function deriveSizes(sizes: SizeMention[]): DerivedSizes {
  // One pass over the cm sizes (this runs for every event, and more than once): the largest of
  // each role, the largest final margin and the smallest margin. Math.max/min per value as the
  // spread form did; undefined while a role has none.
  let lesion: number | undefined;
  let unknown: number | undefined;
  let finalMargin: number | undefined;
  let margin: number | undefined;
  let defect: number | undefined;
  let repair: number | undefined;
  let hasArea = false;
  for (const s of sizes) {
    if (s.unit === "cm2") hasArea = true;
    if (s.unit !== "cm") continue;
    const v = s.value;
    if (s.role === "lesion") lesion = lesion === undefined ? v : Math.max(lesion, v);
    else if (s.role === "unknown") unknown = unknown === undefined ? v : Math.max(unknown, v);
    else if (s.role === "margin") {
      margin = margin === undefined ? v : Math.min(margin, v);
      if (s.final) finalMargin = finalMargin === undefined ? v : Math.max(finalMargin, v);
    } else if (s.role === "defect") defect = defect === undefined ? v : Math.max(defect, v);
    else if (s.role === "repair") repair = repair === undefined ? v : Math.max(repair, v);
  }
  const out: DerivedSizes = {};
  const lesionCm = lesion ?? unknown;
  if (lesionCm !== undefined) out.lesionCm = lesionCm;
  if (finalMargin !== undefined) out.marginCm = finalMargin;
  else if (margin !== undefined) out.marginCm = margin;
  if (defect !== undefined) out.defectCm = defect;
  if (repair !== undefined) out.repairLengthCm = repair;
  const area = hasArea ? treatedArea(sizes.filter((s) => s.unit === "cm2")) : undefined;
  if (area !== undefined) out.areaSqCm = area;
  if (out.lesionCm !== undefined && out.marginCm !== undefined) {
    out.excisedDiameterCm = roundTo(out.lesionCm + 2 * out.marginCm, 3);
  } else if (out.defectCm !== undefined) out.excisedDiameterCm = out.defectCm;
  else if (out.lesionCm !== undefined) out.excisedDiameterCm = out.lesionCm;
  return out;
}
