/**
 * Scoring of the assertion detector on NegEx/ConText-style TSV files (header row; columns found
 * by name: concept, sentence, and for scoring negation, temporality, experiencer).
 * Negation is scored with "negated" as the positive class ("possible" counts as affirmed);
 * temporality per class (historical, hypothetical) plus accuracy; experiencer with "other" positive.
 */

import { assertConcept, type CompiledContext } from "../context/index.ts";
import type { Assertion } from "../schemas/api.ts";

export interface ContextRow {
  concept: string;
  sentence: string;
  negation?: string;
  temporality?: string;
  experiencer?: string;
}

/** A TSV the detector cannot read: missing column, no header. */
export class ContextTsvError extends Error {
  override name = "ContextTsvError";
}

const GOLD_COLUMNS = ["negation", "temporality", "experiencer"] as const;

function columnIndex(header: string[], name: string): number {
  return header.findIndex((cell) => cell.trim().toLowerCase() === name);
}

/** Parses the TSV; with `gold`, the three gold columns are required too. */
export function parseContextTsv(text: string, gold = false): ContextRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0]?.split("\t");
  if (!header) throw new ContextTsvError("empty file: expected a header row");
  const required = gold ? ["concept", "sentence", ...GOLD_COLUMNS] : ["concept", "sentence"];
  const missing = required.filter((name) => columnIndex(header, name) === -1);
  if (missing.length > 0) {
    throw new ContextTsvError(`header has no column ${missing.map((m) => `"${m}"`).join(", ")}`);
  }
  const at = Object.fromEntries(
    ["concept", "sentence", ...GOLD_COLUMNS].map((name) => [name, columnIndex(header, name)]),
  ) as Record<string, number>;
  return lines.slice(1).map((line) => {
    const cells = line.split("\t");
    const cell = (name: string) => (at[name]! >= 0 ? cells[at[name]!]?.trim() : undefined);
    const row: ContextRow = { concept: cell("concept") ?? "", sentence: cells[at.sentence!] ?? "" };
    for (const name of GOLD_COLUMNS) {
      const value = cell(name);
      if (value !== undefined) row[name] = value.toLowerCase();
    }
    return row;
  });
}

export function predictRows(rows: ContextRow[], ctx: CompiledContext): Assertion[] {
  return rows.map((row) => assertConcept(row.sentence, row.concept, ctx));
}

export interface BinaryScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface ContextScores {
  rows: number;
  negation: BinaryScore;
  temporality: { accuracy: number; historical: BinaryScore; hypothetical: BinaryScore };
  experiencer: BinaryScore;
}

function binary(gold: boolean[], predicted: boolean[]): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
    else tn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1,
    accuracy: gold.length ? (tp + tn) / gold.length : 0,
  };
}

/** Scores predictions against the rows' gold columns. */
export function scoreContext(rows: ContextRow[], predicted: Assertion[]): ContextScores {
  const temporalityHits = rows.filter((r, i) => r.temporality === predicted[i]!.temporality);
  const classOf = (value: string) => ({
    gold: rows.map((r) => r.temporality === value),
    predicted: predicted.map((p) => p.temporality === value),
  });
  const historical = classOf("historical");
  const hypothetical = classOf("hypothetical");
  return {
    rows: rows.length,
    negation: binary(
      rows.map((r) => r.negation === "negated"),
      predicted.map((p) => p.negation === "negated"),
    ),
    temporality: {
      accuracy: rows.length ? temporalityHits.length / rows.length : 0,
      historical: binary(historical.gold, historical.predicted),
      hypothetical: binary(hypothetical.gold, hypothetical.predicted),
    },
    experiencer: binary(
      rows.map((r) => r.experiencer === "other"),
      predicted.map((p) => p.experiencer === "other"),
    ),
  };
}
