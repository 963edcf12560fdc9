import type { z } from "zod";
import { LEXICON_FILES, type LexiconFileName } from "./files.ts";

type Files = typeof LEXICON_FILES;
/** Every lexicon file, parsed and validated. */
export type Lexicon = { [K in LexiconFileName]: z.infer<Files[K]["schema"]> };

/** A lexicon file failed validation: names the file, the JSON path and the problem. */
export class LexiconError extends Error {
  override name = "LexiconError";
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path || "(root)"}: ${p.message}`).join("; ")}`);
  }
}

/**
 * Validates every lexicon file with its zod schema. `overrides` replaces the raw JSON of some
 * files (tests, curators trying an edit). Throws LexiconError at the first invalid file.
 */
export function loadLexicon(overrides: Partial<Record<LexiconFileName, unknown>> = {}): Lexicon {
  const out: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(LEXICON_FILES)) {
    const raw = overrides[name as LexiconFileName] ?? file.raw;
    const parsed = file.schema.safeParse(raw);
    if (!parsed.success) {
      throw new LexiconError(
        file.path,
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
    out[name] = parsed.data;
  }
  return out as Lexicon;
}
