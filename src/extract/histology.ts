import { type CompiledLexicon, hasPhrase } from "../lexicon/compile.ts";
import { WORDS } from "../text/grammar.ts";
import type { Doc, HistologyMention, PathologyStatusMention } from "../types.ts";
import { matchSentences, mentionBase, type TermMatch } from "./match.ts";

/**
 * Diagnosis terms with their malignancy ("nodular BCC" malignant, "AK" premalignant, "lesion"
 * unknown) and pathology status cues ("path pending", "biopsy-proven"). A term counts as
 * pathology evidence when it sits in a pathology section or after a "final" cue in its sentence.
 */
export function extractHistology(
  doc: Doc,
  lex: CompiledLexicon,
): (HistologyMention | PathologyStatusMention)[] {
  const status = matchSentences(doc, lex.pathologyStatus);
  const out: (HistologyMention | PathologyStatusMention)[] = status.map((m) => {
    const p = mentionBase(
      doc,
      "pathology_status",
      m.first,
      m.last,
      m.payload.id,
      m.sentence,
    ) as PathologyStatusMention;
    p.kind = "pathology_status";
    p.status = m.payload.status;
    return p;
  });
  let placed: Set<number> | undefined;
  const inContext: { mention: HistologyMention; first: number; last: number }[] = [];
  for (const m of matchSentences(doc, lex.histology)) {
    // "skin tag-like nevus", "lipoma-like cyst": a likeness names another lesion.
    if (likeness(doc, m.last)) continue;
    const t = m.payload;
    if (t.abbreviation && !abbreviationHolds(doc, lex, m, t.abbreviation.procedures)) continue;
    // A bare "mass" is a lesion only in a sentence placing an excision at a depth.
    placed ??= t.needsDepth ? depthSentences(doc, lex) : undefined;
    if (t.needsDepth && !placed?.has(m.sentence)) continue;
    const sentence = doc.sentences[m.sentence]!;
    const cue = status.some(
      (s) => s.sentence === m.sentence && s.payload.status === "final" && s.first < m.first,
    );
    // Optional fields set one by one (same keys, same order as conditional spreads).
    const mention = mentionBase(
      doc,
      "histology",
      m.first,
      m.last,
      t.id,
      m.sentence,
    ) as HistologyMention;
    mention.kind = "histology";
    mention.histology = t.histology;
    mention.malignancy = t.malignancy;
    mention.skinSpecific = t.skinSpecific;
    mention.tissue = t.tissue;
    if (t.wound) mention.wound = true;
    if (t.kindOf) mention.kindOf = t.kindOf;
    if (t.generic) mention.generic = true;
    if (t.needsDepth) mention.needsDepth = true;
    if (t.procedureAs) mention.procedureAs = t.procedureAs;
    mention.lesional = t.lesional;
    if (t.destruction) mention.destruction = t.destruction;
    mention.fromPathology = sentence.section === "pathology" || cue;
    if (t.inContext) inContext.push({ mention, first: m.first, last: m.last });
    else out.push(mention);
  }
  // "Partial avulsion of the lateral plate, L great toe" in a note about nails: a word naming
  // its lesion only in context is kept when the rest of the note gives it.
  for (const c of inContext) if (contextHolds(doc, lex, c, out)) out.push(c.mention);
  return out;
}

/** How many words either side of a contextual word a blocking word may stand. */
const NEAR = 3;

/**
 * A contextual lesion word ("plate") holds when its sentence names a digit, the note names one
 * of the term's lesion types by another word, and no blocking word ("bone", "locking",
 * "fixation") stands within NEAR words of it.
 */
function contextHolds(
  doc: Doc,
  lex: CompiledLexicon,
  c: { mention: HistologyMention; first: number; last: number },
  found: readonly (HistologyMention | PathologyStatusMention)[],
): boolean {
  const context = lex.histologyContexts.get(c.mention.ruleId);
  if (!context) return false;
  const words = (from: number, to: number) =>
    doc.tokens.slice(Math.max(0, from), Math.min(doc.tokens.length, to)).map((t) => t.norm);
  if (
    [...words(c.first - NEAR, c.first), ...words(c.last, c.last + NEAR)].some((w) =>
      context.notNear.has(w),
    )
  )
    return false;
  if (
    !found.some(
      (m) =>
        m.kind === "histology" &&
        context.noteLesions.has(m.histology) &&
        m.ruleId !== c.mention.ruleId,
    )
  )
    return false;
  const s = doc.sentences[c.mention.sentence]!;
  return (
    words(s.firstToken, s.lastToken).some((w) => context.digitWords.has(w)) ||
    hasPhrase(lex.digits, doc.canon, s.firstToken, s.lastToken)
  );
}

/**
 * Sentences with a depth phrase of an excision ("subcutaneous mass", "deep to the fascia",
 * "dissected from the overlying skin"): the excision techniques of the lexicon are depths.
 */
function depthSentences(doc: Doc, lex: CompiledLexicon): Set<number> {
  return new Set(
    matchSentences(doc, lex.techniques)
      .filter((m) => m.payload.applies.includes("excision"))
      .map((m) => m.sentence),
  );
}

/** "-like" or "like" right after a diagnosis ("tag-like", "SK like"): it describes a look-alike. */
function likeness(doc: Doc, next: number): boolean {
  const a = doc.canon[next];
  return a === WORDS.like || (a === "-" && doc.canon[next + 1] === WORDS.like);
}

/**
 * "ST x16 neck, snip removal", "VV x4 R hand, LN2", "10 MC trunk, cantharidin": a lesion
 * abbreviation holds only written in upper case (a plural "s" may follow), next to a count (a
 * times marker and number after it, or a number before it) and in a sentence naming one of its
 * procedures, so that "ST elevation" or "MC joint" name no lesion.
 */
function abbreviationHolds(
  doc: Doc,
  lex: CompiledLexicon,
  m: TermMatch<unknown>,
  procedures: readonly string[],
): boolean {
  const raw = doc.text.slice(doc.tokens[m.first]!.start, doc.tokens[m.last - 1]!.end);
  if (!/^[A-Z]{2,}s?$/.test(raw)) return false;
  const next = doc.canon[m.last];
  const counted =
    (m.last < doc.tokens.length &&
      lex.times.has(next!) &&
      /^\d+$/.test(doc.canon[m.last + 1] ?? "")) ||
    /^\d+$/.test(doc.canon[m.first - 1] ?? "") ||
    numberWordBefore(doc, lex, m.first);
  if (!counted) return false;
  const s = doc.sentences[m.sentence]!;
  return lex.procedures
    .findAll(doc.canon, s.firstToken, s.lastToken)
    .some((h) => procedures.includes(h.hit.payload.procedure));
}

/** A number word ends right before token j ("sixteen ST"). */
function numberWordBefore(doc: Doc, lex: CompiledLexicon, j: number): boolean {
  for (let k = Math.max(0, j - 3); k < j; k++) {
    const hit = lex.numberWords.matchAt(doc.canon, k, j);
    if (hit && k + hit.length === j) return true;
  }
  return false;
}
