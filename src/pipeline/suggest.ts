import type { z } from "zod";
import { type CompiledLexicon, compileLexicon } from "../lexicon/compile.ts";
import { loadLexicon } from "../lexicon/load.ts";
import { type SuggestOptions, SuggestOptionsSchema, type SuggestResult } from "../schemas/api.ts";
import type { Mention } from "../types.ts";
import { buildResult } from "./build.ts";
import { type PipelineState, STAGES } from "./stages.ts";

let cached: CompiledLexicon | undefined;

/** The bundled lexicon, validated and compiled on first use. */
export function defaultLexicon(): CompiledLexicon {
  cached ??= compileLexicon(loadLexicon());
  return cached;
}

/** Thrown for input suggest() cannot process (not a string, bad options). */
export class InputError extends Error {
  override name = "InputError";
}

/**
 * Suggests CPT code lines for one dermatology note. Pure: no I/O, nothing leaves the process.
 * Throws InputError for a non-string text or invalid options.
 */
export function suggest(
  text: string,
  options: SuggestOptions = {},
  lexicon?: CompiledLexicon,
): SuggestResult {
  return run(text, options, lexicon).result;
}

/**
 * suggest() and the mentions its extract stage found (offsets into `text`): what an editing
 * session needs to decide later edits, without the per-stage snapshots of `trace`.
 */
export function suggestWithMentions(
  text: string,
  options: SuggestOptions,
  lexicon?: CompiledLexicon,
): { result: SuggestResult; mentions: readonly Mention[] } {
  const { result, state } = run(text, { ...options, trace: false }, lexicon);
  return { result, mentions: state.mentions ?? [] };
}

function run(
  text: string,
  options: SuggestOptions,
  lexicon: CompiledLexicon | undefined,
): { result: SuggestResult; state: PipelineState } {
  if (typeof text !== "string") throw new InputError("suggest(text): text must be a string");
  const opts = parseOptions(options);
  const lex = lexicon ?? defaultLexicon();
  if (opts.codeSet !== undefined && !lex.source.meta.codeSets.includes(opts.codeSet)) {
    throw new InputError(
      `code set ${opts.codeSet} is not available (have ${lex.source.meta.codeSets.join(", ")})`,
    );
  }
  const state: PipelineState = { text, lex, modifierStyle: opts.modifierStyle, issues: [] };
  const trace: Record<string, unknown> = {};
  for (const stage of STAGES) {
    stage.run(state);
    if (opts.trace) trace[stage.name] = snapshot(state, stage.name);
  }
  const result = buildResult(state, opts);
  return { result: opts.trace ? { ...result, trace } : result, state };
}

/** The options with every default filled in, as the schema gives them for `{}`. */
const DEFAULT_OPTIONS = Object.freeze(SuggestOptionsSchema.parse({}));

/**
 * Validates the options. The common calls (no options, or only a string id: the batch and the
 * editor) skip the schema, whose parse costs about as much as tokenising a short note.
 */
function parseOptions(options: SuggestOptions): z.infer<typeof SuggestOptionsSchema> {
  if (options !== null && typeof options === "object" && !Array.isArray(options)) {
    const keys = Object.keys(options);
    if (keys.length === 0) return DEFAULT_OPTIONS;
    if (keys.length === 1 && keys[0] === "id" && typeof options.id === "string")
      return { ...DEFAULT_OPTIONS, id: options.id };
  }
  const parsed = SuggestOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new InputError(
      `suggest options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

function snapshot(s: PipelineState, name: string): unknown {
  switch (name) {
    case "text":
      return { sections: s.doc!.sections, sentences: s.doc!.sentences.length };
    case "extract":
      return s.mentions;
    case "context":
      return [...s.assertions!.entries()].map(([id, a]) => ({ mention: id, ...a }));
    case "group":
    case "edits.events":
      return s.events!.map((e) => ({
        index: e.index,
        kind: e.kind,
        billable: e.assertion.billable,
        lesion: e.lesion,
        derived: e.derived,
        count: e.count,
        malignancy: e.malignancy,
        ruleIds: e.ruleIds,
      }));
    default:
      return s.lines?.map((l) => ({
        code: l.code,
        units: l.units,
        modifiers: l.modifiers,
        ruleIds: l.ruleIds,
      }));
  }
}
