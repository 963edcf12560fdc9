import { type CompiledLexicon, hasPhrase } from "../lexicon/compile.ts";
import { lastWord } from "../text/tokens.ts";
import type { Doc, Mention } from "../types.ts";

/** Procedure mentions read per note; real notes name a few dozen. */
export const MAX_PROCEDURE_MENTIONS = 600;

import { extractCounts } from "./count.ts";
import { extractDeletedCodes } from "./deleted.ts";
import { extractHistology } from "./histology.ts";
import { extractProcedures } from "./procedure.ts";
import { extractSites } from "./site.ts";
import { extractSizes } from "./size.ts";

type Extractor = (doc: Doc, lex: CompiledLexicon) => Mention[];

/**
 * The extractor registry: one entry per attribute, all with the same signature. `local`
 * extractors only matter near a procedure (sizes, counts), so they read only the sentences
 * around procedure mentions and the sections that describe lesions; the others read the note.
 */
export const EXTRACTORS: Record<string, { extract: Extractor; local: boolean }> = {
  procedure: { extract: extractProcedures, local: false },
  site: { extract: extractSites, local: false },
  size: { extract: extractSizes, local: true },
  count: { extract: extractCounts, local: true },
  histology: { extract: extractHistology, local: false },
  deletedCode: { extract: extractDeletedCodes, local: false },
};

/** The extractors after procedures: those reading the whole note, and the local ones. */
const NOTE_EXTRACTORS = Object.entries(EXTRACTORS).flatMap(([name, x]) =>
  name !== "procedure" && !x.local ? [x.extract] : [],
);
const LOCAL_EXTRACTORS = Object.entries(EXTRACTORS).flatMap(([name, x]) =>
  name !== "procedure" && x.local ? [x.extract] : [],
);

/** How far around a procedure mention sizes and counts can matter (the grouping's reach, plus one). */
const BEFORE = 5;
const AFTER = 8;
const DESCRIBING = new Set(["procedure", "procedure_title", "diagnosis", "pathology"]);

/** Runs every extractor; mentions come back sorted by position with ids 0..n-1. */
export function extractMentions(full: Doc, lex: CompiledLexicon): Mention[] {
  const all: Mention[] = [];
  let doc = full;
  let procedures = EXTRACTORS.procedure!.extract(doc, lex);
  const cut = procedures[MAX_PROCEDURE_MENTIONS];
  if (cut) {
    // A note naming hundreds of procedures (a pasted log) is read up to the sentence where the
    // limit is reached; the pipeline warns that the rest was not coded.
    full.truncatedAtSentence = cut.sentence;
    procedures = procedures.filter((p) => p.sentence < cut.sentence);
    doc = { ...full, sentences: full.sentences.filter((s) => s.index < cut.sentence) };
  }
  for (const extract of NOTE_EXTRACTORS) pushAll(all, extract(doc, lex));
  procedures = withTheirObjects(procedures, all);
  pushAll(all, procedures);
  const near = nearProcedures(doc, lex, procedures, examined(all));
  if (near.sentences.length > 0)
    for (const extract of LOCAL_EXTRACTORS) pushAll(all, extract(near, lex));
  sortMentions(all);
  for (let i = 0; i < all.length; i++) all[i]!.id = i;
  markEarlierResults(all);
  markPairedAreas(full, all, lex);
  markSiteBrackets(full, all);
  return all;
}

function pushAll(all: Mention[], found: readonly Mention[]): void {
  for (let i = 0; i < found.length; i++) all.push(found[i]!);
}

/**
 * Sorts mentions by start, the longer first at the same start, ties kept in the order found:
 * the order of `all.sort((a, b) => a.start - b.start || b.end - a.end)` (a stable sort). Each
 * mention gets one numeric key holding those three (start, then end reversed, then its place),
 * and the keys are sorted as numbers (a typed-array sort, no comparator call per comparison).
 * A note too long for exact keys is sorted with the comparator.
 */
function sortMentions(all: Mention[]): void {
  const n = all.length;
  if (n < 2) return;
  let last = 0;
  for (let i = 0; i < n; i++) last = Math.max(last, all[i]!.end);
  const span = last + 1;
  if (span * span * n >= Number.MAX_SAFE_INTEGER) {
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    return;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = all[i]!;
    keys[i] = (m.start * span + (last - m.end)) * n + i;
  }
  keys.sort();
  const copy = all.slice();
  for (let i = 0; i < n; i++) all[i] = copy[keys[i]! % n]!;
}

/**
 * "Shave biopsy of the left leg lesion showed melanoma": a diagnosis written after the result
 * word of an earlier biopsy or excision in its sentence is that procedure's pathology, as after
 * "prior biopsy showed", so a specimen sent from today's excision does not make it pending.
 * Mentions are sorted, so a sentence's result words come before the diagnoses after them.
 */
function markEarlierResults(all: Mention[]): void {
  let sentence = -1;
  let resultEnd = Number.POSITIVE_INFINITY;
  for (const m of all) {
    if (m.sentence !== sentence) {
      sentence = m.sentence;
      resultEnd = Number.POSITIVE_INFINITY;
    }
    if (m.kind === "procedure" && m.resultEnd !== undefined)
      resultEnd = Math.min(resultEnd, m.resultEnd);
    else if (m.kind === "histology" && m.start >= resultEnd) m.fromPathology = true;
  }
}

/**
 * "both elbows (180 sq cm total) and the right knee (90 sq cm)": an area inside brackets opened
 * right after a site (nothing but spaces between) belongs to that site; it keeps the offset of
 * its bracket.
 */
function markSiteBrackets(doc: Doc, all: Mention[]): void {
  for (let i = 0; i < all.length; i++) {
    const m = all[i]!;
    if (m.kind !== "size" || m.unit !== "cm2") continue;
    const open = openBracketBefore(doc, m.start, doc.sentences[m.sentence]?.start ?? 0);
    if (open === undefined) continue;
    // The mention that ends last before the bracket ("both elbows", not its "both").
    let before: Mention | undefined;
    for (let k = i - 1; k >= 0 && all[k]!.sentence === m.sentence; k--) {
      const x = all[k]!;
      if (x.end <= open && (!before || x.end > before.end)) before = x;
    }
    if (before?.kind === "site" && doc.text.slice(before.end, open).trim() === "")
      m.siteBracket = open;
  }
}

/** The offset of the "(" that encloses `at` (back to `from`), if no ")" closes it before `at`. */
function openBracketBefore(doc: Doc, at: number, from: number): number | undefined {
  for (let k = at - 1; k >= from; k--) {
    const c = doc.text[k];
    if (c === ")") return undefined;
    if (c === "(") return k;
  }
  return undefined;
}

/**
 * "Avulsion of the entire nail plate", "the ingrown toenail was avulsed": a bare procedure word
 * that names its procedure only of some lesion types (lexicon term `needsLesionType`) is kept
 * only in a sentence that names one of them; "avulsion fracture" is no nail avulsion.
 */
function withTheirObjects(procedures: Mention[], others: readonly Mention[]): Mention[] {
  if (!procedures.some((p) => p.kind === "procedure" && p.needsLesionType)) return procedures;
  const named = new Set<string>();
  for (const m of others) if (m.kind === "histology") named.add(`${m.sentence}|${m.histology}`);
  return procedures.filter(
    (p) =>
      p.kind !== "procedure" ||
      !p.needsLesionType ||
      p.needsLesionType.some((type) => named.has(`${p.sentence}|${type}`)),
  );
}

/**
 * "dorsal hands 60 cm2 each", "bilateral cheeks, 20 cm2 each": an area right before "each",
 * whose nearest site before it in the sentence is a paired part in the plural or bilateral.
 */
function markPairedAreas(doc: Doc, all: Mention[], lex: CompiledLexicon): void {
  const rule = lex.source.sites.pairedAreas;
  if (!rule) return;
  for (let i = 0; i < all.length; i++) {
    const m = all[i]!;
    if (m.kind !== "size" || m.unit !== "cm2") continue;
    const after = doc.lower.slice(m.end, m.end + 12).match(/^\s*([a-z]+)/)?.[1];
    if (!after || !rule.each.includes(after)) continue;
    let site: Mention | undefined;
    for (let k = i - 1; k >= 0 && all[k]!.sentence === m.sentence; k--) {
      const x = all[k]!;
      if (x.kind === "size") break;
      if (x.kind === "site") {
        site = x;
        break;
      }
    }
    if (site?.kind !== "site") continue;
    if (site.laterality === "bilateral" || rule.plurals.includes(lastWord(site.text))) m.times = 2;
  }
}

/**
 * Sentences that place a lesion at a site ("a lesion plantar to the right fourth metatarsal head
 * measures 3.1 x 1.8 cm"): the measurement of a lesion examined there may size the procedure
 * told later at that place, however far (group place-sizes).
 */
function examined(mentions: Mention[]): Set<number> {
  const lesion = new Set<number>();
  const site = new Set<number>();
  for (const m of mentions) {
    if (m.kind === "histology") lesion.add(m.sentence);
    else if (m.kind === "site") site.add(m.sentence);
  }
  return new Set([...lesion].filter((s) => site.has(s)));
}

/** The same note with only the sentences where a size or count can belong to a procedure. */
function nearProcedures(
  doc: Doc,
  lex: CompiledLexicon,
  procedures: Mention[],
  lesionsAtSites: ReadonlySet<number>,
): Doc {
  const keep = new Uint8Array(doc.sentences.length);
  for (const p of procedures) {
    const from = Math.max(0, p.sentence - BEFORE);
    const to = Math.min(doc.sentences.length - 1, p.sentence + AFTER);
    keep.fill(1, from, to + 1);
  }
  if (procedures.length > 0) {
    for (const s of doc.sentences) {
      if (
        DESCRIBING.has(s.section) ||
        lesionsAtSites.has(s.index) ||
        namesWound(doc, lex, s.firstToken, s.lastToken)
      )
        keep[s.index] = 1;
    }
  }
  return { ...doc, sentences: doc.sentences.filter((s) => keep[s.index] === 1) };
}

/** Wound lengths ("2 cm laceration over the chin") may sit far from the repair that closes them. */
function namesWound(doc: Doc, lex: CompiledLexicon, from: number, to: number): boolean {
  return hasPhrase(lex.woundWords, doc.canon, from, to);
}
