import { roundTo } from "../extract/numbers.ts";
import { apartInSiteGroup } from "../group/lesions.ts";
import type { ProcedureEvent } from "../group/types.ts";

/** Procedures whose defect a flap closes (their sizes describe the flap's defect). */
const CLOSED_KINDS = new Set([
  "excision",
  "mohs",
  "shave",
  "destruction",
  "debridement",
  "unsupported",
]);

/**
 * A flap event ready for its band table: the repair group of its site and the defect area in sq cm: documented as an area, else the product of the defect's two
 * dimensions, else estimated as the square of one diameter (defect, then excised diameter).
 */
export function flapForCoding(
  e: ProcedureEvent,
  events: ProcedureEvent[],
  partners: ProcedureEvent[] = [],
): ProcedureEvent {
  const closed = closedBy(e, events);
  // Grouping already gave the flap the site of the defect it closes (linkLesions).
  const site = e.site ?? partners.find((x) => x.site)?.site;
  return {
    ...e,
    repairType: "flap",
    ...(site ? { site } : {}),
    derived: { ...e.derived, ...(graftArea(e) ?? defectArea([e, ...partners, ...closed])) },
    count: 1,
  };
}

/**
 * A flap is coded when it closes the defect of a skin lesion procedure, when it rearranges a scar
 * or wound (a Z-plasty of a scar), or when it documents its defect size and the note says it is
 * on the skin; a flap in an operation on another organ (palate, bone) or only planned for later
 * is not coded.
 */
export function onSkin(
  flap: ProcedureEvent,
  partners: ProcedureEvent[],
  events: ProcedureEvent[],
): boolean {
  if (closedBy(flap, events).some((x) => x.skin !== "organ")) return true;
  const own = [flap, ...partners];
  // "Z-plasty revision of the nasolabial fold scar": a rearrangement of a scar or wound is an
  // adjacent tissue transfer of the skin, sized or not, unless an organ is named with it.
  if (flapSkinRule(flap, partners, events, "revisesScar")) return true;
  // A term that is itself a skin procedure (a skin graft) needs only a size; others a defect size.
  const skinTerm = own.some((x) => x.anchors.some((a) => a.skinSpecific));
  const sized = own.some((x) =>
    x.sizes.some((s) => s.role === "defect" || s.unit === "cm2" || (skinTerm && s.unit === "cm")),
  );
  // A skin graft is skin wherever it goes: one sutured into a mucosal defect ("full-thickness
  // skin graft ... sutured into the buccal defect") is coded by its recipient area all the same.
  return (
    sized &&
    (skinTerm ||
      own.some((x) => x.skin === "skin") ||
      !!flapSkinRule(flap, partners, events, "removalDefect"))
  );
}

/**
 * The rule id that places a flap closing no lesion procedure on the skin, read off its anchors
 * (when no organ is named with it): `revisesScar` when it rearranges a scar or wound ("Z-plasty
 * revision of the nasolabial fold scar"), `removalDefect` when its sentence names the defect a
 * removal left ("rotation flap repair of the 2 x 2 cm surgical defect of the cheek").
 */
export function flapSkinRule(
  flap: ProcedureEvent,
  partners: ProcedureEvent[],
  events: ProcedureEvent[],
  why: "revisesScar" | "removalDefect",
): string | undefined {
  if (closedBy(flap, events).length > 0) return undefined;
  const own = [flap, ...partners];
  if (own.some((x) => x.skin === "organ")) return undefined;
  return own.flatMap((x) => x.anchors).find((a) => a[why])?.[why];
}

function closedBy(e: ProcedureEvent, events: ProcedureEvent[]): ProcedureEvent[] {
  return events.filter((x) => x !== e && x.lesion === e.lesion && CLOSED_KINDS.has(x.kind));
}

/**
 * One flap per defect: a flap mention that closes no lesion of its own ("the rotation flap was
 * elevated and rotated into the defect") continues the description of a flap that does, unless
 * it lies in another lesion site group or on the other side. Returns each flap to code with the
 * mentions that continue it.
 */
export function collapseFlaps(
  flaps: ProcedureEvent[],
  events: ProcedureEvent[],
): { flap: ProcedureEvent; partners: ProcedureEvent[] }[] {
  const out: { flap: ProcedureEvent; partners: ProcedureEvent[] }[] = [];
  const loose: ProcedureEvent[] = [];
  for (const f of flaps) {
    if (closedBy(f, events).length > 0) out.push({ flap: f, partners: [] });
    else loose.push(f);
  }
  for (const f of loose) {
    const home = out.find((o) => !apartInSiteGroup(o.flap.site, f.site));
    if (home) home.partners.push(f);
    else out.push({ flap: f, partners: [] });
  }
  return out;
}

/**
 * A skin graft (a skin term) listing several two-dimension sizes with no stated total ("15 x 18 cm
 * on the right leg and 15 x 15 cm on the left leg") covers their summed area.
 */
function graftArea(
  e: ProcedureEvent,
): Pick<ProcedureEvent["derived"], "defectAreaSqCm" | "defectAreaFrom"> | undefined {
  if (!e.anchors.some((a) => a.skinSpecific) || e.derived.areaSqCm !== undefined) return undefined;
  const pairs = e.sizes.filter(
    (s) => s.unit === "cm" && s.dims.length >= 2 && s.role === "unknown",
  );
  if (pairs.length < 2) return undefined;
  const total = roundTo(
    pairs.reduce((sum, s) => sum + s.dims[0]! * s.dims[1]!, 0),
    2,
  );
  return {
    defectAreaSqCm: total,
    defectAreaFrom: `sum of ${pairs.map((s) => `${s.dims[0]} x ${s.dims[1]} cm`).join(" + ")}`,
  };
}

function defectArea(
  all: ProcedureEvent[],
): Pick<ProcedureEvent["derived"], "defectAreaSqCm" | "defectAreaFrom"> {
  for (const x of all)
    if (x.derived.areaSqCm !== undefined) return { defectAreaSqCm: x.derived.areaSqCm };
  for (const x of all) {
    const d = largest(x, "defect", false);
    if (!d) continue;
    // A secondary defect adds to the primary one (adjacent tissue transfer area).
    const extra = x.sizes.filter((s) => s.role === "defect" && s.adds && s.dims.length >= 2);
    if (d.dims.length >= 2)
      return {
        defectAreaSqCm: roundTo(
          [d, ...extra].reduce((sum, s) => sum + s.dims[0]! * s.dims[1]!, 0),
          2,
        ),
        defectAreaFrom: `${[d, ...extra].map((s) => `${s.dims[0]} x ${s.dims[1]} cm`).join(" + ")} defect`,
      };
    return {
      defectAreaSqCm: roundTo(circle(d.value), 2),
      defectAreaFrom: `estimated as a round ${d.value} cm defect`,
    };
  }
  const own = ownDimensions(all);
  if (own)
    return {
      defectAreaSqCm: roundTo(own.dims[0]! * own.dims[1]!, 2),
      defectAreaFrom: `${own.dims[0]} x ${own.dims[1]} cm flap`,
    };
  for (const x of all) {
    const lesion = largest(x, "lesion") ?? largest(x, "unknown");
    const margin = x.derived.marginCm ?? 0;
    if (lesion && lesion.dims.length >= 2) {
      const [a, b] = [lesion.dims[0]! + 2 * margin, lesion.dims[1]! + 2 * margin];
      return {
        defectAreaSqCm: roundTo(a * b, 2),
        defectAreaFrom: `estimated from the ${lesion.dims[0]} x ${lesion.dims[1]} cm lesion${margin ? ` with ${margin} cm margins` : ""}`,
      };
    }
    const v = x.derived.excisedDiameterCm;
    if (v !== undefined)
      return {
        defectAreaSqCm: roundTo(circle(v), 2),
        defectAreaFrom: `estimated as a round defect of the ${v} cm excised diameter`,
      };
  }
  return {};
}

/**
 * "Advancement flap closure, with total undermined area 18 cm by 16 cm": two dimensions of no
 * other role written in a flap's own sentence measure the flap, not the lesion it closes, so they
 * outrank an estimate from the lesion size.
 */
function ownDimensions(all: ProcedureEvent[]) {
  for (const x of all) {
    const flapSentences = new Set(
      x.anchors.filter((a) => a.procedure === "flap" || a.closesDefect).map((a) => a.sentence),
    );
    const pair = x.sizes
      .filter((s) => s.role === "unknown" && s.unit === "cm" && s.dims.length >= 2)
      .filter((s) => flapSentences.has(s.sentence))
      .sort((a, b) => b.dims[0]! * b.dims[1]! - a.dims[0]! * a.dims[1]!)[0];
    if (pair) return pair;
  }
  return undefined;
}

function largest(x: ProcedureEvent, role: string, adds = true) {
  return x.sizes
    .filter((s) => s.role === role && s.unit === "cm" && (adds || !s.adds))
    .sort((a, b) => b.value - a.value)[0];
}

function circle(d: number): number {
  return (Math.PI / 4) * d * d;
}
