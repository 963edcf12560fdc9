import type { CompiledLexicon } from "../lexicon/compile.ts";
import { attachTechnique } from "./attributes.ts";
import { areaMeasures } from "./derive.ts";
import type { MentionIndex } from "./index-mentions.ts";
import { otherSide } from "./lesions.ts";
import { markNotBilled } from "./not-billed.ts";
import type { EventScope } from "./scope.ts";
import type { ProcedureEvent } from "./types.ts";

/**
 * Intent separates a tangential biopsy from a shave removal: a "shave biopsy" of a lesion taken
 * off whole for its symptoms ("removed in its entirety ... for symptom relief") is a shave removal.
 */
export function applyRemovalIntent(
  e: ProcedureEvent,
  index: MentionIndex,
  lex: CompiledLexicon,
): void {
  if (e.kind === "shave") {
    applyBiopsyIntent(e, index, lex);
    return;
  }
  if (e.kind !== "biopsy" || e.technique !== "tangential") return;
  const doc = index.doc;
  for (const a of e.anchors) {
    const s = doc.sentences[a.sentence]!;
    if (!lex.removalIntent.occursIn(doc.canon, s.firstToken, s.lastToken)) continue;
    e.kind = "shave";
    e.ruleIds.push(lex.source.procedures.removalIntent.id);
    return;
  }
}

/**
 * A procedure on some lesions is another procedure: tissue excised from an ulcer or a necrotic
 * wound is its excisional debridement, the excised border of an ingrown nail is a nail avulsion,
 * a shaved callus is pared (histology `procedureAs`). And a "debridement" of anything but a wound
 * (a tumour bed, an abscess cavity that is drained) is a step of that procedure, not billed alone.
 * Returns the procedure this one tells again, if it is one.
 */
export function applyLesionProcedure(
  e: ProcedureEvent,
  scope: EventScope,
  index: MentionIndex,
  events: readonly ProcedureEvent[],
): ProcedureEvent | undefined {
  // A generic "removal"/"treatment" event is read by the procedures its other mentions name.
  const kinds = e.kind === "removal" ? [e.kind, ...e.anchors.map((a) => a.procedure)] : [e.kind];
  const as = kinds.map((k) => e.histology?.procedureAs?.[k]).find((x) => x !== undefined);
  if (as && !othersLesion(e, scope, events)) {
    // The procedure it becomes is named close by ("Nail unit biopsy, left thumb. ... a 3 mm punch
    // biopsy of the nail matrix was taken"): this is that procedure told again. Not when the two
    // name opposite sides ("the lateral border of the left great toenail was excised. The medial
    // border of the right great toenail was also excised"): that is a second nail.
    const told = events.find(
      (o) =>
        o !== e &&
        o.kind === as.procedure &&
        (as.codeKey === undefined || o.codeKey === as.codeKey) &&
        !namedApart(e, o) &&
        o.anchors.some((a) => e.anchors.some((b) => Math.abs(b.sentence - a.sentence) <= 3)),
    );
    if (told) {
      deepenTold(told, e, as.procedure, scope, index);
      markNotBilled(
        e,
        `the ${as.procedure} procedure named in "${told.anchors[0]!.text}", told again`,
        "group.told-again",
      );
      return told;
    }
    e.kind = as.procedure as ProcedureEvent["kind"];
    // "The lateral aspect of the right great toenail was also excised and the benign [lesion] ...
    // was excised": the lesion that renamed it is its lesion; others named with it are not nails.
    const type = e.histology!.histology;
    e.lesions = e.lesions.filter((l) => l.histology?.histology === type);
    if (as.codeKey) e.codeKey = as.codeKey;
    else delete e.codeKey;
    e.technique = undefined;
    e.techniqueRank = undefined;
    attachTechnique(e, scope, index);
    e.ruleIds.push(e.histology!.ruleId);
    return;
  }
  if (e.kind !== "debridement" || e.histology?.wound || !e.assertion.billable) return;
  // "Debridement of skin, subcutaneous tissue, muscle and bone": the layers name the wound.
  if (!e.histology && e.technique !== undefined) return;
  markNotBilled(
    e,
    e.histology
      ? `debridement of ${e.histology.text} is part of the procedure on it, not a wound debridement`
      : "debridement with no ulcer, wound or necrotic tissue named: not a wound debridement",
    "group.debridement-needs-wound",
  );
}

/**
 * "Excisional debridement of the heel ulcer. Necrotic fascia and muscle were sharply excised.": the
 * retelling names the layers removed, so the procedure it tells again takes the deepest of them.
 * (A procedure told later than its retelling reads its own layers when its turn comes.)
 */
function deepenTold(
  told: ProcedureEvent,
  e: ProcedureEvent,
  kind: string,
  scope: EventScope,
  index: MentionIndex,
): void {
  if (told.index > e.index) return;
  const probe: ProcedureEvent = { ...e, kind, technique: undefined, techniqueRank: undefined };
  attachTechnique(probe, scope, index);
  if ((probe.techniqueRank ?? 0) <= (told.techniqueRank ?? 0)) return;
  told.technique = probe.technique;
  told.techniqueRank = probe.techniqueRank;
}

/**
 * "Debridement of skin and subcutaneous tissue of abdominal wound. ... Necrotic tissue was excised
 * from the 10 x 4 cm abdominal wound": a debridement with no area of its own takes the length x
 * width of the wound its retelling measures. Failing that, the length x width of the ellipse cut
 * around the dead tissue ("A 10 cm x 5 cm elliptical incision was made around the necrotic skin.
 * The necrotic skin ... excised"): two dimensions of an incision measure the skin taken out, the
 * excised area (a closure length has one); `woundArea` in coding/map.ts reads it as such.
 */
export function lendWoundArea(retelling: ProcedureEvent, told: ProcedureEvent): void {
  if (told.kind !== "debridement") return;
  const measured = areaMeasures(told.sizes);
  if (told.sizes.some((s) => s.unit === "cm2") || measured.some((s) => s.role !== "repair")) return;
  told.sizes.push(...areaMeasures(retelling.sizes));
}

/**
 * "1.0 cm nodule R thigh ... excised. Also 2 skin tags L eyelid, snipped.": a diagnosis taken from
 * outside the event's scope that another procedure's own sentence names is that procedure's
 * lesion; it does not say what this procedure is.
 */
function othersLesion(
  e: ProcedureEvent,
  scope: EventScope,
  events: readonly ProcedureEvent[],
): boolean {
  const h = e.histology!;
  if (scope.near.includes(h.sentence) || scope.linked.includes(h.sentence)) return false;
  return events.some(
    (o) => o !== e && o.assertion.billable && o.anchors.some((a) => a.sentence === h.sentence),
  );
}

/**
 * Both events name their own site, on opposite sides. (Only the side: "necrotic ... gluteal
 * muscle ... excised" after "debridement of sacral ulcer" names a layer of the same wound.)
 */
function namedApart(a: ProcedureEvent, b: ProcedureEvent): boolean {
  return (
    a.site !== undefined &&
    b.site !== undefined &&
    !a.siteInferred &&
    !b.siteInferred &&
    otherSide(a.site, b.site)
  );
}

/**
 * The reverse: a bare "shave" (no "shave removal" or "shave excision" written) taken "to rule out
 * melanoma" is a tangential biopsy.
 */
function applyBiopsyIntent(e: ProcedureEvent, index: MentionIndex, lex: CompiledLexicon): void {
  if (e.anchors.some((a) => !a.weak)) return;
  const doc = index.doc;
  for (const a of e.anchors) {
    const s = doc.sentences[a.sentence]!;
    if (!lex.biopsyIntent.occursIn(doc.canon, s.firstToken, s.lastToken)) continue;
    e.kind = "biopsy";
    e.technique = "tangential";
    e.ruleIds.push(lex.source.procedures.biopsyIntent.id);
    return;
  }
}
