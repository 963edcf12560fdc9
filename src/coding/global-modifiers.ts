import { detectAssertions } from "../context/index.ts";
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
 * the global period"). A phrase counts only where the context stage calls it billable (affirmed,
 * current, the patient's): a consent's "risks include dehiscence" or "may require return to the
 * operating room" dates nothing.
 */
export function globalModifiers(lines: DraftLine[], doc: Doc, lex: CompiledLexicon): void {
  const rules = lex.source.edits.rules.filter((r): r is GlobalRule => r.kind === "globalModifier");
  if (rules.length === 0 || lines.length === 0) return;
  const days = daysSince(doc, lex);
  const inGlobal = contains(doc, lex.globalPhrases, lex);
  for (const rule of rules) {
    if (!(inGlobal || (days !== undefined && days <= rule.withinDays))) continue;
    const groups = lex.globalRuleGroups.get(rule.id) ?? [];
    if (!groups.every((group) => contains(doc, group, lex))) continue;
    for (const l of lines) {
      if (!inCodeSet(rule.codes, l.code) || l.modifiers.includes(rule.modifier)) continue;
      if (lex.source.codeCatalog.codes[l.code]?.addon) continue;
      l.modifiers.push(rule.modifier);
      l.ruleIds.push(rule.id);
    }
  }
}

/** The smallest day count next to a day phrase ("day 8", "6 days after", "POD 3"). */
function daysSince(doc: Doc, lex: CompiledLexicon): number | undefined {
  let best: number | undefined;
  for (const { start, hit } of lex.dayWords.findAll(doc.canon, 0, doc.canon.length)) {
    for (const j of [start + hit.length, start - 1]) {
      const n = j >= 0 ? readNumber(doc, lex, j, doc.canon.length) : undefined;
      if (n && Number.isInteger(n.value) && (best === undefined || n.value < best)) best = n.value;
    }
  }
  return best;
}

/** Does the note state one of the phrases as a current fact about the patient? */
function contains(doc: Doc, phrases: PhraseTrie<string>, lex: CompiledLexicon): boolean {
  const targets = phrases.findAll(doc.canon, 0, doc.canon.length).flatMap(({ start, hit }, id) => {
    const sentence = doc.sentenceOfToken[start]!;
    const last = doc.tokens[start + hit.length - 1]!;
    return sentence < 0 ? [] : [{ id, start: doc.tokens[start]!.start, end: last.end, sentence }];
  });
  if (targets.length === 0) return false;
  const assertions = detectAssertions(doc.text, doc.sentences, targets, lex.context);
  return [...assertions.values()].some((assertion) => assertion.billable);
}
