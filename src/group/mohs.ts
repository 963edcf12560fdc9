import { readNumber } from "../extract/numbers.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc } from "../types.ts";

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8 };

/**
 * Mohs stages and blocks in the sentences describing the event: "Stage I: 4 blocks", "Stage 2 -
 * 7 blocks", "Stages: I (4 blocks), II (2 blocks)", "two stages". Blocks beyond five in a stage
 * are counted per stage.
 */
export function readMohs(
  sentences: number[],
  doc: Doc,
  lex: CompiledLexicon,
): { stages: number; extraBlocks: number } {
  const stageWords = lex.mohsStageWords;
  const blockWords = lex.mohsBlockWords;
  let stages = 0;
  let current = 0;
  const blocks = new Map<number, number>();
  let table: { stage: number; blocks: number } | undefined;
  for (const k of [...sentences].sort((a, b) => a - b)) {
    const s = doc.sentences[k]!;
    // "Stage | Blocks | Result" then "I | 2 | residual tumor": a table read by its columns.
    const cells = doc.lower
      .slice(s.start, s.end)
      .split("|")
      .map((c) => c.trim());
    if (cells.length >= 2) {
      const stageCol = cells.findIndex((c) => stageWords.has(c));
      const blockCol = cells.findIndex((c) => blockWords.has(c));
      if (stageCol >= 0 && blockCol >= 0) {
        table = { stage: stageCol, blocks: blockCol };
        continue;
      }
      const row = table ? tableRow(cells, table, stageWords) : undefined;
      if (row) {
        current = row.stage;
        stages = Math.max(stages, row.stage);
        blocks.set(current, Math.max(blocks.get(current) ?? 0, row.blocks));
        continue;
      }
    } else table = undefined;
    let staged = false;
    for (let i = s.firstToken; i < s.lastToken; i++) {
      const tok = doc.canon[i]!;
      const roman = staged ? romanAt(doc, i) : undefined;
      if (stageWords.has(tok)) {
        staged = true;
        // "first stage 7 tissue blocks", "stage II": the stage it names. "1 stage 4 blocks": a
        // number before it counts stages, and the number followed by a block word blocks.
        const named = stageNamedAt(doc, lex, i, s.firstToken, s.lastToken);
        const before = named ? undefined : readNumber(doc, lex, i - 1, s.lastToken);
        if (named) {
          current = named;
          stages = Math.max(stages, named);
        } else if (before && (tok.endsWith("s") || before.value === 1))
          stages = Math.max(stages, before.value);
      } else if (roman !== undefined) {
        current = roman;
        stages = Math.max(stages, roman);
      } else if (blockWords.has(tok)) {
        const n =
          readNumber(doc, lex, i - 1, s.lastToken) ?? readNumber(doc, lex, i - 2, s.lastToken);
        if (n && Number.isInteger(n.value))
          blocks.set(current, Math.max(blocks.get(current) ?? 0, n.value));
      }
    }
  }
  let extra = 0;
  for (const n of blocks.values()) extra += Math.max(0, n - 5);
  return { stages: Math.max(1, stages), extraBlocks: extra };
}

/** One row of a stage table: its stage number (arabic or roman) and block count. */
function tableRow(
  cells: string[],
  table: { stage: number; blocks: number },
  stageWords: ReadonlySet<string>,
): { stage: number; blocks: number } | undefined {
  // "Stage 2 | 3 | clear": the cell may repeat the stage word before its number.
  const words = (cells[table.stage] ?? "").split(/\s+/);
  const stageCell = (stageWords.has(words[0] ?? "") ? words.slice(1) : words).join(" ");
  const stage = /^\d{1,2}$/.test(stageCell) ? Number(stageCell) : ROMAN[stageCell];
  const blocks = Number.parseInt(cells[table.blocks] ?? "", 10);
  if (!stage || !Number.isInteger(blocks) || blocks < 1) return undefined;
  return { stage, blocks };
}

/**
 * The stage the stage word at i names: by the ordinal before it ("first stage"), else by the
 * number after it (stageNumberAfter).
 */
export function stageNamedAt(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  first: number,
  last: number,
): number | undefined {
  const ordinal = i > first ? lex.ordinals.get(doc.canon[i - 1]!) : undefined;
  return ordinal ?? stageNumberAfter(doc, lex, i, last);
}

/**
 * The stage number after the stage word at i ("stage I", "stage 2", "stage 2 three blocks"; not
 * "stage 4 blocks").
 */
function stageNumberAfter(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  limit: number,
): number | undefined {
  return countsBlocks(doc, lex, i + 2, limit) ? undefined : stageNumber(doc, lex, i + 1, limit);
}

/**
 * The token at i (or the one after it: "4 tissue blocks") is a block word. A number at i is
 * itself the block count ("stage 2 three blocks", "stage 2 3 blocks"), so the number before it
 * names the stage.
 */
function countsBlocks(doc: Doc, lex: CompiledLexicon, i: number, limit: number): boolean {
  const next = doc.canon[i] ?? "";
  if (lex.mohsBlockWords.has(next)) return true;
  if (/\d/.test(next) || readNumber(doc, lex, i, limit)) return false;
  return lex.mohsBlockWords.has(doc.canon[i + 1] ?? "");
}

/** An upper-case roman numeral token ("II"). */
function romanAt(doc: Doc, i: number): number | undefined {
  const t = doc.tokens[i]!;
  const raw = doc.text.slice(t.start, t.end);
  return raw === raw.toUpperCase() ? ROMAN[t.norm] : undefined;
}

function stageNumber(doc: Doc, lex: CompiledLexicon, i: number, limit: number): number | undefined {
  const tok = doc.canon[i];
  if (tok === undefined || i >= limit) return undefined;
  const raw = doc.text.slice(doc.tokens[i]!.start, doc.tokens[i]!.end);
  if (ROMAN[tok] !== undefined && raw === raw.toUpperCase()) return ROMAN[tok];
  const n = readNumber(doc, lex, i, limit);
  return n && Number.isInteger(n.value) && n.value < 10 ? n.value : undefined;
}
