import { sectionTitles } from "../context/report-note.ts";
import { inSentence, type MentionIndex, ofKind } from "../group/index-mentions.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Issue } from "../types.ts";
import type { DraftLine } from "./lines.ts";

/**
 * Modifier 25 hint: beside a minor procedure (000/010 global), the note manages a different
 * problem ("Rosacea flaring; start doxycycline"): an E/M billed the same day is separately
 * identifiable and needs modifier 25. E/M levels are out of scope, so this is a warning with the
 * evidence, not a line.
 */
export function modifier25Hint(
  lines: DraftLine[],
  events: ProcedureEvent[],
  index: MentionIndex,
  lex: CompiledLexicon,
  issues: Issue[],
): void {
  const hint = lex.source.edits.emHint;
  const catalog = lex.source.codeCatalog.codes;
  if (!lines.some((l) => hint.globals.includes(catalog[l.code]?.global ?? ""))) return;
  const titles = sectionTitles(index.doc);
  if (hint.operativeHeaders.some((h) => titles.some((t) => t.includes(h)))) return;
  const treated = new Set(
    lines.flatMap((l) =>
      l.events.flatMap((i) => events[i]?.lesions.map((x) => x.histology?.histology) ?? []),
    ),
  );
  for (const e of events)
    if (e.assertion.billable && e.histology) treated.add(e.histology.histology);
  const cues = lex.managementCues;
  for (const h of ofKind(index, "histology")) {
    if (h.malignancy === "unknown" || treated.has(h.histology)) continue;
    const a = index.assertions.get(h.id);
    if (a && !a.billable) continue;
    const s = index.doc.sentences[h.sentence]!;
    if (!index.doc.canon.slice(s.firstToken, s.lastToken).some((t) => cues.has(t))) continue;
    if (
      inSentence(index, h.sentence, "procedure").some((p) => index.assertions.get(p.id)?.billable)
    )
      continue;
    issues.push({
      code: "modifier_25",
      message: `a separate problem (${h.text}) is managed at this visit: an E/M billed today needs modifier 25`,
      severity: "warning",
      span: { start: s.start, end: s.end },
      ruleId: hint.id,
    });
    return;
  }
}
