/**
 * Runs chunks of records on a pool of worker threads. `run` resolves with each chunk's output;
 * callers keep the promises in input order, which is all the reassembly ordering needs.
 * A worker that dies (out of memory, say) is replaced, and its chunk is re-run one record at a
 * time, so only the record that kills a worker again gets an `internal` error line. A worker
 * that dies before it is ready (the code cannot load) fails the run.
 */
import { type ResourceLimits, Worker } from "node:worker_threads";
import { outputOf } from "./format.ts";
import {
  addCounts,
  type ChunkOutput,
  type InputRecord,
  type ProcessSettings,
  zeroCounts,
} from "./records.ts";
import type { ChunkRunner } from "./runner.ts";
import { type WorkerScript, workerScript } from "./worker-bundle.ts";

interface Task {
  records: InputRecord[];
  resolve(output: ChunkOutput): void;
  reject(error: Error): void;
}

/**
 * Heap caps of a worker. A 1 MB note needs between 64 and 128 MB of old generation; the caps
 * also make V8 collect sooner instead of letting each worker's heap grow to hundreds of MB
 * (MTSamples with 2 workers: peak RSS 470 MB without caps, 245 MB with them, same CPU time).
 * An 8 MB young generation instead of 16 MB took about 20 MB off peak RSS for about 4% more
 * CPU (150 MB of export, 2 workers: 292 -> 270 MB); 4 MB instead of 8 MB takes about 24 MB more
 * off for about 3% more time (1 GB export, 2 workers: 311 -> 287 MB, 222 s both; MTSamples
 * three times over, warm: 4.80 -> 4.65 MB/s, 392 -> 346 MB).
 */
export function workerLimits(maxBytes: number): ResourceLimits {
  const maxOldGenerationSizeMb = Math.ceil(64 + (128 * maxBytes) / (1024 * 1024));
  return { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 4 };
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
      resourceLimits: workerLimits(this.settings.maxBytes),
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
