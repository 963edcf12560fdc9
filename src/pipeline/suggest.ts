import type { SuggestOptions, SuggestResult } from "../schemas/api.ts";

/** TEMPORARY STUB: the lead replaces this with the real pipeline. Same signature. */
export function suggest(text: string, options: SuggestOptions = {}): SuggestResult {
  if (typeof text !== "string") throw new TypeError("suggest(text): text must be a string");
  return {
    ...(options.id !== undefined ? { id: options.id } : {}),
    codeSet: "2026",
    lexiconVersion: "0.1.0",
    codes: [],
    procedures: [],
    diagnoses: [],
    warnings: [],
  };
}
