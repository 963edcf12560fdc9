/**
 * Incremental coding for editors: a session keeps the note and its result, re-codes after each
 * edit, reports which claim lines changed, and keeps procedure ids stable across edits.
 */
export type { CodeChanges } from "./changes.ts";
export { EditError, type TextEdit } from "./edit.ts";
export {
  createSession,
  IncrementalMismatchError,
  type Session,
  type SessionOptions,
  type SessionUpdate,
  type UpdatePath,
} from "./session.ts";
