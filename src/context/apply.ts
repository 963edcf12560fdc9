/**
 * Decides the assertion of one target from the scopes that cover it and the section default.
 * Per attribute (negation, temporality, experiencer) the closest covering trigger wins; a
 * trigger beats the section default; in an overridable section ("plan") an override trigger in
 * the sentence ("performed", "done today") cancels the default.
 *
 *   "Plan: shave biopsy of the left arm."           -> hypothetical (section.plan)
 *   "Plan: shave biopsy performed today."           -> recent (override)
 *   "History of melanoma; biopsy performed today."  -> "biopsy" recent (";" ends the scope)
 */
import type { Assertion } from "../schemas/api.ts";
import { LIST_WORDS } from "../text/grammar.ts";
import type { SectionCategory } from "../types.ts";
import type { AssertionAttribute, CompiledContext } from "./compile.ts";
import type { TriggerMatch } from "./modifiers.ts";
import type { TriggerScope } from "./scope.ts";
import type { ContextToken } from "./tokens.ts";

export interface TargetTokens {
  first: number;
  end: number;
  /**
   * Triggers that start inside the target are words of the concept itself; they apply only when
   * their category says `insideTarget`. False when the target is a whole sentence.
   */
  ownsInnerTriggers: boolean;
}

export interface SentenceFacts {
  /** The note (or sentence) text the tokens point into; triggers are quoted from it. */
  text: string;
  tokens: ContextToken[];
  scopes: TriggerScope[];
  overrides: TriggerMatch[];
  section: SectionCategory;
}

interface Decision {
  value: string;
  ruleId: string;
  reason: string;
  distance: number;
}

const ATTRIBUTES: AssertionAttribute[] = ["negation", "temporality", "experiencer"];

function distanceTo(scope: TriggerScope, target: TargetTokens): number {
  if (scope.direction === "forward") return Math.max(0, target.first - scope.from);
  return Math.max(0, scope.to - target.end);
}

function isInside(match: TriggerMatch, target: TargetTokens): boolean {
  return target.ownsInnerTriggers && match.first >= target.first && match.first < target.end;
}

/**
 * "The cyst is to be excised", "Kenalog was not injected", "was biopsied yesterday": a trigger
 * phrase that holds the target after its own first word speaks of that word (distance 0).
 */
function encloses(match: TriggerMatch, target: TargetTokens): boolean {
  return match.first < target.first && target.end <= match.end;
}

/** A trigger at the start or end of the target ("status post excision", "skin cancer history")
 * modifies the whole phrase; one in the middle ("fracture status post fall") only a part. */
function isAtEdge(match: TriggerMatch, target: TargetTokens): boolean {
  return match.first === target.first || match.end === target.end;
}

function quote(facts: SentenceFacts, match: TriggerMatch): string {
  return quoteSpan(facts.text, facts.tokens[match.first]!.start, facts.tokens[match.end - 1]!.end);
}

/** A trigger as reasons quote it: lower case, white space collapsed, in single quotes. */
export function quoteSpan(text: string, start: number, end: number): string {
  return `'${text.slice(start, end).toLowerCase().replace(/\s+/g, " ")}'`;
}

/**
 * Closest trigger wins, except that "today" never cancels a plan, an offer or a refusal:
 * "offered LN2 cryotherapy today; pt declined" stays hypothetical.
 */
function decide(decisions: Map<string, Decision>, attribute: string, candidate: Decision): void {
  const previous = decisions.get(attribute);
  if (previous && attribute === "temporality") {
    if (previous.value === "hypothetical" && candidate.value === "recent") return;
    if (previous.value === "recent" && candidate.value === "hypothetical") {
      decisions.set(attribute, candidate);
      return;
    }
  }
  if (!previous || candidate.distance < previous.distance) decisions.set(attribute, candidate);
}

/**
 * "Abscess on the back, no cellulitis, incised and drained": a participle right after a comma,
 * with no auxiliary before it, is the main clause's verb; the negated finding before the comma
 * does not reach it. ("No lesions were biopsied" keeps its negation: no comma, an auxiliary.)
 */
function predicateAfterComma(
  facts: SentenceFacts,
  scope: TriggerScope,
  target: TargetTokens,
  ctx: CompiledContext,
): boolean {
  const { auxiliaries, irregularParticiples } = ctx.predicates;
  if (scope.direction !== "forward" || scope.match.end >= target.first) return false;
  if (facts.tokens[target.first - 1]?.norm !== ",") return false;
  // "No lesions were biopsied, frozen, or excised": participles listed after an auxiliary.
  for (let k = scope.match.end; k < target.first; k++)
    if (auxiliaries.has(facts.tokens[k]!.norm)) return false;
  const word = facts.tokens[target.first]!.norm;
  return /^[a-z]{3,}(?:ed|en)$/.test(word) || irregularParticiples.has(word);
}

/** Most words a new subject between a comma and a clause-bound trigger may have. */
const SUBJECT_WORDS = 3;

/**
 * "LN2 to 4 AKs, lidocaine was not given": a clause-bound trigger after its target ("was not
 * given", "was held", "was deferred") whose own subject follows a comma -- one to SUBJECT_WORDS
 * words, no "and"/"or" (that would be the end of a list: "the scalp, face and hands was ...")
 * -- speaks of that subject; the target before the comma is another clause's. Auxiliaries
 * ("was", "were") are not subject words: "NB-UVB, 300 mJ, was withheld" has none.
 */
function subjectAfterComma(
  facts: SentenceFacts,
  scope: TriggerScope,
  target: TargetTokens,
  ctx: CompiledContext,
): boolean {
  if (scope.direction !== "backward" || !scope.match.trigger.stops) return false;
  let words = 0;
  for (let k = scope.match.first - 1; k >= target.end; k--) {
    const token = facts.tokens[k]!;
    if (token.norm === ",") return words > 0;
    if (LIST_WORDS.has(token.norm)) return false;
    if (ctx.predicates.auxiliaries.has(token.norm)) continue;
    if (token.word && ++words > SUBJECT_WORDS) return false;
  }
  return false;
}

/** Closest covering trigger per attribute; implied effects only fill attributes left open. */
function triggerDecisions(
  facts: SentenceFacts,
  target: TargetTokens,
  ctx: CompiledContext,
): Map<string, Decision> {
  const direct = new Map<string, Decision>();
  const implied = new Map<string, Decision>();
  for (const scope of facts.scopes) {
    const effect = scope.match.trigger.effect!;
    const inside = isInside(scope.match, target);
    if (inside && !(effect.insideTarget && isAtEdge(scope.match, target))) continue;
    const around = !inside && encloses(scope.match, target);
    if (!inside && !around && (scope.from >= target.end || target.first >= scope.to)) continue;
    if (effect.attribute === "negation" && predicateAfterComma(facts, scope, target, ctx)) continue;
    if (!inside && subjectAfterComma(facts, scope, target, ctx)) continue;
    const ruleId = scope.match.trigger.id;
    const reason = effect.reason.replace("{trigger}", quote(facts, scope.match));
    const distance = distanceTo(scope, target);
    decide(direct, effect.attribute, { value: effect.value, ruleId, reason, distance });
    for (const [attribute, value] of Object.entries(effect.implies ?? {})) {
      decide(implied, attribute, { value, ruleId, reason, distance });
    }
  }
  for (const [attribute, decision] of implied) {
    if (!direct.has(attribute)) direct.set(attribute, decision);
  }
  return direct;
}

/** "No procedure performed today": an override inside a negated or hypothetical scope. */
function isDenied(match: TriggerMatch, scopes: TriggerScope[]): boolean {
  return scopes.some((scope) => {
    const effect = scope.match.trigger.effect!;
    const denies = effect.value === "negated" || effect.value === "hypothetical";
    return denies && scope.from <= match.first && match.first < scope.to;
  });
}

function applySection(
  decisions: Map<string, Decision>,
  facts: SentenceFacts,
  ctx: CompiledContext,
): string[] {
  const section = ctx.sections.get(facts.section);
  if (!section) return [];
  const sectionId = `section.${facts.section}`;
  const allowed = section.overriddenBy;
  const override = section.overridable
    ? facts.overrides.find(
        (match) =>
          !isDenied(match, facts.scopes) && (!allowed || allowed.includes(match.trigger.id)),
      )
    : undefined;
  if (override) return [override.trigger.id];
  for (const attribute of ["temporality", "experiencer"] as const) {
    const value = section[attribute];
    if (value === undefined || decisions.has(attribute)) continue;
    decisions.set(attribute, { value, ruleId: sectionId, reason: section.reason, distance: 0 });
  }
  return [];
}

/** The assertion of a target given its sentence's scopes and section. */
export function assertTarget(
  facts: SentenceFacts,
  target: TargetTokens,
  ctx: CompiledContext,
): Assertion {
  const decisions = triggerDecisions(facts, target, ctx);
  const ruleIds = applySection(decisions, facts, ctx);
  const negation = (decisions.get("negation")?.value ?? "affirmed") as Assertion["negation"];
  const temporality = (decisions.get("temporality")?.value ?? "recent") as Assertion["temporality"];
  const experiencer = (decisions.get("experiencer")?.value ??
    "patient") as Assertion["experiencer"];
  const billable = negation !== "negated" && temporality === "recent" && experiencer === "patient";
  const reasons: string[] = [];
  for (const attribute of ATTRIBUTES) {
    const decision = decisions.get(attribute);
    if (!decision) continue;
    if (!ruleIds.includes(decision.ruleId)) ruleIds.push(decision.ruleId);
    if (!billable && decision.value !== "possible") reasons.push(decision.reason);
  }
  const assertion: Assertion = { negation, temporality, experiencer, billable, ruleIds };
  if (reasons.length > 0) assertion.reason = reasons.join("; ");
  return assertion;
}
