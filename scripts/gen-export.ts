/**
 * Generates a large JSONL export for the batch memory test by repeating the MTSamples corpus
 * notes with fresh ids (`gen-0000001`, ...), streaming with backpressure (flat memory).
 *
 *   npx tsx scripts/gen-export.ts [SIZE] [OUTPUT]
 *   SIZE: bytes with an optional KB / MB / GB suffix (default 1GB)
 *   OUTPUT: default /tmp/dermcode-export-<SIZE>.jsonl
 *
 * Then, for example:
 *   /usr/bin/time -v node bin/dermcode.js batch /tmp/dermcode-export-1GB.jsonl -o /tmp/out.jsonl
 * and read "Maximum resident set size".
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CORPUS = fileURLToPath(new URL("../../shared/corpus/mtsamples.jsonl", import.meta.url));
const UNITS: Record<string, number> = { "": 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(text.trim());
  if (!match) throw new Error(`size must look like 1GB, 500MB or 1048576, got "${text}"`);
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? "").toUpperCase()]!);
}

function corpusTexts(): string[] {
  const lines = readFileSync(CORPUS, "utf8").split("\n").filter(Boolean);
  return lines.map((line) => (JSON.parse(line) as { text: string }).text);
}

async function generate(target: number, path: string): Promise<{ records: number; bytes: number }> {
  const texts = corpusTexts();
  const out = createWriteStream(path);
  let bytes = 0;
  let records = 0;
  while (bytes < target) {
    const id = `gen-${String(records + 1).padStart(7, "0")}`;
    const line = `${JSON.stringify({ id, text: texts[records % texts.length] })}\n`;
    bytes += Buffer.byteLength(line);
    records++;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return { records, bytes };
}

const sizeArg = process.argv[2] ?? "1GB";
const target = parseSize(sizeArg);
const path = process.argv[3] ?? `/tmp/dermcode-export-${sizeArg.toUpperCase()}.jsonl`;
const started = performance.now();
const { records, bytes } = await generate(target, path);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stderr.write(
  `gen-export: wrote ${records} records, ${bytes} bytes to ${path} in ${seconds} s\n`,
);
