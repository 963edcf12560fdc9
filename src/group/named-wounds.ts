import { lastWord } from "../text/tokens.ts";
import type { ProcedureMention, SiteMention, SizeMention } from "../types.ts";
import { inSentence, isBillable, joinersBetween, type MentionIndex } from "./index-mentions.ts";
import { samePlace } from "./places.ts";

const TYPE_RANK: Record<string, number> = { simple: 1, intermediate: 2, complex: 3 };

/** The most complex repair type named ("closed in layers ... interrupted sutures": intermediate). */
export function mostComplex(types: (string | undefined)[]): string | undefined {
  const typed = types.filter((t): t is string => t !== undefined);
  return typed.sort((a, b) => TYPE_RANK[b]! - TYPE_RANK[a]!)[0];
}

/** A closure that names its wound by place ("The knee laceration was closed with ..."). */
interface NamedClosure {
  site: SiteMention;
  type: string;
}

/**
 * Wounds measured in one place (an exam, a list) and closed in later sentences that name each
 * wound by its place: "2 cm laceration over the left patella ... The thigh laceration was closed
 * in two layers. The knee laceration was closed with simple interrupted sutures." Each length
 * whose own sentence closes nothing takes the repair type of the closure naming its wound: the
 * same head word first ("left anterior thigh" / "thigh"), then, among the wounds and closures
 * still unpaired, the same site ("patella" / "knee"), only when exactly one wound is there.
 */
export function namedWoundTypes(
  lengths: SizeMention[],
  closures: ProcedureMention[],
  index: MentionIndex,
): Map<SizeMention, string> {
  const out = new Map<SizeMention, string>();
  const named = namedClosures(closures, index);
  if (named.length === 0) return out;
  const sitesOf = new Map(lengths.map((len) => [len, lengthSites(len, index)]));
  const sameHead = (c: NamedClosure, s: SiteMention) =>
    samePlace(c.site, s) && lastWord(s.text) === lastWord(c.site.text);
  const paired = new Set<NamedClosure>();
  for (const match of [sameHead, (c: NamedClosure, s: SiteMention) => samePlace(c.site, s)]) {
    for (const c of named) {
      if (paired.has(c)) continue;
      const at = lengths.filter(
        (len) => !out.has(len) && sitesOf.get(len)!.some((s) => match(c, s)),
      );
      if (at.length !== 1) continue;
      out.set(at[0]!, c.type);
      paired.add(c);
    }
  }
  return out;
}

/**
 * The closures of the note that name their wound's place: a sentence naming one place closes
 * the wound there, with the most complex type it names (simple when it names none: "closed with
 * 5 staples"); a sentence naming several places closes, with each closure, the wound named in
 * that closure's clause ("the cheek with a simple closure, and the arm with a layered closure").
 */
function namedClosures(closures: ProcedureMention[], index: MentionIndex): NamedClosure[] {
  const bySentence = new Map<number, ProcedureMention[]>();
  for (const m of closures)
    if (isBillable(index, m))
      bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const out: NamedClosure[] = [];
  for (const [sentence, here] of bySentence) {
    const sites = inSentence(index, sentence, "site");
    if (sites.length === 0) continue;
    if (sites.every((s) => samePlace(s, sites[0]!))) {
      out.push({ site: sites[0]!, type: mostComplex(here.map((m) => m.repairType)) ?? "simple" });
      continue;
    }
    const byClause = new Map<SiteMention, ProcedureMention[]>();
    for (const m of here) {
      const site = clauseSite(m, index);
      if (site) byClause.set(site, [...(byClause.get(site) ?? []), m]);
    }
    for (const [site, own] of byClause)
      out.push({ site, type: mostComplex(own.map((m) => m.repairType)) ?? "simple" });
  }
  return out;
}

/** The sites a length is measured at: those of its sentence fewest list joiners away from it. */
function lengthSites(len: SizeMention, index: MentionIndex): SiteMention[] {
  const sites = inSentence(index, len.sentence, "site");
  const joiners = sites.map((s) => joinersBetween(index, len, s));
  const fewest = Math.min(...joiners);
  return sites.filter((_, i) => joiners[i] === fewest);
}

/** The site named between the previous clause break (";" or sentence start) and the closure. */
export function clauseSite(m: ProcedureMention, index: MentionIndex): SiteMention | undefined {
  const sentence = index.doc.sentences[m.sentence]!;
  const lead = index.doc.text.slice(sentence.start, m.start);
  const from = sentence.start + lead.lastIndexOf(";") + 1;
  return inSentence(index, m.sentence, "site").findLast((x) => x.start >= from && x.end <= m.start);
}

/**
 * The site a closure names after its words ("Complex repair L ala 2.0 cm", "Layered closure of
 * the back 4.5 cm"): the first one after it in its clause, before the next clause break (";"),
 * another closure or another procedure ("Complex repair of the wound after excision of the SCC
 * of the cheek": the cheek is the excision's).
 */
export function closureSiteAfter(
  m: ProcedureMention,
  index: MentionIndex,
): SiteMention | undefined {
  const sentence = index.doc.sentences[m.sentence]!;
  const tail = index.doc.text.slice(m.end, sentence.end);
  const semicolon = tail.indexOf(";");
  let to = semicolon < 0 ? sentence.end : m.end + semicolon;
  for (const p of inSentence(index, m.sentence, "procedure"))
    if (p !== m && p.start >= m.end && p.start < to && !(p.weak && p.procedure === "repair"))
      to = p.start;
  return inSentence(index, m.sentence, "site").find((x) => x.start >= m.end && x.end <= to);
}
