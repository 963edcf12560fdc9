import { readNumber } from "../extract/numbers.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { PhraseTrie } from "../lexicon/trie.ts";
import type { EditRule } from "../schemas/edits.ts";
import type { Doc } from "../types.ts";
import { inCodeSet } from "./code-sets.ts";
import type { DraftLine } from "./lines.ts";

type GlobalRule = Extract<EditRule, { kind: "globalModifier" }>;

/**
 * 58 / 78 / 79: the note names a staged, complicating or unrelated procedure (rule phrases) and
 * dates this visit inside the global period ("Day 8 after excision", "post-op day 6", "within
 * the global period").
 */
export function globalModifiers(lines: DraftLine[], doc: Doc, lex: CompiledLexicon): void {
  const rules = lex.source.edits.rules.filter((r): r is GlobalRule => r.kind === "globalModifier");
  if (rules.length === 0 || lines.length === 0) return;
  const days = daysSince(doc, lex);
  const inGlobal = contains(doc, lex.globalPhrases);
  for (const rule of rules) {
    if (!(inGlobal || (days !== undefined && days <= rule.withinDays))) continue;
    const groups = lex.globalRuleGroups.get(rule.id) ?? [];
    if (!groups.every((group) => contains(doc, group))) continue;
    for (const l of lines) {
      if (!inCodeSet(rule.codes, l.code) || l.modifiers.includes(rule.modifier)) continue;
      if (lex.source.codeCatalog.codes[l.code]?.addon) continue;
      l.modifiers.push(rule.modifier);
      l.ruleIds.push(rule.id);
    }
  }
}

/** The smallest day count next to a day word ("day 8", "6 days after", "POD 3"). */
function daysSince(doc: Doc, lex: CompiledLexicon): number | undefined {
  const words = lex.dayWords;
  let best: number | undefined;
  for (let i = 0; i < doc.canon.length; i++) {
    if (!words.has(doc.canon[i]!)) continue;
    for (const j of [i + 1, i - 1]) {
      const n = j >= 0 ? readNumber(doc, lex, j, doc.canon.length) : undefined;
      if (n && Number.isInteger(n.value) && (best === undefined || n.value < best)) best = n.value;
    }
  }
  return best;
}

function contains(doc: Doc, phrases: PhraseTrie<string>): boolean {
  return phrases.findAll(doc.canon, 0, doc.canon.length).length > 0;
}
