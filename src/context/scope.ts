import { LIST_WORDS, RELATIVE_PRONOUNS, SCOPE_LIST_JOINERS } from "../text/grammar.ts";
/**
 * Scope of each modifier trigger, as a token range of its sentence. A scope runs from the
 * trigger in its direction and stops at the first of:
 *   - the sentence edge, a ";" or a list item marker ("1.", "2)", a bullet at line start);
 *   - a ":" not right next to the trigger ("Denies: fever" crosses it, "no rash, Skin:" stops),
 *     unless the trigger introduces a list ("if any of the following occur: fever, ...");
 *   - a pseudo or terminate trigger that applies to the category ("no rash but itching");
 *   - another trigger of the same category looking the same way (the closer one takes over);
 *   - forward only, a main-verb terminator (category MAIN_VERB: "underwent", "had") where it is
 *     the verb of the sentence the trigger's phrase sits in (see `mainVerbCuts`);
 *   - forward only, for a history phrase of the sentence's subject (lexicon subjectPhrase: "a
 *     52-year-old with a history of psoriasis was treated ..."), the sentence's verb;
 *   - forward only, for a trigger inside a relative clause set off by a comma ("a man, whose
 *     father had melanoma, had ..."), the comma that closes the clause before a main verb;
 *   - for a clause-bound rule, a word of the lexicon's clauseWords (another clause's verb);
 *   - maxScope word tokens; for a category with `throughLists`, when those run out inside a list
 *     ("options including cryotherapy, ED&C, excision, Mohs surgery and imiquimod") the scope
 *     runs on to the end of the list, item by item, unless an item grows into a clause (more
 *     than LIST_ITEM_WORDS words); such a scope also reads through a parenthesis that spells
 *     out the words before it ("need for further surgery (re-excision, Mohs or skin graft)",
 *     "excimer laser (308 nm)", see `listInParentheses`) and ends at its ")".
 * A trigger whose scope is empty and that sits right after (before) a colon looks across the
 * colon instead: "Biopsy: no" negates "Biopsy", "Allergies: none" negates "Allergies".
 */
import type { CompiledTrigger, SubjectPhrase } from "./compile.ts";
import type { TriggerMatch } from "./modifiers.ts";
import type { ContextToken } from "./tokens.ts";

export interface TriggerScope {
  match: TriggerMatch;
  /** Covered tokens [from, to). */
  from: number;
  to: number;
  direction: "forward" | "backward";
}

interface SentenceIndex {
  tokens: ContextToken[];
  subject?: SubjectPhrase;
  startsAt: (TriggerMatch | undefined)[];
  endsAt: (TriggerMatch | undefined)[];
  hard: Uint8Array;
}

const BULLETS: ReadonlySet<string> = new Set(["-", "*", "•", "·"]);

function isListMarker(tokens: ContextToken[], i: number): boolean {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  if (BULLETS.has(token.norm)) return token.lineStart && next?.spaced === true;
  if (!token.word || token.norm.length > 2 || !/^\d+$/.test(token.norm)) return false;
  const after = tokens[i + 2];
  const closes = next?.spaced === false && (next.norm === "." || next.norm === ")");
  return closes && token.spaced && (after === undefined || after.spaced);
}

function buildIndex(
  tokens: ContextToken[],
  matches: TriggerMatch[],
  subject: SubjectPhrase | undefined,
): SentenceIndex {
  const startsAt: (TriggerMatch | undefined)[] = new Array(tokens.length);
  const endsAt: (TriggerMatch | undefined)[] = new Array(tokens.length);
  for (const match of matches) {
    startsAt[match.first] = match;
    endsAt[match.end - 1] = match;
  }
  const hard = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.norm === ";" || isListMarker(tokens, i)) hard[i] = 1;
  }
  return { tokens, startsAt, endsAt, hard, ...(subject ? { subject } : {}) };
}

/** Structural category of the main-verb terminators (see `mainVerbCuts`). */
const MAIN_VERB = "MAIN_VERB";

/** Does `other`, met while walking `step` from `trigger`, end the scope? */
function cuts(other: CompiledTrigger, trigger: CompiledTrigger, step: 1 | -1): boolean {
  if (other.category === MAIN_VERB) return false;
  if (other.kind === "pseudo" || other.kind === "terminate") {
    return other.appliesTo === null || other.appliesTo.has(trigger.category);
  }
  if (other.kind !== "modifier" || other.category !== trigger.category) return false;
  return (
    other.direction === "bidirectional" || other.direction === (step === 1 ? "forward" : "backward")
  );
}

function wordsIn(tokens: ContextToken[], from: number, to: number): number {
  let words = 0;
  for (let i = from; i < to; i++) if (tokens[i]!.word) words++;
  return words;
}

/**
 * A main-verb terminator at `verb` ends the forward scope of `match` (from `from`) when it is the
 * verb of the sentence the trigger's phrase sits in: "A man with a history of BCC underwent a
 * shave biopsy", "a 59-year-old with a family history of melanoma had 15 AKs destroyed". It is
 * not when
 *   - its rule does not apply to the trigger's category ("mother had melanoma": the relative has
 *     the condition);
 *   - it belongs to a clause inside the phrase: a relative pronoun stands between them with no
 *     comma after it ("history of BCC for which he underwent Mohs"), or "and"/"or" joins it to
 *     the phrase ("has a history of BCC and had Mohs");
 *   - the trigger heads the clause of the verb: a forward trigger with no word of its own before
 *     the verb ("previously had a BCC excised"), or a time phrase with words between it and the
 *     verb ("In 2019 he had Mohs", "During the last admission she had ..."). A time phrase
 *     right before the verb closes the subject it dates ("s/p Mohs for BCC of the nose in 2019
 *     underwent a shave biopsy").
 */
function mainVerbCuts(
  index: SentenceIndex,
  match: TriggerMatch,
  from: number,
  verb: number,
  verbTrigger: CompiledTrigger,
): boolean {
  const { tokens } = index;
  const { trigger } = match;
  if (verbTrigger.appliesTo !== null && !verbTrigger.appliesTo.has(trigger.category)) return false;
  if (!verbOfSentence(tokens, from, verb)) return false;
  const words = wordsIn(tokens, from, verb);
  return trigger.direction === "forward" ? words > 0 : words === 0;
}

/**
 * Can the word at `verb` be the verb of the sentence a phrase starting at `from` sits in? Not when
 * "and"/"or" joins it to the phrase, nor inside a relative clause of the phrase (a relative
 * pronoun between them with no comma after it).
 */
function verbOfSentence(tokens: ContextToken[], from: number, verb: number): boolean {
  if (LIST_WORDS.has(tokens[verb - 1]?.norm ?? "")) return false;
  for (let k = verb - 1; k >= from; k--) {
    const norm = tokens[k]!.norm;
    if (norm === ",") break;
    if (RELATIVE_PRONOUNS.has(norm)) return false;
  }
  return true;
}

/** Words between an opener and the trigger it opens ("with a known history of"). */
const OPENER_REACH = 3;

/**
 * The verbs that end the forward scope of `match` when its phrase describes the sentence's
 * subject: a trigger of the lexicon's subjectPhrase categories opened by one of its openers
 * ("with") at most OPENER_REACH words before it, with no punctuation between, right after a word
 * naming a person ("a man with", "a 52-year-old with").
 */
function subjectPhraseVerbs(
  index: SentenceIndex,
  match: TriggerMatch,
): ReadonlySet<string> | undefined {
  const { subject, tokens } = index;
  if (!subject?.appliesTo.has(match.trigger.category)) return undefined;
  for (let k = match.first - 1; k >= 0 && k >= match.first - 1 - OPENER_REACH; k--) {
    const token = tokens[k]!;
    if (!token.word) return undefined;
    if (subject.openers.has(token.norm))
      return subject.persons.has(tokens[k - 1]?.norm ?? "") ? subject.verbs : undefined;
  }
  return undefined;
}

/**
 * Does the trigger at `match` sit in a relative clause set off by a comma (", who has a history
 * of BCC", ", whose father had melanoma")? Its scope then ends at the comma that closes it.
 */
function inRelativeClause(tokens: ContextToken[], match: TriggerMatch): boolean {
  for (let k = match.first - 1; k > 0; k--) {
    const norm = tokens[k]!.norm;
    if (norm === "," || norm === ";") return false;
    if (RELATIVE_PRONOUNS.has(norm)) return tokens[k - 1]!.norm === ",";
  }
  return false;
}

/** Exclusive end of the forward scope of `match` that starts at token `from`. */
function walkForward(index: SentenceIndex, from: number, match: TriggerMatch): number {
  const { tokens, startsAt, hard } = index;
  const { trigger } = match;
  let relative: boolean | undefined;
  const subjectVerbs = subjectPhraseVerbs(index, match);
  let words = 0;
  let i = from;
  while (i < tokens.length) {
    if (subjectVerbs?.has(tokens[i]!.norm) && verbOfSentence(tokens, from, i)) return i;
    if (hard[i] || (i !== from && tokens[i]!.norm === ":" && !trigger.crossesColon)) return i;
    const other = startsAt[i];
    const next = other ? other.end : i + 1;
    const aside = trigger.effect?.throughAsides ? asideEnd(tokens, i) : -1;
    const asideWords = aside > 0 ? wordsIn(tokens, i, aside) : 0;
    if (aside > 0 && words + asideWords <= trigger.maxScope) {
      words += asideWords;
      i = aside;
      continue;
    }
    if (trigger.effect?.throughLists && tokens[i]!.norm === "(") {
      const close = listInParentheses(index, i);
      if (close > 0) return close;
    }
    if (other && cuts(other.trigger, trigger, 1)) return i;
    if (other?.trigger.category === MAIN_VERB && mainVerbCuts(index, match, from, i, other.trigger))
      return i;
    if (tokens[i]!.norm === "," && startsAt[i + 1]?.trigger.category === MAIN_VERB) {
      relative ??= inRelativeClause(tokens, match);
      if (relative) return i;
    }
    words += wordsIn(tokens, i, next);
    if (words > trigger.maxScope)
      return trigger.effect?.throughLists ? throughList(index, from, i, trigger) : i;
    i = next;
  }
  return i;
}

/**
 * The token after the ")" that closes a parenthesis opened at `open` in the sentence, or -1 when
 * `open` is no "(" or the parenthesis does not close. What it holds is an aside of the phrase
 * before it, whatever it says: ";", ":" and triggers inside it end nothing. A scope takes it in
 * only when it fits in the scope's word budget ("previously failed UVB takes oral methoxsalen
 * (8-MOP)" has spent it); otherwise "(" ends the scope as before.
 */
function asideEnd(tokens: ContextToken[], open: number): number {
  if (tokens[open]!.norm !== "(") return -1;
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const norm = tokens[k]!.norm;
    if (norm === "(") depth++;
    else if (norm === ")" && --depth === 0) return k + 1;
  }
  return -1;
}

/** Longest list item, in words, a scope runs through after its word budget ran out. */
const LIST_ITEM_WORDS = 5;

/** Most words of a parenthesis of one item that a list-spanning scope reads through. */
const ASIDE_WORDS = 3;

/**
 * Index of the ")" closing the "(" at `open` when the parenthesis only spells out the words
 * before it, else -1: a list of short items -- an "and"/"or" between them, or at least three
 * items set off by commas, each of at most LIST_ITEM_WORDS words -- or one item of at most
 * ASIDE_WORDS words; never with a ";", ":", nested "(" or a modifier trigger of its own inside.
 * A plan, hypothesis or refusal over those words covers it too ("need for further surgery
 * (re-excision, Mohs or skin graft)", "discussed excimer laser (308 nm)"); an aside that tells
 * something else ("excision of SCC (bx 2 wks ago)", "(biopsy today)") still bounds the scope.
 */
function listInParentheses(index: SentenceIndex, open: number): number {
  const { tokens, startsAt } = index;
  let joiners = 0;
  let commas = 0;
  let itemWords = 0;
  for (let k = open + 1; k < tokens.length; k++) {
    const token = tokens[k]!;
    const norm = token.norm;
    if (norm === ")") {
      if (itemWords === 0) return -1;
      return joiners > 0 || commas > 1 || (commas === 0 && itemWords <= ASIDE_WORDS) ? k : -1;
    }
    if (norm === "(" || norm === ";" || norm === ":") return -1;
    if (startsAt[k]?.trigger.kind === "modifier") return -1;
    if (norm === ",") {
      if (itemWords === 0) return -1;
      commas++;
      itemWords = 0;
    } else if (LIST_WORDS.has(norm)) {
      joiners++;
      itemWords = 0;
    } else if (token.word && ++itemWords > LIST_ITEM_WORDS) return -1;
  }
  return -1;
}

/**
 * The scope [from, end) ran out of words. When it already spans a "," it is inside a list:
 * finish the list, one item at a time, stopping before an item longer than LIST_ITEM_WORDS
 * ("..., and the patient elected excision") and wherever the walk itself would stop.
 */
function throughList(
  index: SentenceIndex,
  from: number,
  end: number,
  trigger: CompiledTrigger,
): number {
  const { tokens, startsAt, hard } = index;
  let comma = false;
  let itemStart = from;
  for (let k = from; k < end; k++) {
    if (tokens[k]!.norm === ",") comma = true;
    if (SCOPE_LIST_JOINERS.has(tokens[k]!.norm)) itemStart = k + 1;
  }
  if (!comma) return end;
  let itemWords = wordsIn(tokens, itemStart, end);
  let i = end;
  while (i < tokens.length) {
    const norm = tokens[i]!.norm;
    if (hard[i] || norm === ":" || norm === ".") return i;
    if (norm === "(") {
      const close = listInParentheses(index, i);
      if (close > 0) return close;
    }
    const other = startsAt[i];
    if (other && cuts(other.trigger, trigger, 1)) return i;
    if (SCOPE_LIST_JOINERS.has(norm)) {
      itemStart = i + 1;
      itemWords = 0;
    } else if (tokens[i]!.word && ++itemWords > LIST_ITEM_WORDS) return itemStart;
    i++;
  }
  return i;
}

/** Inclusive start of the backward scope that ends at token `from` (inclusive). */
function walkBackward(index: SentenceIndex, from: number, trigger: CompiledTrigger): number {
  const { tokens, endsAt, hard } = index;
  let words = 0;
  let i = from;
  while (i >= 0) {
    if (hard[i] || (i !== from && tokens[i]!.norm === ":")) return i + 1;
    if (trigger.stops?.has(tokens[i]!.norm)) return i + 1;
    const other = endsAt[i];
    const previous = other ? other.first - 1 : i - 1;
    if (other && cuts(other.trigger, trigger, -1)) return i + 1;
    words += wordsIn(tokens, previous + 1, i + 1);
    if (words > trigger.maxScope) return i + 1;
    i = previous;
  }
  return 0;
}

function isColon(tokens: ContextToken[], i: number): boolean {
  return tokens[i]?.norm === ":";
}

function scopesOf(index: SentenceIndex, match: TriggerMatch): TriggerScope[] {
  const { direction } = match.trigger;
  const { tokens } = index;
  const scopes: TriggerScope[] = [];
  const wantForward = direction === "forward" || direction === "bidirectional";
  const wantBackward = direction === "backward" || direction === "bidirectional";
  const to =
    wantForward || isColon(tokens, match.end) ? walkForward(index, match.end, match) : match.end;
  const from =
    wantBackward || isColon(tokens, match.first - 1)
      ? walkBackward(index, match.first - 1, match.trigger)
      : match.first;
  const forwardEmpty = wordsIn(tokens, match.end, to) === 0;
  const backwardEmpty = wordsIn(tokens, from, match.first) === 0;
  if (wantForward || (backwardEmpty && isColon(tokens, match.end))) {
    scopes.push({ match, from: match.end, to, direction: "forward" });
  }
  if (wantBackward || (forwardEmpty && isColon(tokens, match.first - 1))) {
    scopes.push({ match, from, to: match.first, direction: "backward" });
  }
  return scopes;
}

/** Scopes of the modifier triggers of one sentence (pseudo/terminate/override have none). */
export function computeScopes(
  tokens: ContextToken[],
  matches: TriggerMatch[],
  subject?: SubjectPhrase,
): TriggerScope[] {
  const scopes: TriggerScope[] = [];
  // Most sentences hold no modifier: no index to build.
  let modifiers = 0;
  for (const match of matches) if (match.trigger.kind === "modifier") modifiers++;
  if (modifiers === 0) return scopes;
  const index = buildIndex(tokens, matches, subject);
  for (const match of matches) {
    if (match.trigger.kind === "modifier") scopes.push(...scopesOf(index, match));
  }
  return scopes;
}
