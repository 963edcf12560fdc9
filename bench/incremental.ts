/**
 * Benchmark of the incremental API on a ~5 KB note built from fixture notes. Bounded: a few
 * thousand re-codes, then it stops.
 *
 *   npx tsx bench/incremental.ts [--edits 1000] [--seed 1] [--json]
 *
 * Workloads (each a fresh session; every timing is one `session.applyEdit`, end to end):
 * - random:   one-character edits (insert / delete / replace, characters drawn from the note)
 *             anywhere in the note;
 * - away:     the same, never touching procedure text (evidence, site and size spans); also
 *             counts how often every procedure kept its id;
 * - typing:   a sentence typed character by character into the middle of the note;
 * - baseline: `suggest` on the same texts (what a session without incremental paths would pay).
 * Every 10th update is compared with `suggest` on the edited note (not timed); any difference
 * is reported as a mismatch.
 */
import { parseArgs } from "node:util";
import { createSession, type UpdatePath } from "../src/incremental/index.ts";
import { suggest } from "../src/index.ts";
import {
  fiveKbNote,
  oneCharEdit,
  positionAwayFrom,
  procedureSpans,
  seeded,
} from "../test/incremental/fixture-note.ts";

interface Stats {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

interface WorkloadReport {
  workload: string;
  ms: Stats;
  paths: Partial<Record<UpdatePath, number>>;
  /** Timings of the updates that took each path. */
  byPath?: Partial<Record<UpdatePath, Stats>>;
  mismatches: number;
  idsKept?: number;
  procedureSetChanged?: number;
}

const TYPED =
  " Patient tolerated the procedure well; wound care reviewed and a follow up visit was booked.";

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1)!),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function runRandom(note: string, edits: number, seed: number, away: boolean): WorkloadReport {
  const random = seeded(seed);
  const session = createSession({ text: note });
  const times: number[] = [];
  const byPath: Partial<Record<UpdatePath, number[]>> = {};
  let mismatches = 0;
  let idsKept = 0;
  let procedureSetChanged = 0;
  for (let k = 0; k < edits; k++) {
    const text = session.text;
    const at = away
      ? positionAwayFrom(procedureSpans(session.result), text.length, random)
      : Math.floor(random() * (text.length + 1));
    if (at === undefined) break;
    const edit = oneCharEdit(text, at, random);
    const kinds = session.result.procedures.map((p) => p.kind);
    const ids = session.procedureIds;
    const t0 = performance.now();
    const update = session.applyEdit(edit);
    const ms = performance.now() - t0;
    times.push(ms);
    const list = byPath[update.path] ?? [];
    list.push(ms);
    byPath[update.path] = list;
    if (k % 10 === 0 && !same(update.result, suggest(session.text))) mismatches++;
    if (
      same(
        kinds,
        update.result.procedures.map((p) => p.kind),
      )
    ) {
      if (same(ids, update.procedureIds)) idsKept++;
    } else procedureSetChanged++;
  }
  return {
    workload: away ? "away" : "random",
    ms: stats(times),
    paths: session.stats,
    byPath: Object.fromEntries(Object.entries(byPath).map(([path, list]) => [path, stats(list)])),
    mismatches,
    ...(away ? { idsKept, procedureSetChanged } : {}),
  };
}

function runTyping(note: string): WorkloadReport {
  const session = createSession({ text: note });
  const at = note.indexOf("\n\n", Math.floor(note.length / 2));
  const times: number[] = [];
  let mismatches = 0;
  for (let i = 0; i < TYPED.length; i++) {
    const t0 = performance.now();
    const update = session.applyEdit({ start: at + i, end: at + i, insert: TYPED[i]! });
    times.push(performance.now() - t0);
    if (i % 10 === 0 && !same(update.result, suggest(session.text))) mismatches++;
  }
  return { workload: "typing", ms: stats(times), paths: session.stats, mismatches };
}

function runBaseline(note: string, edits: number, seed: number): WorkloadReport {
  const random = seeded(seed);
  let text = note;
  const times: number[] = [];
  for (let k = 0; k < edits; k++) {
    const edit = oneCharEdit(text, Math.floor(random() * (text.length + 1)), random);
    text = text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
    const t0 = performance.now();
    suggest(text);
    times.push(performance.now() - t0);
  }
  return { workload: "baseline suggest()", ms: stats(times), paths: {}, mismatches: 0 };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      edits: { type: "string", default: "1000" },
      seed: { type: "string", default: "1" },
      json: { type: "boolean", default: false },
    },
  });
  const edits = Math.max(1, Math.min(20_000, Number(values.edits)));
  const seed = Number(values.seed);
  const note = fiveKbNote();
  for (let i = 0; i < 200; i++) suggest(note); // warm up: lexicon compiled, JIT settled
  const reports = [
    runRandom(note, edits, seed, false),
    runRandom(note, edits, seed + 1, true),
    runTyping(note),
    runBaseline(note, Math.min(edits, 500), seed),
  ];
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ noteChars: note.length, edits, seed, reports })}\n`);
    return;
  }
  process.stdout.write(
    `note: ${note.length} characters, ${suggest(note).procedures.length} procedures; seed ${seed}\n`,
  );
  for (const r of reports) {
    const { n, p50, p90, p99, max, mean } = r.ms;
    process.stdout.write(
      `${r.workload.padEnd(20)} n=${n} p50=${p50}ms p90=${p90}ms p99=${p99}ms max=${max}ms mean=${mean}ms\n`,
    );
    if (Object.keys(r.paths).length > 0)
      process.stdout.write(
        `${"".padEnd(20)} paths ${JSON.stringify(r.paths)} mismatches=${r.mismatches}\n`,
      );
    for (const [path, st] of Object.entries(r.byPath ?? {})) {
      process.stdout.write(
        `${"".padEnd(20)}   ${path.padEnd(9)} n=${st.n} p50=${st.p50}ms p99=${st.p99}ms\n`,
      );
    }
    if (r.idsKept !== undefined) {
      process.stdout.write(
        `${"".padEnd(20)} ids kept on ${r.idsKept} edits; procedure list changed by ${r.procedureSetChanged} edits\n`,
      );
    }
  }
}

main();
