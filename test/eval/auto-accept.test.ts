/**
 * Auto-acceptance: a note is accepted when every line is at or above the threshold and no review
 * warning sends it to a human; the report also gives the measure on confidence alone.
 */
import { describe, expect, it } from "vitest";
import { type CaseOutcome, summarise } from "../../src/eval/coding.ts";

const line = (code: string, confidence: number) => ({ code, units: 1, modifiers: [], confidence });
const outcome = (id: string, exact: boolean, confidences: number[], review: string[] = []) =>
  ({
    id,
    tags: [],
    expected: [{ code: "11102", units: 1, modifiers: [] }],
    suggested: confidences.map((c) => line("11102", c)),
    exact,
    modifiersMatch: true,
    review,
  }) satisfies CaseOutcome;

describe("auto-accept report", () => {
  const report = summarise(
    [
      outcome("a", true, [0.99]),
      outcome("b", true, [0.99, 0.9]),
      outcome("c", false, [0.97], ["procedure_not_covered"]),
      outcome("d", true, [0.96], ["pathology_pending"]),
    ],
    0.95,
  ).accept!;

  it("holds back notes with a low line or a review warning", () => {
    expect(report.accepted).toBe(1);
    expect(report.coverage).toBe(0.25);
    expect(report.precision).toBe(1);
  });

  it("reports the measure on confidence alone beside it", () => {
    expect(report.byConfidence).toEqual({ coverage: 0.75, precision: 0.667 });
  });
});
