/**
 * `npm run bench`: speed and memory of the pipeline over the MTSamples corpus
 * (../shared/corpus/mtsamples.jsonl next to the repository; skipped with a message if absent).
 *
 * Each phase runs in its own child process so that its peak RSS is its own:
 *   single        suggest() over every note in one thread: notes/s, MB/s, latency p50/p99
 *                 (all notes, and notes of 4-6 KB on first sight and re-coded), peak RSS
 *   pool          runBatch() over the corpus file with --jobs = cores, output to bench/out:
 *                 notes/s, MB/s (wall time, worker start-up included), peak RSS
 *   pool-warm     runBatch() over the corpus three times over (bench/out/corpus-x3.jsonl): MB/s
 *                 of the second and third copies, once every worker's code is compiled, which is
 *                 what a long export sees (the corpus alone is short enough for each worker's
 *                 just-in-time compilation to weigh on its figure)
 *   pathological  1 MB notes built to trip super-linear patterns; time of each suggest(), one
 *                 child per note, killed after 30 s
 * Prints a table and writes bench/out/bench.json. `--phase NAME` runs one phase and prints JSON.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { suggest } from "../src/index.ts";
import { DEFAULT_MAX_BYTES } from "../src/io/records.ts";
import { runBatch } from "../src/io/run-batch.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = fileURLToPath(new URL("../../shared/corpus/mtsamples.jsonl", import.meta.url));
const OUT = fileURLToPath(new URL("./out/", import.meta.url));
const MB = 1024 * 1024;

interface Note {
  id: string;
  text: string;
  bytes: number;
}

function loadCorpus(): Note[] {
  const lines = readFileSync(CORPUS, "utf8").split("\n").filter(Boolean);
  return lines.map((line) => {
    const { id, text } = JSON.parse(line) as { id: string; text: string };
    return { id, text, bytes: Buffer.byteLength(text) };
  });
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function latencyStats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    count: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
  };
}

/** Times each 4-6 KB note is coded again, with one character typed, for the re-coding latency. */
const RECODES = 5;

function single() {
  const notes = loadCorpus();
  for (const note of notes.slice(0, 300)) suggest(note.text, { id: note.id }); // warm-up
  const latencies: number[] = [];
  const started = performance.now();
  for (const note of notes) {
    const before = performance.now();
    suggest(note.text, { id: note.id });
    latencies.push(performance.now() - before);
  }
  const seconds = (performance.now() - started) / 1000;
  const textMb = notes.reduce((sum, note) => sum + note.bytes, 0) / MB;
  // A second pass, with the code compiled: the single-thread figure the warm pool compares to.
  const warmStarted = performance.now();
  for (const note of notes) suggest(note.text, { id: note.id });
  const warmSeconds = (performance.now() - warmStarted) / 1000;
  const isFiveKb = (note: Note) => note.bytes >= 4096 && note.bytes <= 6144;
  const fiveKb = latencies.filter((_, i) => isFiveKb(notes[i]!));
  // What an editor re-coding the note on every keystroke sees: the note with one character
  // typed (at RECODES places in turn) coded with the process warm; the median is its latency.
  const recoded = notes.filter(isFiveKb).map((note) => {
    const times: number[] = [];
    for (let k = 0; k < RECODES; k++) {
      const at = Math.floor((note.text.length * (k + 1)) / (RECODES + 1));
      const typed = `${note.text.slice(0, at)}e${note.text.slice(at)}`;
      const before = performance.now();
      suggest(typed, { id: note.id });
      times.push(performance.now() - before);
    }
    return times.sort((a, b) => a - b)[RECODES >> 1]!;
  });
  return {
    notes: notes.length,
    seconds,
    notesPerSecond: notes.length / seconds,
    textMb,
    mbPerSecond: textMb / seconds,
    warmMbPerSecond: textMb / warmSeconds,
    latency: latencyStats(latencies),
    latency5kb: latencyStats(fiveKb),
    latency5kbRecoded: latencyStats(recoded),
    peakRssMb: peakRssMb(),
  };
}

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

/** The batch path end to end (reading, workers, ordering, writing), worker start-up included. */
async function pool() {
  const jobs = availableParallelism();
  const cpuBefore = process.cpuUsage();
  const output = `${OUT}pool.jsonl`;
  const summary = await runBatch({
    input: CORPUS,
    output,
    stdout: process.stdout,
    format: "jsonl",
    jobs,
    maxBytes: DEFAULT_MAX_BYTES,
  });
  const outputLines = readFileSync(output, "utf8").split("\n").filter(Boolean).length;
  return {
    jobs,
    notes: summary.records,
    outputLines,
    errors: summary.errors,
    seconds: summary.seconds,
    notesPerSecond: summary.records / summary.seconds,
    /** CPU seconds of all threads; cpu / seconds below the job count means the cores were shared. */
    cpuSeconds: cpuSeconds(process.cpuUsage(cpuBefore)),
    peakRssMb: peakRssMb(),
  };
}

const WARM_COPIES = 3;

/**
 * The pool over the corpus WARM_COPIES times over (ids made unique per copy): throughput over the
 * copies after the first, timed from the moment the first copy's last record is written.
 */
/** Writes the corpus WARM_COPIES times over, ids made unique per copy (in the parent process). */
function writeWarmInput(): string {
  const input = `${OUT}corpus-x${WARM_COPIES}.jsonl`;
  const lines = readFileSync(CORPUS, "utf8").split("\n").filter(Boolean);
  const copies: string[] = [];
  for (let copy = 1; copy <= WARM_COPIES; copy++)
    for (const line of lines) {
      const record = JSON.parse(line) as { id: string; text: string };
      copies.push(JSON.stringify({ id: `${record.id}#${copy}`, text: record.text }));
    }
  writeFileSync(input, `${copies.join("\n")}\n`);
  return input;
}

async function poolWarm() {
  const jobs = availableParallelism();
  const notes = loadCorpus();
  const textMb = notes.reduce((sum, note) => sum + note.bytes, 0) / MB;
  const perCopy = notes.length;
  notes.length = 0;
  const input = `${OUT}corpus-x${WARM_COPIES}.jsonl`;
  let firstCopyDone: number | undefined;
  const summary = await runBatch({
    input,
    output: `${OUT}pool-warm.jsonl`,
    stdout: process.stdout,
    format: "jsonl",
    jobs,
    maxBytes: DEFAULT_MAX_BYTES,
    onProgress: ({ counts, seconds }) => {
      if (firstCopyDone === undefined && counts.records >= perCopy) firstCopyDone = seconds;
    },
  });
  const warmSeconds = summary.seconds - (firstCopyDone ?? 0);
  return {
    jobs,
    records: summary.records,
    seconds: summary.seconds,
    warmMbPerSecond: ((WARM_COPIES - 1) * textMb) / warmSeconds,
    peakRssMb: peakRssMb(),
  };
}

/** 1 MB notes that make a careless regex or a quadratic loop blow up. */
function pathologicalNotes(): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  return {
    "digit run": fill("1234567890"),
    "repeated x": fill("x"),
    "thousands of cm": fill("1 cm "),
    "size chains 1x1x1": fill("1x"),
    "decimal dimensions": fill("2.5 x 3.0 cm, "),
    "words without spaces": fill("excisionbiopsyshave"),
    "one endless sentence": fill("shave biopsy of lesion and "),
    "negation triggers": fill("no evidence of "),
    "newlines only": `${fill("\n").slice(1)}a`,
    "a header on every line": fill("PLAN: excision\nSITE: arm.\n"),
    "many labels on one line": fill("HPI: had LN2. Today: x. "),
  };
}

/** Times suggest() on one pathological note (run in a child so a runaway case can be killed). */
function pathological(name: string) {
  suggest("warm-up: shave biopsy of a 0.5 cm lesion on the arm.");
  const text = pathologicalNotes()[name] ?? "";
  const before = performance.now();
  try {
    const result = suggest(text);
    return { ms: Math.round(performance.now() - before), codes: result.codes.length };
  } catch (error) {
    return { ms: Math.round(performance.now() - before), error: String(error) };
  }
}

const PATHOLOGICAL_TIMEOUT_MS = 30_000;

function runPhase(phase: string, arg = "", timeout?: number): unknown {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), "--phase", phase, arg];
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * MB,
    stdio: ["ignore", "pipe", "inherit"],
    timeout,
  });
  if (child.error || child.status !== 0) {
    if (timeout && child.signal) return undefined;
    throw new Error(`bench phase ${phase} failed (exit ${child.status})`);
  }
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!);
}

interface PathologicalRun {
  ms?: number;
  codes?: number;
  error?: string;
}

function runPathological() {
  return Object.keys(pathologicalNotes()).map((name) => {
    const run = runPhase("pathological", name, PATHOLOGICAL_TIMEOUT_MS);
    return {
      name,
      bytes: MB,
      ...(run as PathologicalRun | undefined),
      timedOut: run === undefined,
    };
  });
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

type SingleResult = ReturnType<typeof single>;
type PoolResult = Awaited<ReturnType<typeof pool>> & { mbPerSecond?: number };
type WarmPoolResult = Awaited<ReturnType<typeof poolWarm>>;

function report(one: SingleResult, many: PoolResult, warm: WarmPoolResult): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "?"})`;
  const rate = (notesPerSecond: number, mbPerSecond = 0) =>
    `${fixed(notesPerSecond, 0)} notes/s, ${fixed(mbPerSecond, 2)} MB/s of note text`;
  const latency = (name: string, stats: SingleResult["latency"]) =>
    `  suggest() latency, ${name}: p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms (n=${stats.count})`;
  const cpuShare = fixed(many.cpuSeconds / many.seconds, 2);
  return [
    `corpus: ${one.notes} notes, ${fixed(one.textMb, 1)} MB of text; machine: ${machine}`,
    `single thread: ${rate(one.notesPerSecond, one.mbPerSecond)}, peak RSS ${one.peakRssMb} MB`,
    latency("all notes    ", one.latency),
    latency("4-6 KB notes ", one.latency5kb),
    latency(`4-6 KB notes, one character typed (median of ${RECODES})`, one.latency5kbRecoded),
    `pool --jobs ${many.jobs}: ${rate(many.notesPerSecond, many.mbPerSecond)}, peak RSS ${many.peakRssMb} MB`,
    `  ${fixed(many.seconds, 2)} s wall with start-up, I/O and JSON; ${cpuShare} cores busy on average`,
    `  output lines ${many.outputLines} for ${many.notes} records (${many.errors} errors)`,
    `warm (code compiled): single thread ${fixed(one.warmMbPerSecond, 2)} MB/s; pool --jobs ${warm.jobs} ${fixed(warm.warmMbPerSecond, 2)} MB/s (corpus x${WARM_COPIES}, copies 2-${WARM_COPIES}; ${fixed(warm.warmMbPerSecond / one.warmMbPerSecond, 2)}x), peak RSS ${warm.peakRssMb} MB`,
  ].join("\n");
}

function pathologicalLine(row: ReturnType<typeof runPathological>[number]): string {
  const limit = `over ${PATHOLOGICAL_TIMEOUT_MS / 1000} s (killed)`;
  const time = row.timedOut ? limit : `${row.ms} ms`;
  const threw = row.error ? `, threw ${row.error}` : "";
  const flag = row.timedOut || (row.ms ?? 0) > 1000 ? "  <-- over 1 s" : "";
  return `pathological 1 MB, ${row.name}: ${time}${threw}${flag}`;
}

async function main(): Promise<void> {
  const phaseAt = process.argv.indexOf("--phase");
  if (phaseAt >= 0) {
    const [phase, arg] = process.argv.slice(phaseAt + 1);
    const result =
      phase === "single"
        ? single()
        : phase === "pool"
          ? await pool()
          : phase === "pool-warm"
            ? await poolWarm()
            : pathological(arg ?? "");
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (!existsSync(CORPUS)) {
    process.stdout.write(`bench: corpus not found at ${CORPUS}; skipping\n`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const one = runPhase("single") as SingleResult;
  const many = runPhase("pool") as PoolResult;
  many.mbPerSecond = one.textMb / many.seconds;
  writeWarmInput();
  const warm = runPhase("pool-warm") as WarmPoolResult;
  const results = { single: one, pool: many, poolWarm: warm };
  process.stdout.write(`${report(one, many, warm)}\n`);
  const extreme = runPathological();
  for (const row of extreme) process.stdout.write(`${pathologicalLine(row)}\n`);
  const at = new Date().toISOString();
  writeFileSync(
    `${OUT}bench.json`,
    `${JSON.stringify({ at, ...results, pathological: extreme }, null, 2)}\n`,
  );
  process.stdout.write(`wrote ${OUT}bench.json\n`);
}

await main();
