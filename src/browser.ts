/**
 * Browser entry of dermcode: everything an in-page documentation tool needs, with the lexicon
 * bundled (no network, no file system). Built by scripts/build-browser.ts into
 * dist/browser/dermcode.js (ESM). The same module also runs in Node.
 *
 *   import { createSession } from "./dermcode.js";
 *   const session = createSession();
 *   const { result, changes, procedureIds } = session.update(editor.value);
 */

export {
  type FhirBundleOptions,
  FhirInputError,
  FhirOutputError,
  fromDocumentReference,
  toFhirBundle,
  toFhirErrorBundle,
  validateFhirBundle,
} from "./fhir/index.ts";
export {
  type CodeChanges,
  createSession,
  EditError,
  IncrementalMismatchError,
  type Session,
  type SessionOptions,
  type SessionUpdate,
  type TextEdit,
  type UpdatePath,
} from "./incremental/index.ts";
export { InputError, suggest } from "./pipeline/suggest.ts";
export * from "./schemas/api.ts";
