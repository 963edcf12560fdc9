/**
 * `dermcode batch` as a library call: input records -> resume filter -> chunks -> worker pool ->
 * output in input order. Memory stays flat: reading waits while `jobs * 2` chunks are in flight
 * or the output is not draining. Prints nothing; progress is reported through `onProgress`.
 */
import type { Writable } from "node:stream";
import { csvHeader } from "./format.ts";
import { admitted, IdTracker } from "./id-tracker.ts";
import { openInput } from "./input.ts";
import { OrderedOutput } from "./ordered-output.ts";
import type { BatchCounts, OutputFormat } from "./records.ts";
import { prepareResume } from "./resume.ts";
import { type ChunkLimits, chunkRecords, createRunner } from "./runner.ts";
import { openSink } from "./sink.ts";

export interface BatchOptions {
  input: string;
  /** Output file; standard output (`stdout`) when undefined. */
  output?: string;
  stdout: Writable;
  format: OutputFormat;
  jobs: number;
  resume?: boolean;
  maxBytes: number;
  idColumn?: string;
  textColumn?: string;
  chunk?: ChunkLimits;
  onProgress?: (progress: BatchProgress) => void;
}

export interface BatchProgress {
  counts: BatchCounts;
  /**
   * Input positions (bytes, or files of a folder): where coding started (past records skipped
   * by --resume), the end of the last record written, and the input size when knowable.
   */
  input: { start: number; done: number; total?: number };
  seconds: number;
}

export interface BatchSummary extends BatchCounts {
  /** Records skipped because an earlier run already wrote them (--resume). */
  skipped: number;
  duplicates: number;
  seconds: number;
}

/** Runs a whole batch; rejects with InputError for unreadable input, other errors otherwise. */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const { output, format } = options;
  const resumed = options.resume && output ? await prepareResume(output, format) : undefined;
  const source = await openInput(options.input, options);
  const ids = new IdTracker(resumed?.done);
  const runner = await createRunner(options.jobs, { format, maxBytes: options.maxBytes });
  const sink = openSink(output, options.stdout, resumed !== undefined);
  const header = format === "csv" && !resumed?.keptBytes ? csvHeader() : "";
  const report = (done: number) =>
    options.onProgress?.({
      counts: ordered.counts,
      input: { start: ids.startAt, done, total: source.total },
      seconds: seconds(),
    });
  const ordered = new OrderedOutput(sink, Math.max(2, options.jobs * 2), header, report);
  try {
    for await (const chunk of chunkRecords(admitted(source.records, ids), options.chunk)) {
      await ordered.add(runner.run(chunk), chunk.at(-1)?.at ?? 0);
    }
    await ordered.finish();
  } catch (error) {
    await sink.dispose();
    throw error;
  } finally {
    await runner.close();
  }
  const { skipped, duplicates } = ids;
  return { ...ordered.counts, skipped, duplicates, seconds: seconds() };
}
