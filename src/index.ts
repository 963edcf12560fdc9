/**
 * dermcode public API. Curated re-exports only.
 */

export { assertConcept, compileContext } from "./context/index.ts";
export {
  fromDocumentReference,
  toFhirBundle,
  toFhirErrorBundle,
  validateFhirBundle,
} from "./fhir/index.ts";
export { createSession } from "./incremental/index.ts";
export { type CompiledLexicon, compileLexicon } from "./lexicon/compile.ts";
export { LEXICON_VERSION } from "./lexicon/files.ts";
export { type Lexicon, LexiconError, loadLexicon } from "./lexicon/load.ts";
export { defaultLexicon, InputError, suggest } from "./pipeline/suggest.ts";
export * from "./schemas/index.ts";
