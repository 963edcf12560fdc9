/**
 * Where chunks get coded: on the calling thread (--jobs 1) or on a pool of worker threads.
 * Either way `run` resolves with the chunk's formatted output and counts, and never rejects for
 * a bad record (only when the pool itself cannot work).
 */
import { WorkerPool } from "./pool.ts";
import {
  type ChunkOutput,
  type InputRecord,
  isBadRecord,
  type ProcessSettings,
} from "./records.ts";

export interface ChunkRunner {
  run(records: InputRecord[]): Promise<ChunkOutput>;
  close(): Promise<void>;
}

/**
 * Codes chunks on the calling thread (--jobs 1): no worker start-up, no copying. The pipeline
 * is imported only here, so with workers the main thread never loads it.
 */
export class InlineRunner implements ChunkRunner {
  private module: Promise<typeof import("./process-chunk.ts")> | undefined;

  constructor(private readonly settings: ProcessSettings) {}

  async run(records: InputRecord[]): Promise<ChunkOutput> {
    this.module ??= import("./process-chunk.ts");
    return (await this.module).processChunk(records, this.settings);
  }

  async close(): Promise<void> {}
}

export async function createRunner(jobs: number, settings: ProcessSettings): Promise<ChunkRunner> {
  return jobs <= 1 ? new InlineRunner(settings) : await WorkerPool.start(jobs, settings);
}

export interface ChunkLimits {
  /** Records per chunk (a pool message), 64 by default. */
  records: number;
  /** Characters of note text per chunk, so a few huge notes do not make a huge message. */
  chars: number;
}

export const DEFAULT_CHUNK: ChunkLimits = { records: 64, chars: 1024 * 1024 };

/** Groups records into chunks of at most `limits.records` records and about `limits.chars`. */
export async function* chunkRecords(
  records: AsyncIterable<InputRecord>,
  limits: ChunkLimits = DEFAULT_CHUNK,
): AsyncGenerator<InputRecord[]> {
  let chunk: InputRecord[] = [];
  let chars = 0;
  for await (const record of records) {
    chunk.push(record);
    chars += isBadRecord(record) ? 0 : record.text.length;
    if (chunk.length >= limits.records || chars >= limits.chars) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}
