/**
 * An editing session: the current note, its result, and stable procedure ids. Each update is
 * re-coded the cheapest sound way:
 *
 * 1. "cached": the text was coded recently (undo, redo, retyping a deleted character) - the
 *    stored result is reused;
 * 2. "shifted": the edit is inert (see inert.ts) - the previous result with its spans moved;
 * 3. "full": `suggest` on the whole note (the lexicon stays compiled across calls).
 *
 * Every path returns exactly what `suggest(text, options)` returns for the new text; with
 * `verify: true` the session checks that on every update and throws IncrementalMismatchError.
 */
import { cacheSentences } from "../context/index.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import { defaultLexicon, suggest, suggestWithMentions } from "../pipeline/suggest.ts";
import type { SuggestOptions, SuggestResult } from "../schemas/api.ts";
import { type CodeChanges, diffCodes, noChanges } from "./changes.ts";
import {
  applyTextEdit,
  checkEdit,
  diffTexts,
  EditError,
  type Range,
  type TextEdit,
} from "./edit.ts";
import { carryIds } from "./ids.ts";
import { isInertEdit } from "./inert.ts";
import { shiftRanges, shiftResult } from "./shift.ts";
import { inertVocabulary } from "./vocabulary.ts";

export interface SessionOptions {
  /** Options passed to `suggest` on every full re-code (`trace` is not supported here). */
  suggest?: Omit<SuggestOptions, "trace">;
  /** Compiled lexicon to code with (default: the bundled one). */
  lexicon?: CompiledLexicon;
  /** Initial note text (coded at creation). */
  text?: string;
  /** How many recent texts keep their result for reuse (default 16, 0 disables). */
  cacheSize?: number;
  /** Use the inert-edit fast path (default true). */
  fastPath?: boolean;
  /** Also run the full pipeline on every update and throw when the results differ (tests, debugging). */
  verify?: boolean;
}

export type UpdatePath = "unchanged" | "cached" | "shifted" | "full";

export interface SessionUpdate {
  result: SuggestResult;
  changes: CodeChanges;
  /** Stable id of each entry of `result.procedures`, same order. */
  procedureIds: string[];
  /** How this update was computed. */
  path: UpdatePath;
}

export interface Session {
  /** Re-codes the note after the editor's text became `text`. */
  update(text: string): SessionUpdate;
  /** Applies one replacement to the current text and re-codes it. Throws EditError for a bad range. */
  applyEdit(edit: TextEdit): SessionUpdate;
  readonly text: string;
  readonly result: SuggestResult;
  readonly procedureIds: readonly string[];
  /** Updates by path since the session started. */
  readonly stats: Readonly<Record<UpdatePath, number>>;
}

/** Thrown by a `verify: true` session when an incremental result differs from `suggest`. */
export class IncrementalMismatchError extends Error {
  override name = "IncrementalMismatchError";
}

interface Coded {
  result: SuggestResult;
  /** Every mention's range, sorted by start. */
  mentions: Range[];
  /** The spans of the result's warnings, sorted by start: their messages quote that text. */
  quoted: Range[];
}

export function createSession(options: SessionOptions = {}): Session {
  const lexicon = options.lexicon ?? defaultLexicon();
  cacheSentences(lexicon.context); // unchanged sentences are not re-analysed on each update
  const suggestOptions: SuggestOptions = { ...(options.suggest ?? {}), trace: false };
  const vocabulary = options.fastPath === false ? null : inertVocabulary(lexicon);
  const cache = new TextCache(options.cacheSize ?? 16);
  const stats: Record<UpdatePath, number> = { unchanged: 0, cached: 0, shifted: 0, full: 0 };
  let counter = 0;
  const ids = { next: () => `proc-${++counter}` };

  let text = "";
  let coded = codeFully("");
  let procedureIds: string[] = [];

  function codeFully(note: string): Coded {
    const { result, mentions } = suggestWithMentions(note, suggestOptions, lexicon);
    return {
      result,
      mentions: mentionRanges(mentions),
      quoted: mentionRanges(result.warnings.flatMap((w) => (w.span ? [w.span] : []))),
    };
  }

  function recode(next: string, edit: TextEdit | undefined): SessionUpdate {
    if (!edit) {
      stats.unchanged++;
      return { result: coded.result, changes: noChanges(), procedureIds, path: "unchanged" };
    }
    let path: UpdatePath;
    let nextCoded = cache.get(next);
    if (nextCoded) path = "cached";
    else if (
      vocabulary &&
      isInertEdit(text, edit, next, coded.mentions, vocabulary, coded.quoted)
    ) {
      path = "shifted";
      nextCoded = {
        result: shiftResult(coded.result, edit, next),
        mentions: shiftRanges(coded.mentions, edit),
        quoted: shiftRanges(coded.quoted, edit),
      };
    } else {
      path = "full";
      nextCoded = codeFully(next);
    }
    if (options.verify) verifyAgainstSuggest(next, nextCoded.result, path);
    const nextIds =
      path === "shifted"
        ? procedureIds
        : carryIds(coded.result.procedures, procedureIds, nextCoded.result.procedures, edit, ids);
    const changes =
      path === "shifted"
        ? noChanges()
        : diffCodes(coded.result, procedureIds, nextCoded.result, nextIds, edit);
    cache.set(text, coded);
    text = next;
    coded = nextCoded;
    procedureIds = nextIds;
    stats[path]++;
    return { result: coded.result, changes, procedureIds, path };
  }

  function verifyAgainstSuggest(note: string, result: SuggestResult, path: UpdatePath): void {
    const expected = suggest(note, suggestOptions, lexicon);
    if (JSON.stringify(expected) !== JSON.stringify(result)) {
      throw new IncrementalMismatchError(
        `incremental result (${path}) differs from suggest() for the edited note`,
      );
    }
  }

  const session: Session = {
    update(next: string) {
      if (typeof next !== "string") throw new EditError("update(text): text must be a string");
      return recode(next, diffTexts(text, next));
    },
    applyEdit(edit: TextEdit) {
      if (typeof edit !== "object" || edit === null)
        throw new EditError("applyEdit(edit): edit must be {start, end, insert}");
      checkEdit(text, edit);
      const next = applyTextEdit(text, edit);
      const normalized = diffTexts(text, next);
      return recode(next, normalized);
    },
    get text() {
      return text;
    },
    get result() {
      return coded.result;
    },
    get procedureIds() {
      return procedureIds;
    },
    get stats() {
      return { ...stats };
    },
  };
  if (options.text !== undefined) session.update(options.text);
  return session;
}

/** The ranges of mentions or spans, sorted by start. */
function mentionRanges(mentions: readonly Range[]): Range[] {
  return mentions
    .map((m) => ({ start: m.start, end: m.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Recently coded texts (least recently used first out). */
class TextCache {
  private readonly entries = new Map<string, Coded>();
  constructor(private readonly size: number) {}

  get(text: string): Coded | undefined {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
    }
    return hit;
  }

  set(text: string, coded: Coded): void {
    if (this.size <= 0) return;
    this.entries.delete(text);
    this.entries.set(text, coded);
    if (this.entries.size > this.size)
      this.entries.delete(this.entries.keys().next().value as string);
  }
}
