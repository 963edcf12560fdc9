/**
 * Where batch output goes: a file (created, or appended to when resuming) or standard output.
 * `write` waits while the stream's buffer is full (backpressure), so a slow disk or a slow pipe
 * slows reading down instead of filling memory. A file is opened on the first write, so a run
 * that fails before producing anything leaves no file behind (see `dispose`).
 */
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";

export interface OutputSink {
  write(text: string): Promise<void>;
  /** Flushes and closes (creating the file if nothing was written). */
  close(): Promise<void>;
  /** After a failure: flushes and closes the file if it was opened, without creating it. */
  dispose(): Promise<void>;
}

/** Resolves on `event` (or when the stream closes), rejects on an error; leaves no listeners. */
function settle(stream: Writable, event: "drain" | "finish"): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off(event, onDone);
      stream.off("close", onDone);
      stream.off("error", done);
      if (error) reject(error);
      else resolve();
    };
    const onDone = () => done();
    stream.on(event, onDone);
    stream.on("close", onDone);
    stream.on("error", done);
  });
}

class StreamSink implements OutputSink {
  private stream: Writable | undefined;
  private error: Error | undefined;

  constructor(
    private readonly open: () => Writable,
    private readonly ownsStream: boolean,
  ) {}

  private target(): Writable {
    if (!this.stream) {
      this.stream = this.open();
      this.stream.on("error", (error) => {
        this.error = error;
      });
    }
    return this.stream;
  }

  async write(text: string): Promise<void> {
    if (this.error) throw this.error;
    if (text === "") return;
    const stream = this.target();
    if (!stream.write(text)) await settle(stream, "drain");
    if (this.error) throw this.error;
  }

  async close(): Promise<void> {
    const stream = this.target();
    if (this.ownsStream) {
      const finished = settle(stream, "finish");
      stream.end();
      await finished;
    } else if (stream.writableNeedDrain) await settle(stream, "drain");
    if (this.error) throw this.error;
  }

  async dispose(): Promise<void> {
    if (this.stream && this.ownsStream && !this.error) await this.close().catch(() => {});
  }
}

/** A sink writing to `path` (appending when `append`), or to `stdout` when path is undefined. */
export function openSink(path: string | undefined, stdout: Writable, append = false): OutputSink {
  if (path === undefined) return new StreamSink(() => stdout, false);
  return new StreamSink(() => createWriteStream(path, { flags: append ? "a" : "w" }), true);
}
