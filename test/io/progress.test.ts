import { describe, expect, it } from "vitest";
import { formatProgress, formatSummary } from "../../src/io/progress.ts";

const counts = { records: 500, coded: 40, withWarnings: 12, errors: 3 };

describe("progress and summary lines", () => {
  it.each([
    [
      "shows rate, share and ETA when the size is known",
      { start: 0, done: 250, total: 1000 },
      "25%  ETA 0:30",
    ],
    [
      "measures the ETA from where a resumed run started",
      { start: 500, done: 750, total: 1000 },
      "75%  ETA 0:10",
    ],
    ["leaves out the ETA when the size is unknown", { start: 0, done: 250 }, "50 notes/s"],
  ])("%s", (_name, input, expected) => {
    const line = formatProgress({ counts, input, seconds: 10 });
    expect(line).toContain("500 records");
    expect(line.endsWith(expected)).toBe(true);
  });

  it("summarises records, coded, warnings, errors, duplicates, resumed and seconds", () => {
    const summary = { ...counts, duplicates: 2, skipped: 7, seconds: 2.04 };
    expect(formatSummary(summary)).toBe(
      "dermcode batch: 500 records, 40 coded, 12 with warnings, 3 errors, 2 duplicate ids, " +
        "7 already in the output (resumed), 2.0 s (245 notes/s)",
    );
  });
});
