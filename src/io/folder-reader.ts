/**
 * A folder of `.txt` notes: one record per file, id = the file name (e.g. `note-17.txt`), in
 * name order (code-unit order, the same on every machine). Subfolders and other files are
 * ignored. A file larger than the note limit is reported without being read.
 */
import { opendir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { badRecord, InputError, type InputRecord } from "./records.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The `.txt` file names of `dir`, sorted; InputError when the folder cannot be listed. */
export async function listTextFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of await opendir(dir)) {
      if (entry.isFile() && entry.name.toLowerCase().endsWith(".txt")) names.push(entry.name);
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(`cannot list folder "${dir}": ${reason}`);
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads one note file into a record. */
export async function readNoteFile(
  dir: string,
  name: string,
  maxBytes: number,
): Promise<InputRecord> {
  const path = join(dir, name);
  const { size } = await stat(path);
  if (size > maxBytes) {
    return badRecord(name, "too_large", `file is ${size} bytes; the limit is ${maxBytes}`);
  }
  const bytes = await readFile(path);
  try {
    return { id: name, text: strictUtf8.decode(bytes) }; // the decoder drops a leading BOM
  } catch {
    return badRecord(name, "invalid_utf8", "the file is not valid UTF-8");
  }
}

/** Reads the named notes of `dir` in order, a few files ahead of the consumer. */
export async function* readFolder(
  dir: string,
  names: string[],
  maxBytes: number,
): AsyncGenerator<InputRecord> {
  const ahead: Promise<InputRecord>[] = [];
  const read = (name: string) =>
    readNoteFile(dir, name, maxBytes).catch((error: Error) =>
      badRecord(name, "internal", `could not read the file: ${error.message}`),
    );
  let done = 0;
  for (let next = 0; next < names.length || ahead.length > 0; ) {
    while (ahead.length < 8 && next < names.length) ahead.push(read(names[next++]!));
    yield { ...(await ahead.shift()!), at: ++done };
  }
}
