import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Assertion } from "../schemas/api.ts";
import type { Doc, Mention } from "../types.ts";

/**
 * A note that recounts procedures done elsewhere (a discharge summary, by its section headers)
 * bills none of them: each procedure mention becomes historical with the lexicon's reason.
 */
export function markReportNote(
  doc: Doc,
  mentions: Mention[],
  assertions: Map<number, Assertion>,
  lex: CompiledLexicon,
): void {
  // Reading the section headers costs more than looking for a procedure it would change.
  if (!mentions.some((m) => m.kind === "procedure" && assertions.get(m.id)?.billable)) return;
  const rule = reportNoteRule(doc, lex);
  if (!rule) return;
  for (const m of mentions) {
    if (m.kind !== "procedure") continue;
    const a = assertions.get(m.id);
    if (!a?.billable) continue;
    assertions.set(m.id, {
      ...a,
      temporality: "historical",
      billable: false,
      reason: rule.reason,
      ruleIds: [...a.ruleIds, rule.id],
    });
  }
}

/** The note's section headers, lower case, white space collapsed. */
export function sectionTitles(doc: Doc): string[] {
  return doc.sections
    .filter((s) => s.title.end > s.title.start)
    .map((s) => doc.text.slice(s.title.start, s.title.end).toLowerCase().replace(/\s+/g, " "));
}

function reportNoteRule(doc: Doc, lex: CompiledLexicon) {
  const titles = sectionTitles(doc);
  return lex.source.sections.reportNotes.find((rule) => {
    const found = rule.headers.filter((h) => titles.some((t) => t.includes(h)));
    return found.length >= rule.minHeaders;
  });
}
