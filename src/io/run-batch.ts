/**
 * `dermcode batch` as a library call: input records -> resume filter -> chunks -> worker pool ->
 * output in input order. Memory stays flat: reading waits while `jobs * 2` chunks are in flight
 * or the output is not draining. Prints nothing; progress is reported through `onProgress`.
 */
import type { Writable } from "node:stream";
import { csvHeader } from "./format.ts";
import { admitted, IdTracker } from "./id-tracker.ts";
import { type InputProgress, openInput } from "./input.ts";
import {
  addCounts,
  type BatchCounts,
  type ChunkOutput,
  type OutputFormat,
  zeroCounts,
} from "./records.ts";
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
  input: InputProgress;
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
  const counts = zeroCounts();
  let header = format === "csv" && !resumed?.keptBytes ? csvHeader() : "";
  const write = async (result: ChunkOutput) => {
    await sink.write(header + result.text);
    header = "";
    addCounts(counts, result.counts);
    options.onProgress?.({ counts, input: source.progress(), seconds: seconds() });
  };
  const window = Math.max(2, options.jobs * 2);
  const pending: Promise<ChunkOutput>[] = [];
  try {
    for await (const chunk of chunkRecords(admitted(source.records, ids), options.chunk)) {
      const result = runner.run(chunk);
      result.catch(() => {}); // awaited in order below; avoid an unhandled rejection meanwhile
      pending.push(result);
      if (pending.length >= window) await write(await pending.shift()!);
    }
    while (pending.length > 0) await write(await pending.shift()!);
    await sink.write(header);
    await sink.close();
  } catch (error) {
    await sink.dispose();
    throw error;
  } finally {
    await runner.close();
  }
  return { ...counts, skipped: ids.skipped, duplicates: ids.duplicates, seconds: seconds() };
}
