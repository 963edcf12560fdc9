import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Assertion } from "../schemas/api.ts";
import { ARTICLES } from "../text/grammar.ts";
import { tokenAt } from "../text/tokens.ts";
import type { Doc, Issue, Mention, ProcedureMention, Sentence } from "../types.ts";
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
  // "Excision discontinued after ...": a procedure word (of a kind of its own) opening its
  // sentence, past an article, as the subject ("Nail unit bx deferred" names another lesion's).
  const subjectAt = new Map<number, ProcedureMention>();
  for (const m of procedures) {
    if (m.weak || NO_SUBJECT.has(m.procedure)) continue;
    const k = tokenAt(doc.tokens, m.start);
    const first = doc.sentences[m.sentence]!.firstToken;
    if (k === first || (k === first + 1 && ARTICLES.has(doc.tokens[first]!.norm)))
      subjectAt.set(k, m);
  }
  for (const sentence of doc.sentences) {
    if (!withProcedure.has(sentence.index) || !mayNameStop(doc, sentence, rule)) continue;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      const subject = subjectAt.get(i);
      const named =
        subject &&
        stopAfter(doc, tokenAt(doc.tokens, subject.end), sentence.lastToken, rule, false);
      const found = named || stopAt(doc, i, sentence.lastToken, rule);
      if (!found) continue;
      const at = doc.tokens[i]!.start;
      // A procedure word stops its own kind: itself and that kind named before it.
      const ofKind = (m: ProcedureMention) =>
        !named || m === subject || m.procedure === subject!.procedure || m.procedure === "repair";
      const inReach = procedures.filter(
        (m) =>
          ofKind(m) &&
          ((m.sentence === sentence.index && m.end <= at) ||
            m.sentence === sentence.index - 1 ||
            m === subject),
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

/**
 * Every stop phrase ends inside its sentence, so a sentence whose text holds none of the stops'
 * first words names none: a few substring searches instead of a lookup per token. (Token words
 * are slices of `doc.lower`.)
 */
function mayNameStop(doc: Doc, sentence: Sentence, rule: StopRule): boolean {
  if (sentence.lastToken <= sentence.firstToken) return false;
  const from = doc.tokens[sentence.firstToken]!.start;
  const text = doc.lower.slice(from, doc.tokens[sentence.lastToken - 1]!.end);
  for (const word of rule.stops.keys()) if (text.includes(word)) return true;
  return false;
}

/** Procedure kinds whose word is no subject of a stop (a closure, a generic "removal"). */
const NO_SUBJECT = new Set(["repair", "removal"]);

type StopRule = NonNullable<CompiledLexicon["stoppedReference"]>;

/** The end token of "<subject> <fillers> <stop>" starting at token `i`, if one starts there. */
function stopAt(doc: Doc, i: number, last: number, rule: StopRule): number | undefined {
  const subjects = rule.subjects.get(doc.tokens[i]!.norm);
  if (!subjects) return undefined;
  for (const subject of subjects) {
    const k = matchWords(doc, i, last, subject);
    if (k === undefined) continue;
    const end = stopAfter(doc, k, last, rule, rule.pronouns.has(subject.join(" ")));
    if (end !== undefined) return end;
  }
  return undefined;
}

/**
 * The end token of "<fillers> <stop>" from token `k` (after a subject), if there is one. After a
 * pronoun, a stop of `afterFiller` needs a filler before it ("it was stopped", not "until it
 * stopped"); after a noun it does not ("Procedure stopped due to ...").
 */
function stopAfter(
  doc: Doc,
  k: number,
  last: number,
  rule: StopRule,
  pronoun: boolean,
): number | undefined {
  const from = k;
  while (k < last && rule.fillers.has(doc.tokens[k]!.norm)) k++;
  for (const stop of rule.stops.get(doc.tokens[k]?.norm ?? "") ?? []) {
    if (pronoun && k === from && rule.afterFiller.has(stop.join(" "))) continue;
    const end = matchWords(doc, k, last, stop);
    if (end !== undefined) return end;
  }
  return undefined;
}

function matchWords(doc: Doc, from: number, last: number, words: string[]): number | undefined {
  if (from + words.length > last) return undefined;
  for (let j = 0; j < words.length; j++)
    if (doc.tokens[from + j]!.norm !== words[j]) return undefined;
  return from + words.length;
}
