/**
 * What changed between two results, as an editor needs it: claim lines added, removed and
 * changed. A line is identified by the stable id of its procedure and its code (and its rank
 * among lines with both the same). A line whose only difference is that its evidence moved with
 * the edit is not "changed"; one whose units, modifiers, confidence, wording, diagnoses,
 * factors, rules or evidence text differ is.
 */
import type { CodeLine, SuggestResult } from "../schemas/api.ts";
import { mapRange, type TextEdit } from "./edit.ts";

export interface CodeChanges {
  added: CodeLine[];
  removed: CodeLine[];
  changed: { before: CodeLine; after: CodeLine }[];
}

export function noChanges(): CodeChanges {
  return { added: [], removed: [], changed: [] };
}

export function diffCodes(
  before: SuggestResult,
  beforeIds: readonly string[],
  after: SuggestResult,
  afterIds: readonly string[],
  edit: TextEdit | undefined,
): CodeChanges {
  const old = keyed(before, beforeIds);
  const changes: CodeChanges = { added: [], removed: [], changed: [] };
  for (const [key, line] of keyed(after, afterIds)) {
    const prior = old.get(key);
    if (!prior) changes.added.push(line);
    else {
      old.delete(key);
      if (fingerprint(prior, before, edit) !== fingerprint(line, after, undefined)) {
        changes.changed.push({ before: prior, after: line });
      }
    }
  }
  changes.removed.push(...old.values());
  return changes;
}

function keyed(result: SuggestResult, ids: readonly string[]): Map<string, CodeLine> {
  const out = new Map<string, CodeLine>();
  for (const line of result.codes) {
    const base = `${ids[line.procedure] ?? `#${line.procedure}`}|${line.code}`;
    let rank = 0;
    while (out.has(`${base}|${rank}`)) rank++;
    out.set(`${base}|${rank}`, line);
  }
  return out;
}

/** Everything about a line except where its evidence sits, with old spans moved through the edit. */
function fingerprint(line: CodeLine, result: SuggestResult, edit: TextEdit | undefined): string {
  const evidence = line.evidence.map((s) => {
    const moved = edit ? mapRange(s, edit) : s;
    return moved ? `${moved.start}:${moved.end}:${s.text}` : `?:${s.text}`;
  });
  const diagnoses = line.diagnoses.map((i) => result.diagnoses[i]?.code ?? `#${i}`);
  return JSON.stringify([
    line.code,
    line.units,
    line.modifiers,
    line.confidence,
    line.description,
    line.rationale,
    diagnoses,
    line.factors,
    line.ruleIds,
    line.alternates ?? null,
    evidence,
  ]);
}
