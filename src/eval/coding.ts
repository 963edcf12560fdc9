import type { SuggestResult } from "../schemas/api.ts";
import type { GoldCase } from "./gold.ts";
import { calibration, type Prf, prf, r3, setCounts, unitsByCode } from "./metrics.ts";

const DISTINCT = new Set(["59", "XS", "XE", "XP", "XU"]);

/** Warning kinds that keep a note out of auto-acceptance, whatever its lines' confidence. */
export const REVIEW = new Set([
  "procedure_not_covered",
  "size_missing",
  "site_missing",
  "repair_length_missing",
  "lesion_type_missing",
  "technique_missing",
  "count_ambiguous",
  "stopped_reference_ambiguous",
  "pathology_pending",
  "malignancy_unconfirmed",
  "units_capped",
  "units_over_limit",
  "deleted_code",
  "below_minimum",
]);

export interface CaseOutcome {
  id: string;
  tags: string[];
  expected: { code: string; units: number; modifiers: string[] }[];
  suggested: { code: string; units: number; modifiers: string[]; confidence: number }[];
  exact: boolean;
  modifiersMatch: boolean;
  /** Warnings that send the note to a human ("size missing", "procedure not covered"). */
  review: string[];
  diagnoses?: { expected: string[]; suggested: string[] };
}

export interface CodingReport {
  cases: number;
  code: Prf;
  codeUnits: Prf;
  exactMatch: number;
  modifierAgreement: number;
  diagnosis?: Prf;
  calibration: ReturnType<typeof calibration>;
  accept?: {
    threshold: number;
    coverage: number;
    precision: number;
    accepted: number;
    acceptedWithLines: number;
    /** The same on confidence alone (review warnings ignored): the literal measure. */
    byConfidence: { coverage: number; precision: number };
  };
  wrong: CaseOutcome[];
}

/** Compares one case's suggestion with its gold lines. */
export function scoreCase(c: GoldCase, r: SuggestResult): CaseOutcome {
  const gold = unitsByCode(c.expected);
  const pred = unitsByCode(r.codes);
  const exact = gold.size === pred.size && [...gold].every(([code, n]) => pred.get(code) === n);
  const modKey = (mods: string[]) =>
    mods
      .map((m) => (DISTINCT.has(m) ? "59" : m))
      .sort()
      .join(",");
  const goldMods = new Map(c.expected.map((l) => [l.code, modKey(l.modifiers)]));
  const modifiersMatch = r.codes.every(
    (l) => !goldMods.has(l.code) || goldMods.get(l.code) === modKey(l.modifiers),
  );
  return {
    id: c.id,
    tags: c.tags,
    expected: c.expected,
    suggested: r.codes.map((l) => ({
      code: l.code,
      units: l.units,
      modifiers: l.modifiers,
      confidence: l.confidence,
    })),
    exact,
    modifiersMatch,
    review: [...new Set(r.warnings.filter((w) => REVIEW.has(w.kind)).map((w) => w.kind))],
    ...(c.diagnoses
      ? { diagnoses: { expected: c.diagnoses, suggested: r.diagnoses.map((d) => d.code) } }
      : {}),
  };
}

export function summarise(outcomes: CaseOutcome[], acceptAt?: number): CodingReport {
  const code = [0, 0, 0];
  const codeUnits = [0, 0, 0];
  const dx = [0, 0, 0];
  let withDx = false;
  const points: { p: number; correct: boolean }[] = [];
  for (const o of outcomes) {
    const gold = unitsByCode(o.expected);
    const pred = unitsByCode(o.suggested);
    add(code, setCounts(new Set(pred.keys()), new Set(gold.keys())));
    add(
      codeUnits,
      setCounts(
        new Set([...pred].map(([c, n]) => `${c}x${n}`)),
        new Set([...gold].map(([c, n]) => `${c}x${n}`)),
      ),
    );
    for (const l of o.suggested)
      points.push({ p: l.confidence, correct: gold.get(l.code) === pred.get(l.code) });
    if (o.diagnoses) {
      withDx = true;
      add(dx, setCounts(new Set(o.diagnoses.suggested), new Set(o.diagnoses.expected)));
    }
  }
  const n = outcomes.length || 1;
  return {
    cases: outcomes.length,
    code: prf(code[0]!, code[1]!, code[2]!),
    codeUnits: prf(codeUnits[0]!, codeUnits[1]!, codeUnits[2]!),
    exactMatch: r3(outcomes.filter((o) => o.exact).length / n),
    modifierAgreement: r3(outcomes.filter((o) => o.modifiersMatch).length / n),
    ...(withDx ? { diagnosis: prf(dx[0]!, dx[1]!, dx[2]!) } : {}),
    calibration: calibration(points),
    ...(acceptAt !== undefined ? { accept: autoAccept(outcomes, acceptAt) } : {}),
    wrong: outcomes.filter((o) => !o.exact),
  };
}

/**
 * Notes whose every line is at or above the threshold and that raise no review warning are
 * auto-accepted; how many are, and how often are they entirely right?
 */
function autoAccept(outcomes: CaseOutcome[], threshold: number) {
  const accepted = outcomes.filter(
    (o) => o.review.length === 0 && o.suggested.every((l) => l.confidence >= threshold),
  );
  const confident = outcomes.filter((o) => o.suggested.every((l) => l.confidence >= threshold));
  return {
    threshold,
    ...share(accepted, outcomes.length),
    accepted: accepted.length,
    acceptedWithLines: accepted.filter((o) => o.suggested.length > 0).length,
    byConfidence: share(confident, outcomes.length),
  };
}

function share(accepted: CaseOutcome[], total: number) {
  const right = accepted.filter((o) => o.exact).length;
  return {
    coverage: r3(accepted.length / (total || 1)),
    precision: r3(accepted.length === 0 ? 1 : right / accepted.length),
  };
}

function add(acc: number[], [tp, fp, fn]: [number, number, number]) {
  acc[0]! += tp;
  acc[1]! += fp;
  acc[2]! += fn;
}
