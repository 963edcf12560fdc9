import { type CompiledLexicon, hasPhrase, type RoleTerm } from "../lexicon/compile.ts";
import { SIZE_COORDINATORS, WORDS } from "../text/grammar.ts";
import type { Doc, SizeMention, SizeRole } from "../types.ts";
import { DECIMAL_WORD, NUMBER_WORD, tokenClasses } from "./classes.ts";
import { matchSentences, mentionBase, type TermMatch } from "./match.ts";
import { readMeasure, roundTo } from "./numbers.ts";

/** Tokens that stop a role cue from reaching a measurement ("lesion 4 mm, 1 mm margins"). */
const BARRIERS = new Set([",", ";"]);

/**
 * Measurements: "6mm", "1.2 x 0.8 cm", "1.2 cm x 0.8 cm", "6 to 7 mm", "4-mm", "two centimeters",
 * "320 sq cm". The value is the greatest dimension in cm (sq cm for areas). The role comes from
 * the nearest cue word ("4 mm margins" margin, "layered closure 3.5 cm" repair); none = unknown.
 */
export function extractSizes(doc: Doc, lex: CompiledLexicon): SizeMention[] {
  const roles = matchSentences(doc, lex.roles);
  const out: SizeMention[] = [];
  const classes = tokenClasses(doc, lex);
  for (const s of doc.sentences) {
    for (let i = s.firstToken; i < s.lastToken; ) {
      const code = doc.canon[i]!.charCodeAt(0);
      const numeric =
        (code >= 48 && code <= 57) || code === 46 || classes[i]! & (NUMBER_WORD | DECIMAL_WORD);
      const size = numeric ? readSize(doc, lex, i, s.lastToken) : undefined;
      if (!size) {
        i++;
        continue;
      }
      const cued = roleOf(doc, lex, roles, size.first, size.last, s);
      // An area cue ("total") on a length means nothing about its role.
      const role = cued.role === "area" && size.unit === "cm" ? { role: "unknown" as const } : cued;
      if (role.role !== "ignore") {
        // Fields set on the base (same keys, same order as a spread literal, without copying it).
        const m = mentionBase(
          doc,
          "size",
          size.first,
          size.last,
          role.ruleId ?? size.ruleId,
          s.index,
        ) as SizeMention;
        m.kind = "size";
        let value = Number.NEGATIVE_INFINITY;
        for (const d of size.dims) value = Math.max(value, d);
        m.value = value;
        m.dims = size.dims;
        m.unit = size.unit;
        m.role = role.role;
        if ("final" in role && role.final) m.final = true;
        if ("adds" in role && role.adds) m.adds = true;
        out.push(m);
      }
      i = size.last;
    }
  }
  shareRoles(doc, out);
  return out;
}

interface RawSize {
  first: number;
  last: number;
  dims: number[];
  unit: "cm" | "cm2";
  ruleId: string;
}

function readSize(doc: Doc, lex: CompiledLexicon, i: number, limit: number): RawSize | undefined {
  const first = readMeasure(doc, lex, i, limit);
  if (!first) return undefined;
  const dims: number[] = [];
  let pending: number[] = [first.value];
  let j = first.next;
  let unit: { unit: "cm" | "cm2"; toCm: number; id: string } | undefined;
  for (;;) {
    const u = unitAt(doc, lex, j, limit);
    if (u) {
      unit = u.payload;
      dims.push(...pending.map((v) => v * u.payload.toCm));
      pending = [];
      j = u.next;
    }
    // "10.5 cm in length x 4 cm", "10 cm long and 4 cm wide": the axis names are skipped.
    const label = u ? lex.dimensionLabels.matchAt(doc.canon, j, limit) : undefined;
    if (label) j += label.length;
    const tok = doc.canon[j];
    const next = tok !== undefined ? readMeasure(doc, lex, j + 1, limit) : undefined;
    if (!next || !tok) break;
    if (lex.dimensionJoiners.has(tok)) pending.push(next.value);
    else if (label && tok === WORDS.and && labelledAfter(doc, lex, next.next, limit))
      pending.push(next.value);
    else if (lex.rangeJoiners.has(tok) && pending.length > 0) {
      pending[pending.length - 1] = Math.max(pending[pending.length - 1]!, next.value);
    } else break;
    j = next.next;
  }
  if (!unit || dims.length === 0) return undefined;
  if (pending.length > 0) dims.push(...pending.map((v) => v * unit.toCm));
  return {
    first: i,
    last: j,
    dims: dims.map((d) => roundTo(d, 3)),
    unit: unit.unit,
    ruleId: unit.id,
  };
}

/** A unit then an axis name follow ("4 cm wide"). */
function labelledAfter(doc: Doc, lex: CompiledLexicon, j: number, limit: number): boolean {
  const u = unitAt(doc, lex, j, limit);
  return u !== undefined && lex.dimensionLabels.matchAt(doc.canon, u.next, limit) !== undefined;
}

function unitAt(doc: Doc, lex: CompiledLexicon, j: number, limit: number) {
  const at = doc.canon[j] === "-" ? j + 1 : j;
  let hit = lex.units.matchAt(doc.canon, at, limit);
  // "1.0 cm 2 mm margins", "1.5 cm 2) SK ...": a unit literal ending in a detached number
  // ("cm 2" for "cm2") is the shorter unit and a new number when that number starts the next
  // measurement or list item.
  if (hit && hit.length > 1 && newNumberAt(doc, lex, at + hit.length - 1, limit))
    hit = lex.units.matchAt(doc.canon, at, at + hit.length - 1);
  return hit ? { payload: hit.payload, next: at + hit.length } : undefined;
}

/**
 * The numeral at token k, written apart from the unit word before it, begins something new: a
 * unit follows it ("2 mm"), or it is an item marker ("2)", "2." with more text on its line) after
 * item 1 of the same list on its line. Written together ("12 cm2)", "0.67 cm2.") or before other
 * words ("12 cm 2 area", "total 30 cm 2. Dressed.") it is an exponent.
 */
function newNumberAt(doc: Doc, lex: CompiledLexicon, k: number, limit: number): boolean {
  const tok = doc.tokens[k]!;
  if (!NUMERAL.test(doc.canon[k]!) || doc.tokens[k - 1]!.end === tok.start) return false;
  if (unitAt(doc, lex, k + 1, limit)) return true;
  const marker = doc.canon[k + 1];
  if (marker !== ")" && marker !== ".") return false;
  const after = doc.tokens[k + 2];
  if (!after || doc.text.slice(tok.end + 1, after.start).includes("\n")) return false;
  return previousItemOnLine(doc.text, tok.start, Number(doc.canon[k]) - 1, marker);
}

/** "1) ... 1.5 cm 2) ...": item n-1 with the same marker opens earlier on the same line. */
function previousItemOnLine(text: string, at: number, n: number, marker: string): boolean {
  if (n < 1) return false;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const item = `${n}${marker}`;
  for (let p = text.indexOf(item, lineStart); p >= 0 && p < at; p = text.indexOf(item, p + 1)) {
    const before = p === lineStart ? " " : text[p - 1]!;
    if (before === " " || before === "\t" || before === "(" || before === ":") return true;
  }
  return false;
}

const NUMERAL = /^\d+$/;

function roleOf(
  doc: Doc,
  lex: CompiledLexicon,
  roles: TermMatch<RoleTerm>[],
  first: number,
  last: number,
  { index: sentence, lastToken }: { index: number; lastToken: number },
): { role: SizeRole | "ignore"; ruleId?: string; final?: boolean; adds?: boolean } {
  let best: { dist: number; term: RoleTerm } | undefined;
  for (const r of roles) {
    if (r.sentence !== sentence) continue;
    const before = r.last <= first;
    const after = r.first >= last;
    if ((!before && !after) || (before && r.payload.side === "after")) continue;
    if (after && r.payload.side === "before") continue;
    const dist = before ? first - r.last : r.first - last;
    if (dist > r.payload.maxTokens) continue;
    if (blocked(doc, lex, before ? r.last : last, before ? first : r.first)) continue;
    // A generic "measured"/"lesion" cue yields to a specific one a token further away
    // ("the layered repair measured 5.0 cm" is a repair length).
    const score = dist + (r.payload.role === "lesion" ? 1.5 : 0);
    if (!best || score < best.dist) {
      best = { dist: score, term: r.payload };
    }
  }
  // "1.0 cm BCC", "5 mm SK": a diagnosis right after the measurement names what it measures,
  // as strongly as a lesion cue there would ("... clear margins after excision of a 1.0 cm BCC").
  const named = lex.histology.matchAt(doc.canon, last, lastToken);
  const lesionCue = named?.payload.lesional
    ? lex.source.units.roles.find((r) => r.role === "lesion")
    : undefined;
  if (lesionCue && (!best || LESION_CUE_SCORE < best.dist))
    best = { dist: LESION_CUE_SCORE, term: lesionCue };
  if (!best) return { role: "unknown" };
  // "The wound measured 6.0 cm in length": one dimension labelled as a length is the wound's
  // length (what its repair measures), not the diameter of a round defect.
  if (
    best.term.role === "defect" &&
    hasPhrase(lex.lengthLabels, doc.canon, first, last) &&
    !doc.canon.slice(first, last).some((t) => lex.dimensionJoiners.has(t))
  ) {
    const repair = lex.source.units.roles.find((r) => r.role === "repair");
    if (repair) return { role: "repair", ruleId: repair.id };
  }
  const role = best.term.role === "excised" ? "defect" : best.term.role;
  return {
    role,
    ruleId: best.term.id,
    ...(best.term.final ? { final: true } : {}),
    ...(best.term.adds ? { adds: true } : {}),
  };
}

/** The score of a lesion cue right after a measurement (distance 0 plus the generic-cue 1.5). */
const LESION_CUE_SCORE = 1.5;

/** Commas, semicolons and other numbers stand between a cue and a measurement; "3 cycles" does not. */
function blocked(doc: Doc, lex: CompiledLexicon, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = doc.canon[k]!;
    if (BARRIERS.has(t)) return true;
    if (/^\d/.test(t) && !lex.notCountWords.has(doc.canon[k + 1] ?? "")) return true;
  }
  return false;
}

/** "1 mm and 3 mm margins": a measurement coordinated with the next one takes its role. */
function shareRoles(doc: Doc, sizes: SizeMention[]): void {
  for (let k = sizes.length - 2; k >= 0; k--) {
    const a = sizes[k]!;
    const b = sizes[k + 1]!;
    if (a.role !== "unknown" || b.role === "unknown" || a.sentence !== b.sentence) continue;
    const between = doc.lower.slice(a.end, b.start).trim();
    if (!between.split(/\s+/).every((w) => SIZE_COORDINATORS.has(w))) continue;
    // "0.9 cm, 3 mm margins" lists a lesion size and then a margin: a comma alone coordinates
    // only measurements written in the same unit ("2 mm, 3 mm margins").
    if (between === "," && writtenUnit(doc, a) !== writtenUnit(doc, b)) continue;
    a.role = b.role;
  }
}

/** The unit word a measurement was written with ("mm" in "3 mm"). */
function writtenUnit(doc: Doc, size: SizeMention): string {
  return doc.lower.slice(size.start, size.end).match(/[a-z]+$/)?.[0] ?? "";
}
