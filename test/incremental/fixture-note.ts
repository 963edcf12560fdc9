/**
 * Notes for the incremental tests and bench/incremental.ts: fixture notes, a ~5 KB note built
 * from several of them, seeded random numbers and random one-character edits.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { SuggestResult } from "../../src/schemas/api.ts";

export const NOTES_DIR = new URL("../../fixtures/notes/", import.meta.url);

export function fixtureNames(): string[] {
  return readdirSync(NOTES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

export function readFixture(name: string): string {
  return readFileSync(new URL(name, NOTES_DIR), "utf8");
}

/** Procedure-rich fixtures, joined until the note reaches `size` characters. */
const FIVE_KB_PARTS = [
  "excision-malignant-back-melanoma-wide-local-complex-repair.txt",
  "biopsy-two-punch-three-shave.txt",
  "ak-cryotherapy-nine-by-site-breakdown.txt",
  "excision-benign-abdomen-epidermoid-cyst-layered-closure.txt",
  "biopsy-shave-four-lesions-numbered-list.txt",
  "biopsy-tangential-with-ak-cryotherapy-different-lesions.txt",
  "excision-benign-mid-back-cyst-over-4cm-op-note.txt",
];

export function fiveKbNote(size = 5 * 1024): string {
  const available = new Set(fixtureNames());
  const names = [...FIVE_KB_PARTS.filter((n) => available.has(n)), ...available];
  const parts: string[] = [];
  let length = 0;
  for (const name of names) {
    if (length >= size) break;
    const part = `${readFixture(name).trim()}\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}

/** Deterministic PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface OneCharEdit {
  start: number;
  end: number;
  insert: string;
}

/**
 * A random one-character edit at `position`: insert (50%), delete (25%) or replace (25%) one
 * character; inserted characters are drawn from the note itself, so they follow its mix of
 * letters, spaces, digits and punctuation.
 */
export function oneCharEdit(text: string, position: number, random: () => number): OneCharEdit {
  const char = text.length > 0 ? text[Math.floor(random() * text.length)]! : "a";
  const op = random();
  if (op < 0.5 || position >= text.length) return { start: position, end: position, insert: char };
  if (op < 0.75) return { start: position, end: position + 1, insert: "" };
  return { start: position, end: position + 1, insert: char === text[position] ? "x" : char };
}

/** Every span of the result's procedures (evidence, site, sizes). */
export function procedureSpans(result: SuggestResult): { start: number; end: number }[] {
  return result.procedures.flatMap((p) => [
    ...p.evidence,
    ...(p.site ? [p.site.span] : []),
    ...p.sizes.all.map((s) => s.span),
  ]);
}

/**
 * A position where a one-character edit does not touch procedure text: at least one character
 * away from every procedure span (undefined after 200 tries).
 */
export function positionAwayFrom(
  spans: { start: number; end: number }[],
  length: number,
  random: () => number,
): number | undefined {
  for (let tries = 0; tries < 200; tries++) {
    const p = Math.floor(random() * length);
    if (spans.every((s) => p + 1 < s.start || p > s.end)) return p;
  }
  return undefined;
}

/** A lower-case letter typed, deleted or replaced after a letter, or a space added/removed next to a space. */
export function wordOrSpaceEdit(text: string, random: () => number) {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (let tries = 0; tries < 100; tries++) {
    const p = 1 + Math.floor(random() * (text.length - 1));
    const r = random();
    if (/[A-Za-z]/.test(text[p - 1]!)) {
      const letter = letters[Math.floor(random() * 26)]!;
      if (r < 0.5) return { start: p, end: p, insert: letter };
      if (/[a-z]/.test(text[p]!)) return { start: p, end: p + 1, insert: r < 0.75 ? "" : letter };
    }
    if (text[p] === " ")
      return r < 0.6 ? { start: p, end: p, insert: " " } : { start: p, end: p + 1, insert: "" };
  }
  return { start: 0, end: 0, insert: "x" };
}
