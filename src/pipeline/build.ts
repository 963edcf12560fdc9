import type { z } from "zod";
import { diagnosesFor, diagnosisFacts } from "../output/diagnoses.ts";
import { buildCodeLine, buildProcedures, buildWarnings, orderEvents } from "../output/result.ts";
import type { SuggestOptionsSchema, SuggestResult } from "../schemas/api.ts";
import { orderLines } from "./order.ts";
import type { PipelineState } from "./stages.ts";

/** Assembles the SuggestResult: procedures in note order, lines in claim order, warnings. */
export function buildResult(
  s: PipelineState,
  opts: z.infer<typeof SuggestOptionsSchema>,
): SuggestResult {
  const original = s.text;
  const events = s.events!;
  const order = orderEvents(events);
  const coded = new Set(s.lines!.flatMap((l) => l.events));
  // A procedure done today with no code line says why (the first message about it).
  const notCoded = new Map<number, string>();
  for (const i of s.issues)
    if (i.event !== undefined && !coded.has(i.event) && !notCoded.has(i.event))
      notCoded.set(i.event, i.message);
  // Diagnoses support code lines: a procedure dropped as no skin procedure supports none.
  const notSkin = new Set(
    s.issues.flatMap((i) => (i.event !== undefined && NOT_SKIN.has(i.code) ? [i.event] : [])),
  );
  const supported = (e: (typeof events)[number]) =>
    coded.has(e.index) || (notCoded.has(e.index) && !notSkin.has(e.index));
  const diagnoses = diagnosesFor(
    diagnosisFacts(events, order, s.index!, supported),
    s.lex,
    s.issues,
  );
  const deleted = s.mentions!.filter((m) => m.kind === "deleted_code");
  for (const m of deleted)
    s.issues.push({
      code: "deleted_code",
      message: m.message,
      severity: "warning",
      span: m,
      ruleId: m.ruleId,
    });
  for (const l of s.lines!) s.issues.push(...(l.issues ?? []));
  // What grouping noticed about a procedure (a vague count) matters only where it is coded.
  for (const e of events)
    if (e.assertion.billable && coded.has(e.index))
      s.issues.push(...e.issues.map((i) => ({ ...i, event: e.index })));
  const lines = orderLines(s.lines!, s.confidences!, s.lex);
  const codes = [];
  for (const { line, confidence } of lines) {
    if (confidence < opts.minConfidence) {
      s.issues.push({
        code: "below_min_confidence",
        message: `${line.code} left out: confidence ${confidence} is below ${opts.minConfidence}`,
        severity: "warning",
      });
      continue;
    }
    codes.push(buildCodeLine(line, confidence, order, original, diagnoses));
  }
  return {
    ...(opts.id !== undefined ? { id: opts.id } : {}),
    codeSet: opts.codeSet ?? s.lex.codeSet,
    lexiconVersion: s.lex.version,
    codes,
    procedures: buildProcedures(events, order, original, notCoded),
    diagnoses,
    warnings: buildWarnings(s.issues, order, original),
  };
}

/** Issue codes saying a procedure is no skin procedure. */
const NOT_SKIN = new Set(["no_skin_evidence", "not_skin"]);
