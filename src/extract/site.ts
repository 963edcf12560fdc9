import type { CompiledLexicon, LateralityTerm, SiteTerm } from "../lexicon/compile.ts";
import { AND_JOINERS, ARTICLES, LIST_JOINERS, WORDS } from "../text/grammar.ts";
import type { Doc, LateralityMention, SiteMention, TissueMention } from "../types.ts";
import { matchSentences, mentionBase, type TermMatch } from "./match.ts";

/** Laterality words may stand this many tokens before a site ("left upper back", "R lateral cheek"). */
const LATERALITY_BEFORE = 4;

/**
 * Anatomic sites with their site group, ICD site key and repair groups, plus laterality.
 * Sample: "L dorsal forearm" -> site arm (A_TAL), laterality left; "came back" is a pseudo hit.
 */
export function extractSites(
  doc: Doc,
  lex: CompiledLexicon,
): (SiteMention | LateralityMention | TissueMention)[] {
  const sites = matchSentences(doc, lex.sites).filter(
    (m): m is TermMatch<SiteTerm> => !("pseudo" in m.payload),
  );
  const lats = matchSentences(doc, lex.laterality);
  const out: (SiteMention | LateralityMention | TissueMention)[] = [];
  const latsBySentence = bySentence(lats);
  const sitesBySentence = bySentence(sites);
  // Digits are only read in sentences naming a site.
  const siteSentences = doc.sentences.filter((s) => sitesBySentence.has(s.index));
  const digitsBySentence = bySentence(matchSentences(doc, lex.digits, siteSentences));
  for (const m of sites) {
    const lat = lateralityFor(
      m,
      latsBySentence.get(m.sentence) ?? [],
      sitesBySentence.get(m.sentence) ?? [],
      doc.canon,
    );
    const first = lat && lat.first < m.first ? lat.first : m.first;
    const t = m.payload;
    // "fourth toe", "L index fingernail": a digit phrase that overlaps the site names its digit.
    const digit = digitsBySentence
      .get(m.sentence)
      ?.find((d) => d.first < m.last && first < d.last)?.payload;
    // Optional fields are set one by one (same keys, same order as a literal with conditional
    // spreads, without a temporary object per field: this runs for every site of every note).
    const site = mentionBase(doc, "site", first, m.last, t.id, m.sentence) as SiteMention;
    site.kind = "site";
    site.site = t.site;
    if (t.siteGroup) site.siteGroup = t.siteGroup;
    if (t.icdSite) site.icdSite = t.icdSite;
    if (t.eyelid) site.eyelid = t.eyelid;
    if (t.mohs) site.mohs = t.mohs;
    if (t.softTissue) site.softTissue = t.softTissue;
    if (t.part) site.part = t.part;
    if (afterDonorCue(doc, lex, first)) site.donor = true;
    if (afterLandmarkCue(doc, lex, first)) site.landmark = true;
    site.repairGroups = t.repair;
    if (lat) site.laterality = bothSides(lat, latsBySentence.get(m.sentence)!, doc.canon);
    if (lat?.payload.perSide) site.perSide = true;
    if (digit) site.digit = { limb: digit.limb, digit: digit.digit, ruleId: digit.id };
    out.push(site);
  }
  for (const t of matchSentences(doc, lex.tissues)) {
    if (t.payload === "organ" && depthLandmark(doc, lex, t.first, t.last)) continue;
    const id = t.payload === "organ" ? lex.source.sites.nonSkin.id : lex.source.sites.skinWords.id;
    const tissue = mentionBase(doc, t.payload, t.first, t.last, id, t.sentence) as TissueMention;
    tissue.kind = t.payload;
    if (t.payload === "organ" && afterLandmarkCue(doc, lex, t.first)) tissue.landmark = true;
    out.push(tissue);
  }
  for (const l of lats) {
    if (l.payload.needsSite) continue;
    const lat = mentionBase(
      doc,
      "laterality",
      l.first,
      l.last,
      l.payload.id,
      l.sentence,
    ) as LateralityMention;
    lat.kind = "laterality";
    lat.laterality = l.payload.laterality;
    out.push(lat);
  }
  return out;
}

/** Matches grouped by sentence (each list in note order). */
function bySentence<T extends { sentence: number }>(matches: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const m of matches) {
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  return out;
}

/** The laterality word of a site: the last one shortly before it, with no other site between. */
function lateralityFor(
  site: TermMatch<SiteTerm>,
  lats: TermMatch<LateralityTerm>[],
  sites: TermMatch<SiteTerm>[],
  canon: readonly string[],
): TermMatch<LateralityTerm> | undefined {
  let best: TermMatch<LateralityTerm> | undefined;
  for (const l of lats) {
    if (l.sentence !== site.sentence || l.last > site.first) continue;
    if (site.first - l.last > LATERALITY_BEFORE) continue;
    if (l.payload.needsSite && site.first - l.last > 2) continue;
    // "60 cm2 each and dorsal feet": a short side word before a list joiner ends the item before it.
    if (l.payload.needsSite && canon.slice(l.last, site.first).some((t) => LIST_JOINERS.has(t)))
      continue;
    const between = sites.some((s) => s !== site && s.first >= l.last && s.last <= site.first);
    if (!between) best = l;
  }
  return best;
}

/**
 * "R and L axillae", "right & left forearms": a site's side word joined by "and" to the other
 * side word right before it names the site on both sides.
 */
function bothSides(
  lat: TermMatch<LateralityTerm>,
  lats: readonly TermMatch<LateralityTerm>[],
  canon: readonly string[],
): LateralityTerm["laterality"] {
  const side = lat.payload.laterality;
  if (side === "bilateral" || lat.first < 2 || !AND_JOINERS.has(canon[lat.first - 1]!)) return side;
  const other = lats.find((l) => l.last === lat.first - 1);
  const otherSide = other?.payload.laterality;
  return otherSide && otherSide !== "bilateral" && otherSide !== side ? "bilateral" : side;
}

/** "2 cm above the left ear", "anterior to the tragus", "just below the jaw". */
function afterLandmarkCue(doc: Doc, lex: CompiledLexicon, first: number): boolean {
  let k = first - 1;
  if (k >= 0 && ARTICLES.has(doc.canon[k]!)) k--;
  if (k < 1) return k === 0 && lex.landmarkCues.words.has(doc.canon[0]!);
  if (doc.canon[k] === WORDS.to) return lex.landmarkCues.withTo.has(doc.canon[k - 1]!);
  return lex.landmarkCues.words.has(doc.canon[k]!);
}

/** Describing words ("superficial", "underlying") allowed between a depth lead and its organ. */
const DESCRIBING = 2;

/**
 * "excised to the superficial parotid fascia", "taken down to the parotid": the organ word at
 * tokens [first, last) names the depth a cut reached (lexicon sites `depthLandmarks`), so it is
 * no organ of the procedure. Walking back over an article and up to two describing words, a
 * lead ends there, or a bare "to" does with a layer word right after the organ ("deep to the
 * parotid fascia" enters the organ).
 */
function depthLandmark(doc: Doc, lex: CompiledLexicon, first: number, last: number): boolean {
  const d = lex.depthLandmarks;
  if (!d) return false;
  const layered = d.layers.has(doc.canon[last] ?? "") || d.layers.has(doc.canon[last + 1] ?? "");
  let words = 0;
  for (let k = first - 1; k >= 0; k--) {
    if (d.leads.some((lead) => endsAt(doc.canon, lead, k))) return true;
    const w = doc.canon[k]!;
    if (w === WORDS.to) return layered && !d.enters.has(doc.canon[k - 1] ?? "");
    if (!/^[a-z]/.test(w)) return false;
    if (!ARTICLES.has(w) && ++words > DESCRIBING) return false;
  }
  return false;
}

/** The words of `phrase` end at token k. */
function endsAt(canon: readonly string[], phrase: readonly string[], k: number): boolean {
  const from = k - phrase.length + 1;
  if (from < 0) return false;
  for (let i = 0; i < phrase.length; i++) if (canon[from + i] !== phrase[i]) return false;
  return true;
}

/**
 * "harvested from the left upper arm": a donor cue right before the site (an article between);
 * "donor site: left thigh", "the donor site was the left thigh": after a donor cue's site word.
 */
function afterDonorCue(doc: Doc, lex: CompiledLexicon, first: number): boolean {
  let k = first - 1;
  if (k >= 0 && ARTICLES.has(doc.canon[k]!)) k--;
  if (k >= 0 && lex.donorCues.has(doc.canon[k]!)) return true;
  if (k >= 0 && lex.donorPlaceLinks.has(doc.canon[k]!)) k--;
  return k >= 1 && lex.donorPlaceWords.has(doc.canon[k]!) && lex.donorCues.has(doc.canon[k - 1]!);
}
