/**
 * Stable procedure ids across edits. The result's own `procedures[i].id` is positional ("p0");
 * a session gives each procedure an id that survives edits elsewhere in the note:
 * an old procedure and a new one are the same when they have the same kind and share evidence
 * spans once the old spans are moved through the edit (the procedure term, its site, its size
 * usually all stay put). Pairs sharing more spans win; a new procedure left unpaired gets a
 * fresh id.
 */
import type { Procedure } from "../schemas/api.ts";
import { mapRange, type TextEdit } from "./edit.ts";

export interface IdSource {
  next(): string;
}

/** Ids of the new procedures, in result order. */
export function carryIds(
  oldProcedures: readonly Procedure[],
  oldIds: readonly string[],
  newProcedures: readonly Procedure[],
  edit: TextEdit | undefined,
  ids: IdSource,
): string[] {
  const oldKeys = oldProcedures.map((p) => spanKeys(p, edit));
  const newKeys = newProcedures.map((p) => spanKeys(p, undefined));
  const pairs: { o: number; n: number; score: number; gap: number }[] = [];
  newProcedures.forEach((np, n) => {
    oldProcedures.forEach((op, o) => {
      if (op.kind !== np.kind) return;
      let score = 0;
      for (const key of newKeys[n]!) if (oldKeys[o]!.has(key)) score++;
      if (score > 0) pairs.push({ o, n, score, gap: Math.abs(o - n) });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.gap - b.gap || a.n - b.n);
  const out: (string | undefined)[] = new Array(newProcedures.length).fill(undefined);
  const usedOld = new Set<number>();
  for (const { o, n } of pairs) {
    if (out[n] !== undefined || usedOld.has(o)) continue;
    out[n] = oldIds[o];
    usedOld.add(o);
  }
  return out.map((id) => id ?? ids.next());
}

/** "start:end" of each evidence span, moved through the edit; spans the edit changed are dropped. */
function spanKeys(p: Procedure, edit: TextEdit | undefined): Set<string> {
  const keys = new Set<string>();
  for (const span of p.evidence) {
    const moved = edit ? mapRange(span, edit) : span;
    if (moved) keys.add(`${moved.start}:${moved.end}`);
  }
  return keys;
}
