/**
 * Reads and validates lexicon/context.json for the adapters (CLI, bench, tests). Stages never
 * call this: they receive the compiled lexicon.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ContextLexicon, ContextLexiconSchema } from "../schemas/context.ts";

export const CONTEXT_LEXICON_PATH = fileURLToPath(
  new URL("../../lexicon/context.json", import.meta.url),
);

/** Parses a context lexicon; throws one Error naming the file, JSON path and problem. */
export function readContextLexicon(file: string = CONTEXT_LEXICON_PATH): ContextLexicon {
  const json: unknown = JSON.parse(readFileSync(file, "utf8"));
  const parsed = ContextLexiconSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const path = issue.path.map((part) =>
      typeof part === "number" ? `[${part}]` : `.${String(part)}`,
    );
    return `${file}: $${path.join("")}: ${issue.message}`;
  });
  throw new Error(`invalid context lexicon\n${lines.join("\n")}`);
}
