import type { CompiledLexicon } from "../lexicon/compile.ts";
import { CLAUSE_BREAK } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
import type { Doc, Issue, Mention } from "../types.ts";

const NUMBERED = /^\s*(?:\d{1,2}[.)]|[-*•])\s/m;

/**
 * Procedures a note's procedure list names that dermcode does not code ("Postpartum tubal
 * ligation and removal of a skin mass": the ligation). A claim from the coded lines alone would
 * be incomplete, so each is a `procedure_not_covered` warning, which keeps the note out of
 * auto-acceptance. Only lists are read: the first paragraph of a procedure-title section, when it
 * is numbered or short (a narrative "PROCEDURE: The patient was taken..." is not a list). A
 * clause counts as coded when any procedure mention overlaps it, whatever its assertion.
 */
export function uncodedListed(
  doc: Doc,
  mentions: readonly Mention[],
  lex: CompiledLexicon,
): Issue[] {
  const rule = lex.procedureList;
  if (!rule) return [];
  const procedures = mentions.filter((m) => m.kind === "procedure");
  const issues: Issue[] = [];
  for (const section of doc.sections) {
    if (section.category !== "procedure_title") continue;
    const body = doc.lower.slice(section.body.start, section.body.end);
    const lead = body.search(/\S/);
    if (lead < 0) continue;
    const blank = body.slice(lead).search(/\n[ \t]*\n/);
    const paragraph = body.slice(0, blank < 0 ? body.length : lead + blank);
    if (paragraph.length - lead > rule.maxChars && !NUMBERED.test(paragraph)) continue;
    let from = 0;
    const clauses: [number, number][] = [];
    for (const m of paragraph.matchAll(CLAUSE_BREAK.pattern)) {
      clauses.push([from, m.index]);
      from = m.index + m[0].length;
    }
    clauses.push([from, paragraph.length]);
    for (const [a, b] of clauses) {
      const start = section.body.start + a;
      const end = section.body.start + b;
      let named = false;
      for (let k = tokenAt(doc.tokens, start); k < doc.tokens.length; k++) {
        const t = doc.tokens[k]!;
        if (t.end > end) break;
        if (outside(t.norm, rule.words, rule.suffixes)) {
          named = true;
          break;
        }
      }
      if (!named) continue;
      if (procedures.some((m) => m.start < end && m.end > start)) continue;
      const span = trimmed(doc.original, start, end);
      issues.push({
        code: "procedure_not_covered",
        message: `not coded by dermcode: "${doc.original.slice(span.start, span.end)}" in the procedure list; code it by hand`,
        severity: "warning",
        span,
        ruleId: rule.id,
      });
    }
  }
  return issues;
}

function outside(word: string, words: ReadonlySet<string>, suffixes: readonly string[]): boolean {
  return words.has(word) || suffixes.some((s) => word.length > s.length + 2 && word.endsWith(s));
}

/** The clause without its surrounding spaces, list numbers and closing full stop. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s\d.)*•-]/.test(text[s]!)) s++;
  while (e > s && /[\s.]/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
