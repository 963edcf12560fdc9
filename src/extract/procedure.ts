import { type CompiledLexicon, hasPhrase } from "../lexicon/compile.ts";
import type { Doc, ProcedureMention, TechniqueMention } from "../types.ts";
import { matchSentences, mentionBase } from "./match.ts";

/**
 * Procedure terms ("4 mm punch biopsy", "shave excision", "LN2", "ED&C", "layered closure") and
 * technique words that qualify a nearby procedure ("with a punch", "tangential").
 * "ignore" terms ("frozen section", "sutures removed") only block shorter matches. A procedure
 * word inside a pathology cue ("biopsy-proven", "prior bx showed") is marked as already done.
 */
export function extractProcedures(
  doc: Doc,
  lex: CompiledLexicon,
): (ProcedureMention | TechniqueMention)[] {
  const out: (ProcedureMention | TechniqueMention)[] = [];
  const statuses = matchSentences(doc, lex.pathologyStatus);
  const done = statuses.filter((s) => s.payload.status === "final");
  const results = matchSentences(doc, lex.resultCues);
  const { procedures: withResults, reach } = lex.source.procedures.resultCues;
  let prev: { last: number; sentence: number; closes: boolean } | undefined;
  for (const m of matchSentences(doc, lex.procedures)) {
    const t = m.payload;
    if (t.procedure === "ignore") continue;
    // "Advancement flap closure", "skin graft repair": a closure word right after a flap or
    // graft names that flap's own closure, not a second (linear) repair of the defect.
    const flapClosure =
      t.procedure === "repair" &&
      prev?.closes &&
      prev.sentence === m.sentence &&
      prev.last === m.first;
    prev = {
      last: m.last,
      sentence: m.sentence,
      closes: t.procedure === "flap" || t.closesDefect === true,
    };
    if (flapClosure) continue;
    const result = withResults.some((p) => p === t.procedure)
      ? results.find(
          (r) =>
            r.sentence === m.sentence &&
            r.first >= m.last &&
            wordsBetween(doc, m.last, r.first, reach) <= reach &&
            !reportBetween(doc, statuses, m.last, r.last),
        )
      : undefined;
    const cue = done.some((d) => d.first < m.last && m.first < d.last) || result !== undefined;
    if (suppressed(doc, lex, t, m)) continue;
    const scar = revisesScar(doc, lex, t.id, m.sentence);
    const removal = closesRemovalDefect(doc, lex, t, m.sentence);
    // Optional fields set one by one: the same keys in the same order as conditional spreads,
    // without a temporary object for each.
    const p = mentionBase(doc, "procedure", m.first, m.last, t.id, m.sentence) as ProcedureMention;
    p.kind = "procedure";
    p.procedure = t.procedure;
    if (t.technique) p.technique = t.technique;
    if (t.repairType) p.repairType = t.repairType;
    if (t.codeKey) p.codeKey = t.codeKey;
    if (t.unsupported) p.unsupported = t.unsupported;
    if (t.weak) p.weak = true;
    if (t.ownKindOnly) p.ownKindOnly = true;
    if (t.needsLesion) p.needsLesion = true;
    if (t.needsLesionType) p.needsLesionType = t.needsLesionType;
    if (t.closesDefect) p.closesDefect = true;
    if (t.skinSpecific) p.skinSpecific = true;
    if (scar) p.revisesScar = scar;
    if (removal) p.removalDefect = removal;
    if (cue) p.pathologyCue = true;
    if (result) p.resultEnd = doc.tokens[result.last - 1]!.end;
    out.push(p);
  }
  for (const m of matchSentences(doc, lex.techniques)) {
    // Fields set on the base (same keys, same order as a spread literal, without copying it).
    const x = mentionBase(
      doc,
      "technique",
      m.first,
      m.last,
      m.payload.id,
      m.sentence,
    ) as TechniqueMention;
    x.kind = "technique";
    x.technique = m.payload.technique;
    x.applies = m.payload.applies;
    x.reach = m.payload.reach;
    if (m.payload.rank !== undefined) x.rank = m.payload.rank;
    if (m.payload.woundLayer) x.woundLayer = true;
    out.push(x);
  }
  return out;
}

/**
 * White-space separated words from token `from` up to token `to`, counted up to `limit` + 1: a
 * date ("03/12/2026") or a title ("Dr.") is one word however many tokens it has ("Biopsy of the
 * left helix on 03/12/2026 by Dr. Smith showed ...").
 */
function wordsBetween(doc: Doc, from: number, to: number, limit: number): number {
  let words = 0;
  for (let k = from; k < to && words <= limit; k++) {
    if (k === 0 || doc.tokens[k]!.start > doc.tokens[k - 1]!.end) words++;
  }
  return words;
}

/**
 * "... was excised with 4 mm margins; pathology showed margins clear": the result belongs to a
 * pathology report of this procedure (a status phrase, or a new clause after ";"), not to an
 * earlier one.
 */
function reportBetween(
  doc: Doc,
  statuses: { first: number; last: number }[],
  from: number,
  to: number,
): boolean {
  if (statuses.some((s) => s.first < to && s.last > from)) return true;
  for (let k = from; k < to; k++) if (doc.canon[k] === ";") return true;
  return false;
}

/**
 * "Z-plasty revision of left nasolabial fold scar": a tissue rearrangement with a scar or wound
 * word in its sentence revises it. Returns the rule id that says so.
 */
function revisesScar(
  doc: Doc,
  lex: CompiledLexicon,
  termId: string,
  sentence: number,
): string | undefined {
  const rule = lex.scarRearrangement;
  if (!rule?.terms.has(termId)) return undefined;
  const s = doc.sentences[sentence]!;
  return hasPhrase(rule.words, doc.canon, s.firstToken, s.lastToken) ? rule.id : undefined;
}

/**
 * "Rotation flap repair of the 2 x 2 cm surgical defect": a flap whose sentence names the defect a
 * removal left closes a skin defect. Returns the rule id that says so.
 */
function closesRemovalDefect(
  doc: Doc,
  lex: CompiledLexicon,
  term: { procedure: string },
  sentence: number,
): string | undefined {
  const rule = lex.removalDefect;
  if (!rule || term.procedure !== "flap") return undefined;
  const s = doc.sentences[sentence]!;
  return hasPhrase(rule.words, doc.canon, s.firstToken, s.lastToken) ? rule.id : undefined;
}

/**
 * "hemostasis with electrocautery", "Kenalog ... injected ... in a nerve block": a procedure
 * word used for something other than the procedure.
 */
function suppressed(
  doc: Doc,
  lex: CompiledLexicon,
  term: { id: string; procedure: string; technique?: string },
  match: { first: number; last: number; sentence: number },
): boolean {
  const { procedure, technique } = term;
  let spelled: string | undefined;
  const spelledAs = (list: readonly string[]) => {
    spelled ??= spelling(doc, match.first, match.last);
    return list.includes(spelled);
  };
  const rules = lex.source.procedures.suppress.filter(
    (r) =>
      r.procedure === procedure &&
      (r.spelledAs === undefined || spelledAs(r.spelledAs)) &&
      (r.techniques === undefined ||
        (technique !== undefined && r.techniques.includes(technique))) &&
      (r.terms === undefined || r.terms.includes(term.id)),
  );
  if (rules.length === 0) return false;
  const s = doc.sentences[match.sentence]!;
  const words = doc.canon.slice(s.firstToken, s.lastToken);
  const upper = (w: string) =>
    words.some((c, k) => {
      if (c !== w) return false;
      const t = doc.tokens[s.firstToken + k]!;
      const raw = doc.text.slice(t.start, t.end);
      return raw === raw.toUpperCase();
    });
  return rules.some(
    (r) => r.words.some((w) => words.includes(w)) || (r.upperCaseWords?.some(upper) ?? false),
  );
}

/** A mention's words as written, lower-cased and joined by spaces ("edc", "ed & c"). */
function spelling(doc: Doc, first: number, last: number): string {
  const words: string[] = [];
  for (let k = first; k < last; k++) words.push(doc.tokens[k]!.norm);
  return words.join(" ");
}
