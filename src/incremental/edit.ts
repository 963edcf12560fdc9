/**
 * Text edits and how offsets move through them. An edit replaces the half-open range
 * [start, end) of the old text with `insert`; offsets are UTF-16 code units, like every span.
 *
 *   applyEdit("left arm", { start: 5, end: 8, insert: "leg" }) -> "left leg"
 */

/** A half-open [start, end) range of offsets. */
export interface Range {
  start: number;
  end: number;
}

/** One replacement: [start, end) of the old text becomes `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** Thrown for an edit that does not fit the text (offsets out of range, not integers). */
export class EditError extends Error {
  override name = "EditError";
}

export function checkEdit(text: string, edit: TextEdit): void {
  const { start, end, insert } = edit;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new EditError(`edit offsets must be integers (got start=${start}, end=${end})`);
  }
  if (start < 0 || end < start || end > text.length) {
    throw new EditError(
      `edit range [${start}, ${end}) is outside the text (length ${text.length})`,
    );
  }
  if (typeof insert !== "string") throw new EditError("edit.insert must be a string");
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/**
 * The single replacement that turns `before` into `after`: common prefix and suffix removed.
 * Returns undefined when the texts are equal.
 */
export function diffTexts(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return {
    start: prefix,
    end: before.length - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** Length change of the text. */
export function editDelta(edit: TextEdit): number {
  return edit.insert.length - (edit.end - edit.start);
}

/**
 * Where an old offset lands after the edit; undefined when the character it points at was
 * replaced. An offset equal to `edit.start` of a pure insertion moves with the text after it.
 */
export function mapOffset(offset: number, edit: TextEdit): number | undefined {
  if (offset < edit.start) return offset;
  if (offset >= edit.end) return offset + editDelta(edit);
  return undefined;
}

/**
 * Where an old span lands when the edit does not touch it (it ends at or before the edit, or
 * starts at or after the end of the replaced range); undefined when the edit changes its text.
 */
export function mapRange(range: Range, edit: TextEdit): Range | undefined {
  if (range.end <= edit.start) return { start: range.start, end: range.end };
  if (range.start >= edit.end) {
    const delta = editDelta(edit);
    return { start: range.start + delta, end: range.end + delta };
  }
  return undefined;
}

/**
 * Moves a span's offsets through an edit: text inserted right before the span moves it, text
 * inserted right after it does not grow it; a boundary inside a replaced range snaps to the
 * replacement's edge.
 */
export function moveSpan(range: Range, edit: TextEdit): Range {
  const delta = editDelta(edit);
  const insertedEnd = edit.start + edit.insert.length;
  const start =
    range.start >= edit.end
      ? range.start + delta
      : range.start <= edit.start
        ? range.start
        : insertedEnd;
  const end =
    range.end <= edit.start ? range.end : range.end >= edit.end ? range.end + delta : edit.start;
  return { start, end: Math.max(start, end) };
}
