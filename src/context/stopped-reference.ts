import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Assertion } from "../schemas/api.ts";
import type { Doc, Issue, Mention, ProcedureMention } from "../types.ts";
import { quoteSpan } from "./apply.ts";

/**
 * "ED&C of BCC L forearm 0.8 cm. Procedure aborted due to vasovagal episode.", "Consented for
 * ED&C ...; the procedure was not performed": a word referring back (lexicon context
 * `stoppedReference.subjects`) followed by a stop stops the procedure named before it in its own
 * sentence or the sentence before. Only one procedure may be in reach (a repair or a weak
 * technique word goes with it); with two, the reference is ambiguous: they stay billed, with a
 * warning for the coder.
 */
export function markStoppedByReference(
  doc: Doc,
  mentions: Mention[],
  assertions: Map<number, Assertion>,
  lex: CompiledLexicon,
  issues: Issue[],
): void {
  const rule = lex.stoppedReference;
  if (!rule) return;
  const procedures = mentions.filter((m): m is ProcedureMention => m.kind === "procedure");
  if (procedures.length === 0) return;
  // Only a sentence naming a procedure, or the one after it, can stop one.
  const withProcedure = new Set<number>();
  for (const m of procedures) withProcedure.add(m.sentence).add(m.sentence + 1);
  for (const sentence of doc.sentences) {
    if (!withProcedure.has(sentence.index)) continue;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      const found = stopAt(doc, i, sentence.lastToken, rule);
      if (!found) continue;
      const at = doc.tokens[i]!.start;
      const inReach = procedures.filter(
        (m) => (m.sentence === sentence.index && m.end <= at) || m.sentence === sentence.index - 1,
      );
      const billed = inReach.filter((m) => assertions.get(m.id)?.billable);
      const kinds = new Set(
        billed.filter((m) => m.procedure !== "repair" && !m.weak).map((m) => m.procedure),
      );
      const span = { start: at, end: doc.tokens[found - 1]!.end };
      const trigger = quoteSpan(doc.text, span.start, span.end);
      if (kinds.size > 1) {
        issues.push({
          code: "stopped_reference_ambiguous",
          message: `${trigger} may refer to any of ${[...kinds].join(", ")}: check which procedure was not performed`,
          severity: "warning",
          span,
          ruleId: rule.id,
        });
      } else if (kinds.size === 1) {
        const procedure = [...kinds][0]!;
        for (const m of billed) {
          const a = assertions.get(m.id)!;
          assertions.set(m.id, {
            ...a,
            negation: "negated",
            billable: false,
            reason: rule.reason.replace("{trigger}", trigger).replace("{procedure}", procedure),
            ruleIds: [...a.ruleIds, rule.id],
          });
        }
      }
      i = found - 1;
    }
  }
}

/** The end token of "<subject> <fillers> <stop>" starting at token `i`, if one starts there. */
function stopAt(
  doc: Doc,
  i: number,
  last: number,
  rule: NonNullable<CompiledLexicon["stoppedReference"]>,
): number | undefined {
  const subjects = rule.subjects.get(doc.tokens[i]!.norm);
  if (!subjects) return undefined;
  for (const subject of subjects) {
    let k = matchWords(doc, i, last, subject);
    if (k === undefined) continue;
    const from = k;
    while (k < last && rule.fillers.has(doc.tokens[k]!.norm)) k++;
    for (const stop of rule.stops.get(doc.tokens[k]?.norm ?? "") ?? []) {
      if (k === from && rule.afterFiller.has(stop.join(" "))) continue;
      const end = matchWords(doc, k, last, stop);
      if (end !== undefined) return end;
    }
  }
  return undefined;
}

function matchWords(doc: Doc, from: number, last: number, words: string[]): number | undefined {
  if (from + words.length > last) return undefined;
  for (let j = 0; j < words.length; j++)
    if (doc.tokens[from + j]!.norm !== words[j]) return undefined;
  return from + words.length;
}
