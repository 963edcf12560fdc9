/**
 * Runs chunks of records on a pool of worker threads. `run` resolves with each chunk's output;
 * callers keep the promises in input order, which is all the reassembly ordering needs.
 * A worker that dies takes only its current chunk down: those records become `internal` error
 * lines and a fresh worker takes its place. A worker that dies before it is ready (the code
 * cannot load) fails the run.
 */
import { Worker } from "node:worker_threads";
import { outputOf } from "./format.ts";
import {
  addCounts,
  type ChunkOutput,
  type InputRecord,
  type ProcessSettings,
  zeroCounts,
} from "./records.ts";
import { type WorkerScript, workerScript } from "./worker-bundle.ts";

export interface ChunkRunner {
  run(records: InputRecord[]): Promise<ChunkOutput>;
  close(): Promise<void>;
}

interface Task {
  records: InputRecord[];
  resolve(output: ChunkOutput): void;
  reject(error: Error): void;
}

/**
 * Old-generation heap cap of a worker. A 1 MB note needs between 64 and 128 MB of heap; the cap
 * also makes V8 collect sooner instead of letting each worker's heap grow to hundreds of MB.
 */
export function workerHeapMb(maxBytes: number): number {
  const old = Number(process.env.DC_EXP_OLD_MB ?? 0);
  if (old) return old;
  return Math.ceil(64 + (128 * maxBytes) / (1024 * 1024));
}

export class WorkerPool implements ChunkRunner {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private closing = false;
  private failure: Error | undefined;

  private constructor(
    private readonly script: WorkerScript,
    private readonly settings: ProcessSettings,
  ) {}

  static async start(jobs: number, settings: ProcessSettings): Promise<WorkerPool> {
    const pool = new WorkerPool(await workerScript(), settings);
    for (let i = 0; i < jobs; i++) pool.spawn();
    return pool;
  }

  run(records: InputRecord[]): Promise<ChunkOutput> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ records, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
    this.script.dispose();
  }

  private spawn(): void {
    const worker = new Worker(this.script.url, {
      workerData: this.settings,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(this.settings.maxBytes), ...(process.env.DC_EXP_YOUNG ? { maxYoungGenerationSizeMb: Number(process.env.DC_EXP_YOUNG) } : {}) },
    });
    this.workers.add(worker);
    let ready = false;
    let lastError: Error | undefined;
    worker.on("message", (message: ChunkOutput | "ready") => {
      if (message === "ready") {
        ready = true;
        this.idle.push(worker);
        this.pump();
      } else this.finish(worker, message);
    });
    worker.on("error", (error) => {
      lastError = error;
    });
    worker.on("exit", (code) => {
      this.workers.delete(worker);
      if (this.closing) return;
      const reason = lastError?.message ?? `exit code ${code}`;
      if (ready) this.replace(worker, reason);
      else this.fail(new Error(`a batch worker could not start: ${reason}`));
    });
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.postMessage(task.records);
    }
  }

  private finish(worker: Worker, output: ChunkOutput): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    task?.resolve(output);
    this.pump();
  }

  private replace(worker: Worker, reason: string): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.spawn();
    if (task) this.retry(task, reason);
  }

  /** Re-runs a lost chunk one record at a time, so only the record that kills a worker fails. */
  private retry(task: Task, reason: string): void {
    const [first] = task.records;
    if (task.records.length === 1 && first) {
      const message = `the worker coding this note stopped (${reason})`;
      task.resolve(
        outputOf([{ id: first.id, error: { kind: "internal", message } }], this.settings),
      );
      return;
    }
    const outputs = task.records.map((record) => this.run([record]));
    Promise.all(outputs).then((parts) => task.resolve(mergeOutputs(parts)), task.reject);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const task of [...this.queue.splice(0), ...this.busy.values()]) task.reject(error);
    this.busy.clear();
    void this.close();
  }
}

function mergeOutputs(parts: ChunkOutput[]): ChunkOutput {
  const counts = zeroCounts();
  for (const part of parts) addCounts(counts, part.counts);
  return { text: parts.map((part) => part.text).join(""), counts };
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
