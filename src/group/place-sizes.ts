import type { Malignancy } from "../schemas/api.ts";
import type { SiteMention } from "../types.ts";
import { isLesionSize } from "./derive.ts";
import { inSentence, isBillable, type MentionIndex } from "./index-mentions.ts";
import { withSides } from "./places.ts";
import type { ProcedureEvent } from "./types.ts";

/** Procedures coded by the size of each lesion. */
const SIZED = new Set(["excision", "shave"]);
/** Sections whose measurements describe no lesion examined today. */
const NOT_EXAMINED = new Set([
  "pathology",
  "history",
  "family_history",
  "social_history",
  "medications",
]);

/**
 * Sizes of a lesion told where it was examined belong to the procedure on the lesion at that
 * place: "O: Painful lesion plantar to the left second metatarsal head, 0.5 cm. A second lesion
 * plantar to the right fourth metatarsal head measures 3.1 x 1.8 cm. P: The benign lesion on the
 * plantar aspect of the left foot was excised. The one on the right foot was excised as well."
 * A measurement of a sentence that places its lesion on the other side is not the procedure's;
 * a procedure left with no size but margins takes the lesion size of the single earlier sentence
 * that names its place (its site, on its side) and measures a lesion no other procedure has.
 *
 * Only the size crosses over, not the diagnosis: when the exam calls the lesion at that place an
 * IPK or a callus and the plan says "the benign lesion ... was excised", the excision stays an
 * excision (114xx). Paring (1105x) is coded when the procedure's own words name a corn, callus or
 * IPK (histology `procedureAs`); reading it from the exam would turn a documented excision into
 * paring by inference, which the reference does not cover and a coder would query instead.
 */
export function sizesByPlace(events: ProcedureEvent[], index: MentionIndex): void {
  for (const e of events) {
    if (!SIZED.has(e.kind) || !e.site || e.siteInferred) continue;
    const place = placeOf(e.site, index);
    const own = new Set(e.anchors.map((a) => a.sentence));
    e.sizes = e.sizes.filter((x) => own.has(x.sentence) || !elsewhere(x.sentence, place, index));
  }
  const taken = new Set(events.flatMap((e) => e.sizes));
  // Sentences that measure a lesion outside a procedure, in a section that examines it (the same
  // for every event): found once, on the first event that needs them.
  let measuring: number[] | undefined;
  for (const e of events) {
    if (!SIZED.has(e.kind) || !e.site || e.siteInferred || !e.assertion.billable) continue;
    // Measured already (a lesion, a defect or an ellipse): only margins leave it unsized.
    if (e.sizes.some((x) => x.role !== "margin")) continue;
    // Several lesions take the sizes of as many sentences, each measuring one of them ("a
    // second lesion plantar to the fifth metatarsal head also measures 1.1 cm"); one measurement
    // cannot size two lipomas.
    const lesions = e.count ?? 1;
    const place = placeOf(e.site, index);
    const first = Math.min(...e.anchors.map((a) => a.sentence));
    measuring ??= index.doc.sentences
      .map((s) => s.index)
      .filter(
        (s) =>
          inSentence(index, s, "size").some(isLesionSize) &&
          !NOT_EXAMINED.has(index.doc.sentences[s]!.section) &&
          inSentence(index, s, "procedure").every((p) => !isBillable(index, p)),
      );
    const told = measuring.filter((s) => {
      if (s >= first) return false;
      const sizes = inSentence(index, s, "size").filter(isLesionSize);
      return (
        !sizes.some((x) => taken.has(x)) &&
        (namesPlaceOnly(s, place, index) || (lesions > 1 && sideless(s, place, index))) &&
        onlyPlace(s, place, index) &&
        !otherLesion(s, e, index)
      );
    });
    if (told.length !== lesions) continue;
    const sizes = told.flatMap((k) => inSentence(index, k, "size").filter(isLesionSize));
    e.sizes.push(...sizes);
    for (const x of sizes) taken.add(x);
    e.ruleIds.push("group.size-by-place");
  }
}

interface Place {
  site: string;
  side?: string;
}

/** The event's site and its side, read from the sites of its sentence when the word has none. */
function placeOf(site: SiteMention, index: MentionIndex): Place {
  const sided = withSides(inSentence(index, site.sentence, "site")).find(
    (s) => s.start === site.start,
  );
  const side = sided?.laterality ?? site.laterality;
  return side ? { site: site.site, side } : { site: site.site };
}

/** Sides the sentence gives to its sites of that kind (undefined for a site without one). */
function sidesIn(sentence: number, site: string, index: MentionIndex): Set<string | undefined> {
  return new Set(
    withSides(inSentence(index, sentence, "site"))
      .filter((s) => s.site === site && !s.landmark)
      .map((s) => s.laterality),
  );
}

/** The sentence places its lesion at the event's site on another side only. */
function elsewhere(sentence: number, place: Place, index: MentionIndex): boolean {
  if (!place.side) return false;
  const sides = sidesIn(sentence, place.site, index);
  return sides.size > 0 && !sides.has(place.side) && !sides.has(undefined);
}

/**
 * The sentence names no other site, so its measurements are of the lesion there ("Lipomas of the
 * back, 7 cm, and of the right shoulder, 2 cm" measures two places: neither is taken).
 */
function onlyPlace(sentence: number, place: Place, index: MentionIndex): boolean {
  return inSentence(index, sentence, "site").every((s) => s.landmark || s.site === place.site);
}

/** The sentence names the event's site with no side at all. */
function sideless(sentence: number, place: Place, index: MentionIndex): boolean {
  const sides = sidesIn(sentence, place.site, index);
  return sides.size === 1 && sides.has(undefined);
}

/** The sentence names the event's site, on its side (or both without one), and no other side. */
function namesPlaceOnly(sentence: number, place: Place, index: MentionIndex): boolean {
  const sides = sidesIn(sentence, place.site, index);
  return sides.size === 1 && sides.has(place.side);
}

const KNOWN: ReadonlySet<Malignancy> = new Set(["benign", "malignant", "premalignant"]);

/**
 * The sentence names another lesion: of the other kind (benign where the event's is malignant),
 * or, the event's being a diagnosis ("nevus"), only other diagnoses ("seborrheic keratosis").
 */
function otherLesion(sentence: number, e: ProcedureEvent, index: MentionIndex): boolean {
  const named = inSentence(index, sentence, "histology");
  if (
    KNOWN.has(e.malignancy) &&
    named.some((h) => KNOWN.has(h.malignancy) && h.malignancy !== e.malignancy)
  )
    return true;
  const own = e.histology;
  if (!own?.skinSpecific) return false;
  const diagnoses = named.filter((h) => h.skinSpecific);
  return diagnoses.length > 0 && !diagnoses.some((h) => h.histology === own.histology);
}
