/**
 * Moves every span of a result through an edit that changed none of the pipeline's decisions.
 * A span is any object with numeric `start`, `end` and a string `text`; offsets at or after the
 * end of the replaced range move by the length change, and `text` is sliced again from the new
 * note, so `text.slice(start, end) === span.text` keeps holding.
 *
 * Copy-on-write: objects and arrays without a span that moved are shared with the old result
 * (results handed out by a session are read-only).
 */
import type { SuggestResult } from "../schemas/api.ts";
import { moveSpan, type Range, type TextEdit } from "./edit.ts";

export function shiftResult(result: SuggestResult, edit: TextEdit, newText: string): SuggestResult {
  return shiftNode(result, edit, newText) as SuggestResult;
}

/** Moves plain ranges (mention offsets kept by the session) through the same edit. */
export function shiftRanges(ranges: readonly Range[], edit: TextEdit): Range[] {
  return ranges.map((r) => (r.end <= edit.start ? r : moveSpan(r, edit)));
}

function isSpan(node: object): node is { start: number; end: number; text: string } {
  const n = node as Record<string, unknown>;
  return typeof n.start === "number" && typeof n.end === "number" && typeof n.text === "string";
}

function shiftNode(node: unknown, edit: TextEdit, text: string): unknown {
  if (typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const next = shiftNode(node[i], edit, text);
      if (next !== node[i]) {
        copy ??= node.slice();
        copy[i] = next;
      }
    }
    return copy ?? node;
  }
  if (isSpan(node)) {
    if (node.end <= edit.start) return node;
    const { start, end } = moveSpan(node, edit);
    return { ...node, start, end, text: text.slice(start, end) };
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    const next = shiftNode(value, edit, text);
    if (next !== value) {
      copy ??= { ...(node as Record<string, unknown>) };
      copy[key] = next;
    }
  }
  return copy ?? node;
}
