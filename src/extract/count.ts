import type { CompiledLexicon } from "../lexicon/compile.ts";
import {
  ARTICLES,
  COUNT_ITEM_OPENERS,
  LIST_JOINERS,
  SITE_PREPOSITIONS,
  WORDS,
} from "../text/grammar.ts";
import type { CountMention, Doc, LesionRefMention } from "../types.ts";
import { LABEL_MARK, NUMBER_WORD, ORDINAL, TIMES, tokenClasses, VAGUE } from "./classes.ts";
import { mentionBase } from "./match.ts";
import { readNumber } from "./numbers.ts";

/** How far a count may stand before its lesion word ("6 inflamed irritated SKs"). */
const COUNT_REACH = 4;
const INTEGER = /^\d{1,3}$/;

/**
 * Lesion counts: "x 12" / "x12" after a procedure or lesion word, "12 AKs", "three warts",
 * "#1-#4" (4), "multiple SKs" (vague), and references to one lesion ("lesion #2", "the same
 * lesion") that link mentions to the same lesion.
 */
export function extractCounts(doc: Doc, lex: CompiledLexicon): (CountMention | LesionRefMention)[] {
  const out: (CountMention | LesionRefMention)[] = [];
  const classes = tokenClasses(doc, lex);
  for (const s of doc.sentences) {
    for (let i = s.firstToken; i < s.lastToken; i++) {
      const found = countAt(doc, lex, classes, i, s.lastToken);
      if (found) {
        // Fields set on the base (same keys, same order as a spread literal, without copying it).
        const count = mentionBase(
          doc,
          "count",
          i,
          found.last,
          found.ruleId,
          s.index,
        ) as CountMention;
        count.kind = "count";
        out.push(Object.assign(count, found.fields));
        i = found.last - 1;
        continue;
      }
      const same = lex.sameLesion.matchAt(doc.canon, i, s.lastToken);
      if (same) {
        const ref = mentionBase(
          doc,
          "lesion_ref",
          i,
          i + same.length,
          "count.same-lesion",
          s.index,
        ) as LesionRefMention;
        ref.kind = "lesion_ref";
        ref.ref = "same";
        out.push(ref);
        i += same.length - 1;
      }
    }
  }
  return out;
}

interface Found {
  last: number;
  ruleId: string;
  fields: {
    count: number;
    vague?: boolean;
    target?: number;
    implied?: boolean;
    remainder?: boolean;
    sum?: boolean;
  };
}

/**
 * "x 12", "x12", "×3" — not a dimension ("1.2 x 0.8"), not followed by a unit, not cycles or
 * sutures ("LN2 x2 freeze-thaw cycles", "ED&C x3", "sutures x4"). "Keloids x2" counts keloids.
 */
function timesCount(doc: Doc, lex: CompiledLexicon, i: number, limit: number): Found | undefined {
  if (!lex.times.has(doc.canon[i]!) || i + 1 >= limit) return undefined;
  const prev = doc.canon[i - 1];
  const dimension = prev !== undefined && /^[\d.]/.test(prev) && !partOfWord(doc, i - 1);
  // "x 12", "x three": the number, in digits or words, and the token after it.
  const num = doc.canon[i + 1]!;
  const word = INTEGER.test(num) ? undefined : lex.numberWords.matchAt(doc.canon, i + 1, limit);
  if (!INTEGER.test(num) && !word) return undefined;
  const after = i + 1 + (word?.length ?? 1);
  // "LN2 FTC x 12 AKs": a lesion word right after the number makes it a lesion count, whatever
  // stands before the "x".
  const lesionNext = after < limit && isLesionWord(doc, lex, after, limit);
  // "inflamed x3", "failed LN2 x4", "treated x2 in the past": the times of an episode.
  if (
    !lesionNext &&
    (episodeBefore(doc, lex, i) || lex.pastTimesCues.matchAt(doc.canon, after, limit))
  )
    return undefined;
  if (
    prev !== undefined &&
    (dimension || lex.notCountWords.has(prev)) &&
    !(lesionNext && !dimension)
  )
    return undefined;
  if (prev !== undefined && !lesionNext && !countable(doc, lex, i - 1, limit)) return undefined;
  const next = doc.canon[after];
  if (next !== undefined && after < limit && lex.notCountWords.has(next)) return undefined;
  const count = word ? word.payload : Number.parseInt(num, 10);
  if (lex.units.matchAt(doc.canon, after, limit)) return undefined;
  if (
    count <= lex.source.counts.maxCycles &&
    afterDestruction(doc, lex, i) &&
    !lesionNext &&
    !listFollows(doc, lex, after, limit)
  ) {
    return undefined;
  }
  const target =
    i > 0 && isLesionWord(doc, lex, i - 1, limit) ? lesionStart(doc, lex, i - 1) : undefined;
  return count > 0
    ? {
        last: after,
        ruleId: "count.times",
        fields: { count, ...(target !== undefined ? { target } : {}) },
      }
    : undefined;
}

/**
 * An episode word (lexicon counts `episodeWords`) right before the "x" at i, or right before a
 * procedure term that ends there ("failed LN2 x4").
 */
function episodeBefore(doc: Doc, lex: CompiledLexicon, i: number): boolean {
  if (lex.episodeWords.has(doc.canon[i - 1] ?? "")) return true;
  for (let k = Math.max(1, i - 6); k < i; k++) {
    const hit = lex.procedures.matchAt(doc.canon, k, i);
    if (hit && k + hit.length === i) return lex.episodeWords.has(doc.canon[k - 1]!);
  }
  return false;
}

/** "LN2 x2", "ED&C x3": repetitions of a destruction technique are cycles, not lesions. */
function afterDestruction(doc: Doc, lex: CompiledLexicon, i: number): boolean {
  for (let k = Math.max(0, i - 6); k < i; k++) {
    const hit = lex.procedures.matchAt(doc.canon, k, i);
    if (hit && k + hit.length === i && hit.payload.procedure === "destruction") return true;
  }
  return false;
}

/** Offset of the histology term that ends at token j ("keloids" in "Keloids x2"). */
function lesionStart(doc: Doc, lex: CompiledLexicon, j: number): number {
  for (let k = Math.max(0, j - 4); k <= j; k++) {
    const hit = lex.histology.matchAt(doc.canon, k, j + 1);
    if (hit && k + hit.length === j + 1) return doc.tokens[k]!.start;
  }
  return doc.tokens[j]!.start;
}

/**
 * "Number of lesions: 5", "# lesions = 12", "AKs treated: 9", "- scalp: 8", and a template's count
 * field at the start of its line ("Number: 16", "Qty: 12": lexicon counts `fieldLabels`).
 */
function labelCount(doc: Doc, lex: CompiledLexicon, i: number, limit: number): Found | undefined {
  const site = lex.sites.matchAt(doc.canon, i, limit);
  if (
    !isLesionWord(doc, lex, i, limit) &&
    !(site && !("pseudo" in site.payload)) &&
    !countField(doc, lex, i)
  )
    return undefined;
  // "5 AKs: 3 on the scalp, 2 on the hand": a counted word's colon opens its breakdown.
  if (countedAt(doc, i)) return undefined;
  let j = i + 1;
  while (
    j < limit &&
    j < i + 3 &&
    /^[a-z]+$/.test(doc.canon[j]!) &&
    !lex.units.matchAt(doc.canon, j, limit)
  )
    j++;
  if (doc.canon[j] !== ":" && doc.canon[j] !== "=") return undefined;
  const num = readNumber(doc, lex, j + 1, limit);
  if (!num || !Number.isInteger(num.value) || num.value < 1 || doc.canon[j + 1]!.includes(".")) {
    return undefined;
  }
  const after = doc.canon[num.next];
  if (lex.units.matchAt(doc.canon, num.next, limit)) return undefined;
  if (after !== undefined && (lex.dimensionJoiners.has(after) || lex.notCountWords.has(after))) {
    return undefined;
  }
  // "Actinic keratoses treated today: 6 on the scalp, ...": the label's lesion word is counted.
  const target = isLesionWord(doc, lex, i, limit) ? doc.tokens[i]!.start : undefined;
  return {
    last: num.next,
    ruleId: "count.label",
    fields: { count: num.value, ...(target !== undefined ? { target } : {}) },
  };
}

/** A count field's label opening its line ("Count: 20"). */
function countField(doc: Doc, lex: CompiledLexicon, i: number): boolean {
  if (!lex.countFieldLabels.has(doc.canon[i]!)) return false;
  return doc.sentences[doc.sentenceOfToken[i]!]?.firstToken === i;
}

/**
 * Numbered items: a range "#1-#4" ("#1 through #4", "#1 to 4") and the items of its list that
 * follow ("#1-#4 right temple, #5 nasal dorsum, #6-#8 scalp" = 8), or a list of two or more
 * items "#1, #2, #3 and #5 right and #1 left" (the words between two items must include a joiner).
 */
function hashCount(doc: Doc, lex: CompiledLexicon, i: number, limit: number): Found | undefined {
  const c = doc.canon;
  const first = hashItem(c, lex, i, limit);
  if (!first) return undefined;
  let count = first.size;
  let items = 1;
  let last = first.next;
  for (let k = nextItem(c, last, limit); k !== undefined; k = nextItem(c, last, limit)) {
    const item = hashItem(c, lex, k, limit);
    // "SKs #1-#3 and AKs #4-#9": another lesion word starts another list.
    if (!item || lesionWordIn(doc, lex, last, k)) break;
    count += item.size;
    items++;
    last = item.next;
  }
  // "AKs #1-#14": the numbered lesions are the lesion word right before them.
  const target =
    i > 0 && isLesionWord(doc, lex, i - 1, limit) ? lesionStart(doc, lex, i - 1) : undefined;
  const fields = { count, ...(target !== undefined ? { target } : {}) };
  if (first.size > 1) return { last, ruleId: "count.hash-range", fields };
  return items >= 2 ? { last, ruleId: "count.hash-list", fields } : undefined;
}

function lesionWordIn(doc: Doc, lex: CompiledLexicon, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLesionWord(doc, lex, k, to)) return true;
  return false;
}

/** One numbered item at token k, "#3" or a range "#1-#4": how many it names and where it ends. */
function hashItem(
  c: readonly string[],
  lex: CompiledLexicon,
  k: number,
  limit: number,
): { size: number; next: number } | undefined {
  if (c[k] !== "#" || !INTEGER.test(c[k + 1] ?? "")) return undefined;
  let m = k + 2;
  if (!lex.source.counts.rangeWords.includes(c[m] ?? "")) return { size: 1, next: m };
  m++;
  if (c[m] === "#") m++;
  if (m >= limit || !INTEGER.test(c[m] ?? "")) return undefined;
  const from = Number.parseInt(c[k + 1]!, 10);
  const to = Number.parseInt(c[m]!, 10);
  return to > from ? { size: to - from + 1, next: m + 1 } : undefined;
}

/** How many words may stand between two numbered items ("#5 right and #1 left"). */
const LIST_GAP = 6;

/** The "#" of the next item of a list: within LIST_GAP tokens, past a joiner, before a "." or ":". */
function nextItem(c: readonly string[], from: number, limit: number): number | undefined {
  let joined = false;
  for (let k = from; k < limit && k - from <= LIST_GAP; k++) {
    if (c[k] === "#") return joined ? k : undefined;
    if (c[k] === "." || c[k] === ":" || /^\d/.test(c[k]!)) return undefined;
    if (LIST_JOINERS.has(c[k]!)) joined = true;
  }
  return undefined;
}

/** "12 AKs", "three warts", "4 inflamed SKs": a number shortly before a lesion word. */
function nounCount(doc: Doc, lex: CompiledLexicon, i: number, limit: number): Found | undefined {
  const num = readNumber(doc, lex, i, limit);
  if (!num || !Number.isInteger(num.value) || num.value < 1 || num.value > 500) return undefined;
  if (lex.units.matchAt(doc.canon, num.next, limit) || partOfWord(doc, i)) return undefined;
  // "1st MTP", "2nd toe": an ordinal, not a count.
  if (ordinalSuffix(doc, lex, num.next)) return undefined;
  // "a 4-mm punch": a hyphenated size, not a count.
  if (doc.canon[num.next] === "-" && lex.units.matchAt(doc.canon, num.next + 1, limit))
    return undefined;
  const next = doc.canon[num.next];
  if (next !== undefined && (lex.notCountWords.has(next) || lex.dimensionJoiners.has(next)))
    return undefined;
  const prev = doc.canon[i - 1];
  if (prev !== undefined && (lex.dimensionJoiners.has(prev) || lex.notCountAfter.has(prev)))
    return undefined;
  // "Two 4 mm punch biopsies": the size of each stands between the count and its word.
  const after = sizeAfter(doc, lex, num.next, limit) ?? num.next;
  if (procedureFollows(doc, lex, after, limit)) {
    return { last: num.next, ruleId: "count.procedure", fields: { count: num.value } };
  }
  const sum = afterCue(doc, lex.sumCues, i) || lex.sumCues.matchAt(doc.canon, num.next, limit);
  // "Actinic keratoses on the scalp, 16 in total, frozen": the total written after its number.
  if (sum || afterCue(doc, lex.totalCues, i) || lex.totalCues.matchAt(doc.canon, num.next, limit))
    return {
      last: num.next,
      ruleId: "count.total",
      fields: { count: num.value, ...(sum ? { sum: true } : {}) },
    };
  let words = 0;
  for (let j = after; j < limit && words < COUNT_REACH; j++) {
    if (isLesionWord(doc, lex, j, limit)) {
      return {
        last: num.next,
        ruleId: "count.noun",
        fields: { count: num.value, target: doc.tokens[j]!.start },
      };
    }
    if (!/^[a-z,-]+$/.test(doc.canon[j]!) || lex.countBlockers.has(doc.canon[j]!)) break;
    if (/^[a-z]/.test(doc.canon[j]!)) words++;
  }
  const elided = elidedNoun(doc, lex, i, num.next, limit);
  if (elided !== undefined)
    return {
      last: num.next,
      ruleId: "count.elided",
      fields: { count: num.value, target: doc.tokens[elided]!.start },
    };
  return undefined;
}

/** Site prepositions after which a bare number's lesion word was left out ("and 3 on the foot"). */

/** "3 scalp, 2 left ear": a site (its side first, or not) starts at token k. */
function startsSite(doc: Doc, lex: CompiledLexicon, k: number, limit: number): boolean {
  const side = lex.laterality.matchAt(doc.canon, k, limit);
  const at = side ? k + side.length : k;
  const site = lex.sites.matchAt(doc.canon, at, limit);
  return site !== undefined && !("pseudo" in site.payload);
}

/**
 * "12 verrucae on both hands and 3 on the right foot": a number joined by "and" or "," to an
 * earlier counted lesion word of its sentence, and followed by a site preposition or a site ("AKs:
 * 3 scalp, 2 left ear"), counts that lesion word again. Returns the lesion word's token index.
 */
function elidedNoun(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  next: number,
  limit: number,
): number | undefined {
  const before = doc.canon[i - 1];
  if (
    (before !== WORDS.and && before !== "," && before !== ":" && before !== "(") ||
    !(SITE_PREPOSITIONS.has(doc.canon[next] ?? "") || startsSite(doc, lex, next, limit))
  )
    return undefined;
  const sentence = doc.sentenceOfToken[i];
  // A colon, or a bracket still open at the number ("14 AKs (9 on the hands and 5 on the
  // forearms)"), opens a breakdown of the lesion word before it.
  let colon = false;
  let closed = false;
  for (let k = i - 1; k >= 0 && doc.sentenceOfToken[k] === sentence; k--) {
    if (doc.canon[k] === ":") colon = true;
    if (doc.canon[k] === ")") closed = true;
    if (doc.canon[k] === "(") {
      if (!closed) colon = true;
      closed = false;
    }
    if (!isLesionWord(doc, lex, k, limit)) continue;
    // The lesion phrase starts earlier when the word ends one ("common warts", "actinic keratoses").
    while (k > 0 && (lex.histology.matchAt(doc.canon, k - 1, limit)?.length ?? 0) > 1) k--;
    const counted = countedAt(doc, k);
    // "5 AKs: 3 on the scalp, 2 on the hand" and "5 AKs (3 on the scalp, 2 on the hand)" break
    // a total down and add nothing; "AKs treated today: 6 on the scalp, 4 on the forearm" lists
    // the counts of an uncounted word.
    if (colon) return counted ? undefined : k;
    return counted ? countedWord(doc, lex, k, limit) : undefined;
  }
  return undefined;
}

/**
 * "4 alopecia areata patches on the scalp and 4 on the beard": the lesion word the number before
 * the phrase ending at k counts (its first), so that both numbers count the same word.
 */
function countedWord(doc: Doc, lex: CompiledLexicon, k: number, limit: number): number {
  let j = k - 1;
  while (j > 0 && !INTEGER.test(doc.canon[j]!)) j--;
  for (let m = j + 1; m < k; m++) if (isLesionWord(doc, lex, m, limit)) return m;
  return k;
}

/** Is the lesion word at k counted by a number just before it ("9 common warts")? */
function countedAt(doc: Doc, k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    // "Face: 3\nScalp: 2": the number ending the line before counts nothing on this one.
    if (doc.sentenceOfToken[j] !== doc.sentenceOfToken[k]) return false;
    const tok = doc.canon[j]!;
    // The digits of "LN2" count nothing.
    if (INTEGER.test(tok)) return !partOfWord(doc, j);
    if (!/^[a-z-]+$/.test(tok)) return false;
  }
  return false;
}

/** The token after a size ("4 mm") starting at j, if one does. */
function sizeAfter(doc: Doc, lex: CompiledLexicon, j: number, limit: number): number | undefined {
  const size = readNumber(doc, lex, j, limit);
  if (!size) return undefined;
  const unit = lex.units.matchAt(doc.canon, size.next, limit);
  return unit ? size.next + unit.length : undefined;
}

function vagueCount(doc: Doc, lex: CompiledLexicon, i: number, limit: number): Found | undefined {
  const hit = lex.vague.matchAt(doc.canon, i, limit);
  if (!hit) return undefined;
  const j = i + hit.length;
  for (let k = j; k < Math.min(limit, j + COUNT_REACH); k++) {
    if (isLesionWord(doc, lex, k, limit)) {
      return {
        last: j,
        ruleId: hit.payload.id,
        fields: { count: hit.payload.minimum, vague: true, target: doc.tokens[k]!.start },
      };
    }
  }
  return undefined;
}

function isLesionWord(doc: Doc, lex: CompiledLexicon, j: number, limit: number): boolean {
  return (
    lex.lesionNouns.has(doc.canon[j]!) || lex.histology.matchAt(doc.canon, j, limit) !== undefined
  );
}

/** "all eleven", "a total of 12": a bare number after a totalling word. */
function afterCue(doc: Doc, cues: CompiledLexicon["totalCues"], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const hit = cues.matchAt(doc.canon, k, i);
    if (hit && k + hit.length === i) return true;
  }
  return false;
}

/**
 * "LN2 x3: L temple, nose, R forehead", "cryo x2 to the nose and chin": two or more places listed
 * after the count (behind a colon or within three words) make it a lesion count. One place
 * ("ED&C x3: BCC R temple 1.0 cm") leaves it counting the technique's cycles.
 */
function listFollows(doc: Doc, lex: CompiledLexicon, j: number, limit: number): boolean {
  if (doc.canon[j] !== ":" && !siteAt(doc, lex, j, Math.min(limit, j + 3))) return false;
  let places = 0;
  for (let k = j; k < limit; k++) {
    const hit = lex.sites.matchAt(doc.canon, k, limit);
    if (!hit || "pseudo" in hit.payload) continue;
    if (++places >= 2) return true;
    k += hit.length - 1;
  }
  return false;
}

/** A site term starts at a token in [from, to). */
function siteAt(doc: Doc, lex: CompiledLexicon, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const hit = lex.sites.matchAt(doc.canon, k, to);
    if (hit && !("pseudo" in hit.payload)) return true;
  }
  return false;
}

/** "AKs x4", "Shave bx x2", "Cryo x 22", "lesions: x3": a count follows a lesion or procedure word. */
function countable(doc: Doc, lex: CompiledLexicon, j: number, limit: number): boolean {
  if (isLesionWord(doc, lex, j, limit) || doc.canon[j] === ":" || doc.canon[j] === "-") return true;
  for (let k = Math.max(0, j - 5); k <= j; k++) {
    const hit = lex.procedures.matchAt(doc.canon, k, j + 1);
    if (hit && k + hit.length === j + 1) {
      // "simple interrupted x2" counts sutures, not lesions.
      return hit.payload.procedure !== "ignore" && hit.payload.procedure !== "repair";
    }
  }
  return lex.histology.vocabulary.has(doc.canon[j]!) || lex.sites.vocabulary.has(doc.canon[j]!);
}

/** "1st", "2nd": an ordinal suffix glued to the numeral at j - 1 (lexicon counts `ordinalWords`). */
function ordinalSuffix(doc: Doc, lex: CompiledLexicon, j: number): boolean {
  const t = doc.tokens[j];
  return t !== undefined && doc.tokens[j - 1]?.end === t.start && lex.ordinalSuffixes.has(t.norm);
}

/** The digits of "LN2", "CO2": a numeral glued to the letters before it. */
function partOfWord(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  const before = doc.tokens[j - 1];
  return (
    t !== undefined &&
    before !== undefined &&
    before.end === t.start &&
    /^[a-z]+$/.test(before.norm)
  );
}

/**
 * Dispatches on the token so that most tokens cost one or two lookups (`classes`: the note's
 * token classes).
 */
function countAt(
  doc: Doc,
  lex: CompiledLexicon,
  classes: Uint8Array,
  i: number,
  limit: number,
): Found | undefined {
  const tok = doc.canon[i]!;
  const cls = classes[i]!;
  if (cls & TIMES) {
    const times = timesCount(doc, lex, i, limit);
    if (times) return times;
  }
  if (tok === "#") return hashCount(doc, lex, i, limit);
  if (tok === "(") {
    const bracket = bracketCount(doc, lex, i, limit);
    if (bracket) return bracket;
  }
  if (colonAhead(classes, i, limit)) {
    const label = labelCount(doc, lex, i, limit);
    if (label) return label;
  }
  const code = tok.charCodeAt(0);
  if ((code >= 48 && code <= 57) || cls & NUMBER_WORD) return nounCount(doc, lex, i, limit);
  if (cls & VAGUE) return vagueCount(doc, lex, i, limit);
  if (cls & ORDINAL) return ordinalPlaces(doc, lex, i, limit);
  return wholeSetCount(doc, lex, i, limit);
}

/** How many words may stand between the last ordinal and its site ("fifth left plantarflexed metatarsal heads"). */
const ORDINAL_SITE_REACH = 3;

/**
 * "plantar to the first and fifth metatarsal heads", "the second, third and fourth toes": ordinals
 * listed before a site name that many places, one lesion each.
 */
function ordinalPlaces(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  limit: number,
): Found | undefined {
  const c = doc.canon;
  const ordinals = lex.ordinals;
  let n = 1;
  let k = i + 1;
  for (;;) {
    let j = k;
    while (j < limit && LIST_JOINERS.has(c[j]!)) j++;
    if (j === k || j >= limit || !ordinals.has(c[j]!)) break;
    n++;
    k = j + 1;
  }
  // "between the fourth and fifth toes" is one place.
  const before = ARTICLES.has(c[i - 1]!) ? c[i - 2] : c[i - 1];
  if (n < 2 || (before !== undefined && lex.ordinalSpanWords.has(before))) return undefined;
  for (let j = k; j < limit && j <= k + ORDINAL_SITE_REACH; j++) {
    const site = lex.sites.matchAt(c, j, limit);
    // A site in the plural ("toes", "metatarsal heads"): "the third and fourth web space" is one.
    if (site && !("pseudo" in site.payload))
      return doc.tokens[j + site.length - 1]!.norm.endsWith("s")
        ? { last: k, ruleId: "count.ordinal-places", fields: { count: n } }
        : undefined;
    if (!/^[a-z-]+$/.test(c[j]!)) break;
  }
  return undefined;
}

/** "All of her toenails" (10), "her remaining toenails" (10, less the others treated: group). */
function wholeSetCount(
  doc: Doc,
  lex: CompiledLexicon,
  i: number,
  limit: number,
): Found | undefined {
  const hit = lex.wholeSets.matchAt(doc.canon, i, limit);
  if (!hit) return undefined;
  const last = i + hit.length;
  const { id, size, remainder } = hit.payload;
  return {
    last,
    ruleId: id,
    fields: {
      count: size,
      implied: true,
      ...(remainder ? { remainder: true } : {}),
      target: doc.tokens[last - 1]!.start,
    },
  };
}

/** Tokens after which a bracketed number opens a list item rather than counting. */

/** How far before a bracketed count its lesion word may start ("Actinic keratoses, face (8)"). */
const BRACKET_REACH = 6;

/**
 * "Actinic keratoses, face (8)", "AKs (n=8)": a whole number alone in brackets after a lesion
 * word (and its site) counts that lesion type.
 */
function bracketCount(doc: Doc, lex: CompiledLexicon, i: number, limit: number): Found | undefined {
  let j = i + 1;
  if (doc.canon[j] === WORDS.n && doc.canon[j + 1] === "=") j += 2;
  const num = doc.canon[j];
  if (num === undefined || j + 1 >= limit || !INTEGER.test(num) || doc.canon[j + 1] !== ")")
    return undefined;
  const count = Number(num);
  if (count < 1) return undefined;
  const sentence = doc.sentenceOfToken[i];
  // "lesions: (1) right arm nodule, (2) left thigh plaque": a bracket opening an item numbers it.
  const before = doc.canon[i - 1];
  if (before === undefined || doc.sentenceOfToken[i - 1] !== sentence) return undefined;
  if (COUNT_ITEM_OPENERS.has(before)) return undefined;
  for (let k = Math.max(0, i - BRACKET_REACH); k < i; k++) {
    if (doc.sentenceOfToken[k] !== sentence || !isLesionWord(doc, lex, k, i)) continue;
    return {
      last: j + 2,
      ruleId: "count.bracket",
      fields: { count, target: doc.tokens[k]!.start },
    };
  }
  // "Skin tags removed today: neck (12), left axilla (6)": each site's bracket counts the
  // lesion word that heads the list before the colon.
  const head = listHead(doc, lex, i, sentence!);
  if (head !== undefined)
    return {
      last: j + 2,
      ruleId: "count.bracket",
      fields: { count, target: doc.tokens[head]!.start },
    };
  return undefined;
}

/** The first lesion word before the last ":" ahead of token `i` in its sentence, if any. */
function listHead(doc: Doc, lex: CompiledLexicon, i: number, sentence: number): number | undefined {
  let colon = -1;
  for (let k = i - 1; k >= 0 && doc.sentenceOfToken[k] === sentence; k--) {
    if (doc.canon[k] === ":") {
      colon = k;
      break;
    }
  }
  if (colon < 0) return undefined;
  let first = colon;
  while (first > 0 && doc.sentenceOfToken[first - 1] === sentence) first--;
  // The first lesion word, as the bracket after the first site finds it ("Skin tags ...").
  for (let k = first; k < colon; k++) if (isLesionWord(doc, lex, k, colon)) return k;
  return undefined;
}

/** A ":" or "=" within the next few tokens ("Number of lesions: 5"). */
function colonAhead(classes: Uint8Array, i: number, limit: number): boolean {
  for (let k = i + 1; k < Math.min(limit, i + 5); k++) if (classes[k]! & LABEL_MARK) return true;
  return false;
}

/** "Both excised", "3 were treated with LN2": a count right before the procedure verb. */
function procedureFollows(doc: Doc, lex: CompiledLexicon, j: number, limit: number): boolean {
  const at = doc.canon[j] === WORDS.were || doc.canon[j] === WORDS.are ? j + 1 : j;
  const hit = lex.procedures.matchAt(doc.canon, at, limit);
  return (
    hit !== undefined && hit.payload.procedure !== "ignore" && hit.payload.procedure !== "repair"
  );
}
