/**
 * Soundness stress of the incremental fast path: long runs of small edits (letters typed,
 * deleted or replaced inside words, spaces added or removed) over every coder-written scenario note. Every
 * update that took the "shifted" path is compared with `suggest` on the edited text. Long runs
 * garble words until they graze lexicon words, compiled inflections, surgical word endings and
 * text that warnings quote: cases the unit tests' few edits per note never reach.
 *
 *   npx tsx scripts/incremental-stress.ts [--seed 7] [--edits 40]
 *
 * Prints the updates by path and every mismatch; exits 1 when there is one. Takes about a
 * minute with the defaults.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createSession } from "../src/incremental/index.ts";
import { suggest } from "../src/index.ts";
import { seeded, wordOrSpaceEdit } from "../test/incremental/fixture-note.ts";

function scenarioNotes(): [string, string][] {
  const dir = new URL("../fixtures/scenarios/", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) =>
      readFileSync(new URL(f, dir), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          const r = JSON.parse(line) as { id: string; note?: string; text?: string };
          return [r.id, r.note ?? r.text ?? ""] as [string, string];
        }),
    );
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: "string", default: "7" },
      edits: { type: "string", default: "40" },
    },
  });
  const random = seeded(Number(values.seed));
  const edits = Math.max(1, Number(values.edits));
  const paths: Record<string, number> = {};
  let mismatches = 0;
  for (const [id, note] of scenarioNotes()) {
    const session = createSession({ text: note });
    for (let k = 0; k < edits; k++) {
      const before = session.text;
      const edit = wordOrSpaceEdit(before, random);
      const update = session.applyEdit(edit);
      paths[update.path] = (paths[update.path] ?? 0) + 1;
      if (update.path !== "shifted") continue;
      if (JSON.stringify(update.result) === JSON.stringify(suggest(session.text))) continue;
      mismatches++;
      const around = before.slice(Math.max(0, edit.start - 30), edit.end + 30);
      process.stdout.write(
        `MISMATCH ${id}: ${JSON.stringify(before.slice(edit.start, edit.end))} -> ${JSON.stringify(edit.insert)} in ${JSON.stringify(around)}\n`,
      );
    }
  }
  process.stdout.write(`paths ${JSON.stringify(paths)}; mismatches ${mismatches}\n`);
  process.exitCode = mismatches > 0 ? 1 : 0;
}

main();
