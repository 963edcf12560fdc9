/**
 * Opens a batch input by its kind: a `.jsonl` / `.ndjson` file, a `.csv` file, a directory of
 * `.txt` files, or `-` (JSONL on standard input). Problems that make the whole input unreadable
 * throw InputError before any record is produced.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { readCsv } from "./csv-reader.ts";
import { listTextFiles, readFolder } from "./folder-reader.ts";
import { readJsonl } from "./jsonl-reader.ts";
import { InputError, type InputRecord } from "./records.ts";

export type InputKind = "jsonl" | "csv" | "folder";

export interface InputOptions {
  maxBytes: number;
  idColumn?: string;
  textColumn?: string;
}

export interface InputSource {
  kind: InputKind;
  /** Records carry `at`, their end position in the same unit as `total`. */
  records: AsyncIterable<InputRecord>;
  /** Input size in bytes (files) or files (folders); unknown for standard input. */
  total?: number;
}

const EXTENSIONS: Record<string, InputKind> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
};

async function kindOf(path: string): Promise<{ kind: InputKind; size: number }> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read input "${path}": ${error.code ?? error.message}`);
  });
  if (info.isDirectory()) return { kind: "folder", size: 0 };
  const kind = EXTENSIONS[extname(path).toLowerCase()];
  if (!kind) {
    throw new InputError(`input "${path}" has an unknown extension (use .jsonl, .csv or a folder)`);
  }
  return { kind, size: info.size };
}

function openFile(path: string): Promise<ReadStream> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  return new Promise((resolve, reject) => {
    stream.once("open", () => resolve(stream));
    stream.once("error", (error: NodeJS.ErrnoException) =>
      reject(new InputError(`cannot read input "${path}": ${error.code ?? error.message}`)),
    );
  });
}

/** Opens `path` (or `-` for standard input) as a stream of records. */
export async function openInput(path: string, options: InputOptions): Promise<InputSource> {
  if (path === "-") {
    return { kind: "jsonl", records: readJsonl(process.stdin, options.maxBytes) };
  }
  const { kind, size } = await kindOf(path);
  if (kind === "folder") {
    const names = await listTextFiles(path);
    return { kind, records: readFolder(path, names, options.maxBytes), total: names.length };
  }
  const stream = await openFile(path);
  if (kind === "jsonl") return { kind, records: readJsonl(stream, options.maxBytes), total: size };
  const columns = { idColumn: options.idColumn ?? "id", textColumn: options.textColumn ?? "text" };
  return {
    kind,
    records: readCsv(stream, { ...columns, maxBytes: options.maxBytes }),
    total: size,
  };
}
