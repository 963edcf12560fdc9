/**
 * Text of the batch progress line (standard error, TTY only) and of the closing summary.
 * Sample progress: `dermcode batch: 12,800 records  2,310 notes/s  41%  ETA 0:09`
 * Sample summary:  `dermcode batch: 4,945 records, 310 coded, 95 with warnings, 2 errors, 2.1 s`
 */
import type { BatchProgress, BatchSummary } from "./run-batch.ts";

const number = new Intl.NumberFormat("en-US");

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

function rate(records: number, seconds: number): string {
  return `${number.format(Math.round(records / Math.max(seconds, 0.001)))} notes/s`;
}

export function formatProgress(progress: BatchProgress): string {
  const { counts, input, seconds } = progress;
  const parts = [
    `dermcode batch: ${number.format(counts.records)} records`,
    rate(counts.records, seconds),
  ];
  if (input.total && input.done > input.start) {
    const share = Math.min(1, (input.done - input.start) / (input.total - input.start));
    const percent = Math.floor((100 * input.done) / input.total);
    parts.push(`${percent}%`, `ETA ${clock((seconds / share) * (1 - share))}`);
  }
  return parts.join("  ");
}

export function formatSummary(summary: BatchSummary): string {
  const parts = [
    `${number.format(summary.records)} records`,
    `${number.format(summary.coded)} coded`,
    `${number.format(summary.withWarnings)} with warnings`,
    `${number.format(summary.errors)} errors`,
  ];
  if (summary.duplicates > 0) parts.push(`${number.format(summary.duplicates)} duplicate ids`);
  if (summary.skipped > 0)
    parts.push(`${number.format(summary.skipped)} already in the output (resumed)`);
  const time = `${summary.seconds.toFixed(1)} s (${rate(summary.records, summary.seconds)})`;
  return `dermcode batch: ${parts.join(", ")}, ${time}`;
}

/** Calls `draw` at most every `intervalMs`; `clear` erases the line before the summary. */
export function throttledLine(stream: NodeJS.WriteStream, intervalMs = 250) {
  let last = 0;
  let drawn = false;
  return {
    draw(text: string): void {
      const now = performance.now();
      if (now - last < intervalMs) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[K${text.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
    },
    clear(): void {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
