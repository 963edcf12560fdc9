/**
 * Ordered reassembly: chunk outputs are added in input order as promises (workers may finish
 * them in any order) and written strictly in that order. At most `window` chunks are in flight;
 * `add` waits for the oldest to be written before accepting more, which is what keeps memory
 * flat and lets a slow output slow the reading down.
 */

import { addCounts, type BatchCounts, type ChunkOutput, zeroCounts } from "./records.ts";
import type { OutputSink } from "./sink.ts";

interface InFlight {
  output: Promise<ChunkOutput>;
  /** Input position just past the chunk's last record. */
  at: number;
}

export class OrderedOutput {
  readonly counts: BatchCounts = zeroCounts();
  private readonly pending: InFlight[] = [];

  /**
   * @param prefix written before the first chunk (the CSV header), even if there is none
   * @param onWritten called after each chunk is written, with its input position
   */
  constructor(
    private readonly sink: OutputSink,
    private readonly window: number,
    private prefix: string,
    private readonly onWritten: (at: number) => void,
  ) {}

  async add(output: Promise<ChunkOutput>, at: number): Promise<void> {
    output.catch(() => {}); // awaited in order by writeOldest; no unhandled rejection meanwhile
    this.pending.push({ output, at });
    if (this.pending.length >= this.window) await this.writeOldest();
  }

  /** Writes what is left and closes the sink. */
  async finish(): Promise<void> {
    while (this.pending.length > 0) await this.writeOldest();
    await this.sink.write(this.prefix);
    await this.sink.close();
  }

  private async writeOldest(): Promise<void> {
    const { output, at } = this.pending.shift()!;
    const result = await output;
    await this.sink.write(this.prefix + result.text);
    this.prefix = "";
    addCounts(this.counts, result.counts);
    this.onWritten(at);
  }
}
