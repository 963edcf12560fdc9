import { confidenceOf } from "../coding/confidence.ts";
import { digitModifiers } from "../coding/digit-modifiers.ts";
import { applyEventEdits, applyLineEdits } from "../coding/edits.ts";
import { modifier25Hint } from "../coding/em-hint.ts";
import { globalModifiers } from "../coding/global-modifiers.ts";
import { type DraftLine, factor } from "../coding/lines.ts";
import { uncodedListed } from "../coding/listed.ts";
import { mapCodes } from "../coding/map.ts";
import { detectAssertions } from "../context/index.ts";
import { markReportNote } from "../context/report-note.ts";
import { markStoppedByReference } from "../context/stopped-reference.ts";
import { extractMentions, MAX_PROCEDURE_MENTIONS } from "../extract/index.ts";
import { groupEvents } from "../group/events.ts";
import { indexMentions, type MentionIndex } from "../group/index-mentions.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Assertion } from "../schemas/api.ts";
import { analyzeText } from "../text/analyze.ts";
import type { Doc, Issue, Mention } from "../types.ts";

/** What the stages read and write. Each stage fills one field from the ones before it. */
export interface PipelineState {
  text: string;
  lex: CompiledLexicon;
  modifierStyle: "59" | "X";
  issues: Issue[];
  doc?: Doc;
  mentions?: Mention[];
  assertions?: Map<number, Assertion>;
  index?: MentionIndex;
  events?: ProcedureEvent[];
  lines?: DraftLine[];
  confidences?: number[];
}

export interface Stage {
  name: string;
  run: (s: PipelineState) => void;
}

const CONTEXT_KINDS = new Set(["procedure", "histology", "technique"]);

/** The pipeline: the only place the order of stages is decided. */
export const STAGES: Stage[] = [
  {
    name: "text",
    run: (s) => {
      s.doc = analyzeText(s.text, s.lex);
    },
  },
  {
    name: "extract",
    run: (s) => {
      s.mentions = extractMentions(s.doc!, s.lex);
    },
  },
  {
    name: "context",
    run: (s) => {
      // A technique word is asserted only near a named procedure (its sentence or the one
      // before or after: "I did not rongeur the bone"); depth and tissue words elsewhere in an
      // operative note need no context. A word that qualifies its procedure from anywhere in the
      // event's scope (reach "scope": "loculations", "tendon") is asserted wherever it stands, so
      // "a single cavity without loculations was found" three sentences on is no cue.
      // Sentence i is near a procedure when nearProcedure[i + 1] is set (-1: no sentence).
      const nearProcedure = new Uint8Array(s.doc!.sentences.length + 2);
      for (const m of s.mentions!) {
        if (m.kind !== "procedure") continue;
        for (let i = m.sentence; i <= m.sentence + 2; i++) if (i >= 0) nearProcedure[i] = 1;
      }
      const targets = s.mentions!.filter(
        (m) =>
          CONTEXT_KINDS.has(m.kind) &&
          m.sentence >= 0 &&
          (m.kind !== "technique" || m.reach === "scope" || nearProcedure[m.sentence + 1] === 1),
      );
      s.assertions = detectAssertions(s.doc!.text, s.doc!.sentences, targets, s.lex.context);
      markDoneByPathology(s.mentions!, s.assertions);
      markStoppedByReference(s.doc!, s.mentions!, s.assertions, s.lex, s.issues);
      markReportNote(s.doc!, s.mentions!, s.assertions, s.lex);
      s.index = indexMentions(s.doc!, s.mentions!, s.assertions, s.lex.itemLabels);
    },
  },
  {
    name: "group",
    run: (s) => {
      s.events = groupEvents(s.index!, s.lex);
      const cut = s.doc!.truncatedAtSentence;
      if (cut !== undefined) {
        s.issues.push({
          code: "note_too_long",
          message: `the note names more than ${MAX_PROCEDURE_MENTIONS} procedures; text after offset ${s.doc!.sentences[cut]!.start} was not coded`,
          severity: "warning",
        });
      }
    },
  },
  { name: "edits.events", run: (s) => applyEventEdits(s.events!, s.lex, s.issues) },
  {
    name: "map",
    run: (s) => {
      s.lines = mapCodes(s.events!, s.lex, s.issues);
      // The procedure list names an operation dermcode does not code: the claim is incomplete.
      const uncoded = s.lines.length > 0 ? uncodedListed(s.doc!, s.mentions!, s.lex) : [];
      s.issues.push(...uncoded);
      const w = s.lex.source.confidence.factors;
      if (uncoded.length > 0)
        for (const l of s.lines) l.factors.push(factor("procedure_list_uncoded", w));
    },
  },
  {
    name: "edits.lines",
    run: (s) => {
      s.lines = applyLineEdits(s.lines!, s.events!, s.lex, s.modifierStyle, s.issues);
      globalModifiers(s.lines, s.doc!, s.lex);
      s.lines = digitModifiers(s.lines, s.events!, s.index!, s.lex);
      modifier25Hint(s.lines, s.events!, s.index!, s.lex, s.issues);
    },
  },
  {
    name: "confidence",
    run: (s) => {
      s.confidences = s.lines!.map((l) => confidenceOf(l, s.lex));
    },
  },
];

/** "biopsy-proven", "prior bx showed": the procedure was done before this visit. */
function markDoneByPathology(mentions: Mention[], assertions: Map<number, Assertion>): void {
  for (const m of mentions) {
    if (m.kind !== "procedure" || !m.pathologyCue) continue;
    const a = assertions.get(m.id);
    if (!a) continue;
    assertions.set(m.id, {
      ...a,
      temporality: "historical",
      billable: false,
      reason: `already done: "${m.text}" names an earlier result`,
      ruleIds: [...a.ruleIds, "extract.pathology-cue"],
    });
  }
}
