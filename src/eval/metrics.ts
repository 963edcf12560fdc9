/** Scoring helpers for `dermcode eval`: code-level and code+units sets, exact match, calibration. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision: r3(precision), recall: r3(recall), f1: r3(f1) };
}

export function r3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** "code xN" and N lines of one code score alike: collapse lines into code -> total units. */
export function unitsByCode(
  lines: readonly { code: string; units: number }[],
): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l.code, (m.get(l.code) ?? 0) + l.units);
  return m;
}

export function setCounts<T>(pred: Set<T>, gold: Set<T>): [number, number, number] {
  let tp = 0;
  for (const x of pred) if (gold.has(x)) tp++;
  return [tp, pred.size - tp, gold.size - tp];
}

export interface CalibrationBin {
  lo: number;
  hi: number;
  n: number;
  confidence: number;
  accuracy: number;
}

/** Expected calibration error over equal-width bins of predicted confidence. */
export function calibration(points: { p: number; correct: boolean }[], bins = 10) {
  const out: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const inBin = points.filter((x) => (x.p > lo || (b === 0 && x.p >= lo)) && x.p <= hi);
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((s, x) => s + x.p, 0) / inBin.length;
    const accuracy = inBin.filter((x) => x.correct).length / inBin.length;
    ece += (inBin.length / points.length) * Math.abs(confidence - accuracy);
    out.push({ lo, hi, n: inBin.length, confidence: r3(confidence), accuracy: r3(accuracy) });
  }
  return { ece: r3(ece), bins: out };
}
