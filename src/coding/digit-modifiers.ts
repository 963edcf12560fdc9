import type { MentionIndex } from "../group/index-mentions.ts";
import { inSentence } from "../group/index-mentions.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon, DigitTerm } from "../lexicon/compile.ts";
import { tokenAt } from "../text/tokens.ts";
import type { SiteMention } from "../types.ts";
import { inCodeSet } from "./code-sets.ts";
import { type Rule, rulesOf } from "./edits.ts";
import { type DraftLine, withClause } from "./lines.ts";

type DigitRule = Rule<"digitModifier">;
type Side = "left" | "right";

/** One digit the note names: "left great toe" is the toe 1 on the left. */
interface NamedDigit {
  limb: DigitTerm["limb"];
  digit: number;
  side?: Side;
  site: SiteMention;
}
type Digit = Required<NamedDigit>;

/** How many tokens may stand between a digit and the limb that gives its side ("toe of the left foot"). */
const SIDE_BETWEEN = 2;

/**
 * Nail procedures billed per nail take the modifier of the digit each nail is on (lexicon edits
 * `digitModifier`: 11730-TA, +11732-T5). The lines of one table and events are split into one
 * line a nail, in the order the note names the digits, only when the procedure's sentences name
 * the digit and side of every nail the lines count; otherwise no line gets one (no guess).
 */
export function digitModifiers(
  lines: DraftLine[],
  events: readonly ProcedureEvent[],
  index: MentionIndex,
  lex: CompiledLexicon,
): DraftLine[] {
  let out = lines;
  for (const rule of rulesOf(lex, "digitModifier")) {
    const groups = new Map<string, DraftLine[]>();
    for (const l of out) {
      if (l.droppedBy || !inCodeSet(rule.codes, l.code)) continue;
      const key = `${l.ruleIds[0] ?? ""}|${l.events.join(",")}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    for (const group of groups.values()) {
      const split = splitByDigit(group, events, index, rule, lex);
      if (split) out = out.flatMap((l) => (group.includes(l) ? (split.get(l) ?? []) : [l]));
    }
  }
  return out;
}

function splitByDigit(
  group: DraftLine[],
  events: readonly ProcedureEvent[],
  index: MentionIndex,
  rule: DigitRule,
  lex: CompiledLexicon,
): Map<DraftLine, DraftLine[]> | undefined {
  const digits: Digit[] = [];
  const elsewhere = notTodaySites(events);
  for (const i of group[0]!.events) {
    const e = events[i];
    const own = e ? digitsOf(e, index, lex, elsewhere) : undefined;
    if (!own) return undefined;
    for (const d of own) if (!digits.some((x) => sameDigit(x, d))) digits.push(d);
  }
  const units = group.reduce((n, l) => n + l.units, 0);
  if (digits.length !== units) return undefined;
  const out = new Map<DraftLine, DraftLine[]>();
  let next = 0;
  for (const l of group) {
    const parts: DraftLine[] = [];
    for (let k = 0; k < l.units; k++) {
      const d = digits[next++]!;
      const modifier = rule.modifiers[d.limb][d.side][d.digit - 1]!;
      parts.push({
        ...l,
        units: 1,
        modifiers: [...l.modifiers, modifier],
        rationale: withClause(l.rationale, "; ", `${modifier} for the nail of the ${d.site.text}`),
        evidence: l.evidence.includes(d.site) ? l.evidence : [...l.evidence, d.site],
        factors: [...l.factors],
        ruleIds: [...l.ruleIds, d.site.digit!.ruleId, rule.id],
      });
    }
    out.set(l, parts);
  }
  return out;
}

/**
 * Sites (by start offset) of procedures not done today: "Site: L hallux (R hallux matrixectomy
 * last year)" names the right great toe for a past procedure, not as a nail treated now.
 */
function notTodaySites(events: readonly ProcedureEvent[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (const e of events) {
    const a = e.assertion;
    if (e.site && (a.negation === "negated" || a.temporality !== "recent")) out.add(e.site.start);
  }
  return out;
}

const sameDigit = (a: Digit, b: Digit) =>
  a.limb === b.limb && a.digit === b.digit && a.side === b.side;

/**
 * The digits an event's sentences name, with their sides; else the digit of its own site when
 * its sentence names no other; else, when its sentences point back to nails named before ("Simple
 * avulsion of both nail plates"; lexicon `backReferences`), the digits of the nearest earlier
 * sentence naming digits (the caller checks their number); else the one digit the whole note
 * names ("Trephination of subungual hematoma." in a note about the "left index finger").
 * Undefined when a digit of the event's sentences is named without a side.
 */
function digitsOf(
  e: ProcedureEvent,
  index: MentionIndex,
  lex: CompiledLexicon,
  elsewhere: ReadonlySet<number>,
): Digit[] | undefined {
  const sentences = [...new Set(e.anchors.map((a) => a.sentence))].sort((a, b) => a - b);
  // A digit that is the site of another procedure not done today is not one of this event's.
  const today = (k: number) =>
    digitsIn(k, index).filter((d) => d.site === e.site || !elsewhere.has(d.site.start));
  let named = sentences.flatMap(today);
  if (named.length === 0 && e.site && e.site.sentence >= 0)
    named = onlyOne(today(e.site.sentence)).filter((d) => d.site === e.site);
  if (named.length === 0 && pointsBack(sentences, index, lex))
    named = digitsBefore(sentences[0]!, index);
  if (named.length === 0) named = onlyOne(index.doc.sentences.flatMap((s) => today(s.index)));
  return named.every((d) => d.side !== undefined) ? (named as Digit[]) : undefined;
}

/** A sentence of the event says "both", "each", "the nails": the nails named before. */
function pointsBack(sentences: number[], index: MentionIndex, lex: CompiledLexicon): boolean {
  const doc = index.doc;
  return sentences.some((k) => {
    const s = doc.sentences[k]!;
    return lex.digitBackReferences.occursIn(doc.canon, s.firstToken, s.lastToken);
  });
}

/** The digits of the nearest sentence before `sentence` that names any, each once. */
function digitsBefore(sentence: number, index: MentionIndex): NamedDigit[] {
  for (let k = sentence - 1; k >= 0; k--) {
    const named = digitsIn(k, index);
    if (named.length === 0) continue;
    const out: NamedDigit[] = [];
    for (const d of named)
      if (!out.some((x) => x.limb === d.limb && x.digit === d.digit && x.side === d.side))
        out.push(d);
    return out;
  }
  return [];
}

/** The one digit of a list that names no other (with its side at least once), else none. */
function onlyOne(all: NamedDigit[]): NamedDigit[] {
  const sided = all.find((d) => d.side !== undefined);
  const one = sided && all.every((d) => d.limb === sided.limb && d.digit === sided.digit);
  return one && all.every((d) => d.side === undefined || d.side === sided.side) ? [sided] : [];
}

/** Digits named in a sentence, each with its side when the note names it. */
function digitsIn(sentence: number, index: MentionIndex): NamedDigit[] {
  const sites = inSentence(index, sentence, "site");
  const out: NamedDigit[] = [];
  for (const site of sites) {
    if (!site.digit) continue;
    const { limb, digit } = site.digit;
    const sides = sidesOf(site, sites, index);
    if (sides.length === 0) out.push({ limb, digit, site });
    for (const side of sides) out.push({ limb, digit, side, site });
  }
  return out;
}

/**
 * The sides of a digit's site: its own ("L hallux"; "bilateral great toes" is both), else that
 * of a limb named right after it ("fourth toe of the left foot").
 */
function sidesOf(site: SiteMention, sites: readonly SiteMention[], index: MentionIndex): Side[] {
  const own = site.laterality;
  if (own === "left" || own === "right") return [own];
  if (own === "bilateral") return ["left", "right"];
  const limb = sites.find((x) => x.start >= site.end);
  if (!limb || limb.digit) return [];
  const between = tokenAt(index.doc.tokens, limb.start) - tokenAt(index.doc.tokens, site.end);
  const side = limb.laterality;
  return between <= SIDE_BETWEEN && (side === "left" || side === "right") ? [side] : [];
}
