import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { DraftLine } from "./lines.ts";

/**
 * Confidence of a line: base x every factor weight (lexicon/confidence.json), then mapped to a
 * probability by the calibration curve fitted on annotated notes (piecewise linear).
 */
export function rawScore(line: DraftLine, lex: CompiledLexicon): number {
  let score = lex.source.confidence.base;
  for (const f of line.factors) score *= f.weight;
  return Math.max(0, Math.min(1, score));
}

export function calibrate(raw: number, points: readonly (readonly [number, number])[]): number {
  const pts = [...points].sort((a, b) => a[0] - b[0]);
  if (raw <= pts[0]![0]) return pts[0]![1];
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    if (raw <= x1) return x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
  }
  return pts[pts.length - 1]![1];
}

export function confidenceOf(line: DraftLine, lex: CompiledLexicon): number {
  const p = calibrate(rawScore(line, lex), lex.source.confidence.calibration.points);
  return Math.round(p * 1000) / 1000;
}
