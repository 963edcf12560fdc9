import { roundTo } from "../extract/numbers.ts";
import { areaMeasures, isLesionSize } from "../group/derive.ts";
import { differentSites } from "../group/lesions.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type {
  BandTableT,
  BiopsyTableT,
  CodeTable,
  FixedTableT,
  LadderTableT,
  MohsTableT,
} from "../schemas/codes.ts";
import type { Issue } from "../types.ts";
import { collapseFlaps, flapForCoding, flapSkinRule, onSkin } from "./flap.ts";
import { type DraftLine, factor, fmtCm, matches, withClause } from "./lines.ts";
import { mapBand } from "./map-band.ts";
import { type CountedGroup, mapBiopsies, mapLadder, mapMohs } from "./map-counted.ts";

type Weights = Record<string, { weight: number }>;
const LESION_KINDS = new Set(["biopsy", "excision", "shave", "injection", "i_and_d"]);
/** Kinds whose codes split benign from malignant lesions. */
const BENIGN_OR_MALIGNANT = new Set(["excision", "shave"]);
/** Kinds coded without an anatomic site when nothing says they are off the skin. */
const SITE_OPTIONAL = new Set(["phototherapy", "excimer", "patch_test", "debridement"]);
/** Kinds whose ladders destructionLines applies by lesion family instead. */
const FAMILY_LADDERS = new Set(["destruction", "skin_tag"]);
const SKIN_KINDS = new Set([
  "biopsy",
  "excision",
  "shave",
  "destruction",
  "removal",
  "i_and_d",
  "injection",
  "paring",
  "skin_tag",
  "phototherapy",
  "excimer",
  "foreign_body",
  "debridement",
]);

/** The code tables of each kind and procedure, sorted once per table list (read for every event). */
const tablesByKind = new WeakMap<readonly CodeTable[], Map<string, Map<string, CodeTable[]>>>();

function tablesOf<K extends CodeTable["kind"]>(lex: CompiledLexicon, kind: K, procedure: string) {
  let byKind = tablesByKind.get(lex.tables);
  if (!byKind) {
    byKind = new Map();
    tablesByKind.set(lex.tables, byKind);
  }
  let byProcedure = byKind.get(kind);
  if (!byProcedure) {
    byProcedure = new Map();
    byKind.set(kind, byProcedure);
  }
  let tables = byProcedure.get(procedure);
  if (!tables) {
    tables = lex.tables.filter((t) => t.kind === kind && t.procedure === procedure);
    byProcedure.set(procedure, tables);
  }
  return tables as Extract<CodeTable, { kind: K }>[];
}

/** The first entry of each id in a lexicon list, indexed once per list (not searched per event). */
const byIdMemo = new WeakMap<readonly { id: string }[], Map<string, unknown>>();

function firstById<T extends { id: string }>(
  list: readonly T[],
  id: string | undefined,
): T | undefined {
  let ids = byIdMemo.get(list) as Map<string, T> | undefined;
  if (!ids) {
    ids = new Map();
    for (const t of list) if (!ids.has(t.id)) ids.set(t.id, t);
    byIdMemo.set(list, ids);
  }
  return id === undefined ? undefined : ids.get(id);
}

/** Candidate claim lines for the billable events, from the code tables. */
export function mapCodes(
  events: ProcedureEvent[],
  lex: CompiledLexicon,
  issues: Issue[],
): DraftLine[] {
  const w = lex.source.confidence.factors;
  const uncovered = new Set<number>();
  const live = events.filter((e) => e.assertion.billable && codeable(e, lex, issues, uncovered));
  const closesUncovered = (e: ProcedureEvent) => e.closes !== undefined && uncovered.has(e.closes);
  const lines: DraftLine[] = [];
  const biopsy = tablesOf(lex, "biopsy", "biopsy")[0] as BiopsyTableT;
  lines.push(
    ...mapBiopsies(
      biopsy,
      live.filter((e) => e.kind === "biopsy"),
      w,
      issues,
    ),
  );
  const repairs: ProcedureEvent[] = [];
  for (const e of live) {
    if (e.kind === "repair") {
      // A secondary closure is coded by its own row (fixedLines), not as a repair by length.
      if (inFixedTable(lex, e)) continue;
      const wound = e.closes !== undefined ? events[e.closes] : undefined;
      // A wound whose excision is included in another procedure of the lesion (Mohs) is still closed.
      const closed =
        wound === undefined ||
        live.some((x) => x.kind !== "repair" && (x === wound || x.lesion === wound.lesion));
      if (!closesUncovered(e) && closed) repairs.push(e);
      continue;
    }
    if (e.kind === "excision" || e.kind === "shave" || e.kind === "excimer") {
      lines.push(...perLesionBand(lex, e, w, issues));
    } else if (e.kind === "mohs") {
      lines.push(...mapMohs(tablesOf(lex, "mohs", "mohs")[0] as MohsTableT, e, w, issues));
    }
  }
  const flaps = live.filter((e) => e.kind === "flap");
  for (const { flap: f, partners } of collapseFlaps(flaps, events)) {
    if (!onSkin(f, partners, events)) {
      issues.push({
        code: "procedure_not_covered",
        message:
          "flap with no skin lesion, skin wound or skin word documented: not coded as a skin flap (14000-14302)",
        severity: "warning",
        span: { start: f.anchors[0]!.start, end: f.anchors[0]!.end },
        event: f.index,
      });
      continue;
    }
    const flap = flapForCoding(f, events, partners);
    const flapLines = perLesionBand(lex, flap, w, issues);
    const scar = flapSkinRule(f, partners, events, "revisesScar");
    const removal = flapSkinRule(f, partners, events, "removalDefect");
    for (const l of flapLines) {
      if (scar) l.ruleIds.push(scar);
      if (removal) l.ruleIds.push(removal);
      l.events.push(...partners.map((p) => p.index));
      l.evidence = [...l.evidence, ...partners.flatMap((p) => p.anchors)];
      if (flap.derived.defectAreaFrom?.startsWith("estimated"))
        l.factors.push(factor("flap_area_estimated", w));
    }
    lines.push(...flapLines);
  }
  const byWound = oneRepairPerWound(
    repairs,
    live.filter((e) => e.kind === "debridement"),
  );
  lines.push(...repairLines(lex, byWound, w, issues));
  lines.push(...destructionLines(lex, live, w, issues));
  lines.push(...debridementLines(lex, live, w, issues));
  // Each ladder counts the events of its kind that its `when` selects (nail debridement, avulsion).
  for (const table of lex.tables) {
    if (table.kind !== "ladder" || FAMILY_LADDERS.has(table.procedure)) continue;
    const group = live.filter((e) => e.kind === table.procedure && matches(table.when, e));
    if (group.length > 0) lines.push(...mapLadder(table, counted(group, table), w));
  }
  lines.push(...fixedLines(lex, live, w));
  const many = live.filter((e) => e.kind !== "repair").length >= 3;
  for (const l of lines) {
    const evs = l.events.map((i) => events[i]!).filter(Boolean);
    if (evs.some((e) => e.skin === "unknown" && SKIN_KINDS.has(e.kind) && !softTissue(e)))
      l.factors.push(factor("skin_unconfirmed", w));
    if (evs.some((e) => e.siteInferred)) l.factors.push(factor("site_inferred", w));
    if (evs.some((e) => distinctLesionSizes(e) > 1)) l.factors.push(factor("size_ambiguous", w));
    // A removal coded on the benign grid while the report may still show a cancer is provisional.
    if (evs.some((e) => BENIGN_OR_MALIGNANT.has(e.kind) && e.malignancy === "pending"))
      l.factors.push(factor("pathology_pending", w));
    if (many) l.factors.push(factor("many_procedures", w));
  }
  return lines;
}

const softTissue = (e: ProcedureEvent) => e.histology?.tissue === "soft";

/** Lesion procedures need a skin lesion; flags what dermcode does not code. */
function codeable(
  e: ProcedureEvent,
  lex: CompiledLexicon,
  issues: Issue[],
  uncovered: Set<number>,
): boolean {
  const at = { start: e.anchors[0]!.start, end: e.anchors[0]!.end };
  if (e.kind === "unsupported") {
    uncovered.add(e.index);
    // A flap or graft of another organ (a mucoperiosteal flap, a cartilage graft) is no skin
    // procedure dermcode leaves out.
    if (e.skin === "organ") return false;
    issues.push({
      code: "procedure_not_covered",
      message: `not coded by dermcode: ${e.unsupported ?? "procedure outside the supported families"}`,
      severity: "warning",
      span: at,
      event: e.index,
    });
    return false;
  }
  const term = firstById(lex.source.histology.terms, e.histology?.ruleId);
  const site = firstById(lex.source.sites.sites, e.site?.ruleId);
  const unsupportedFor = term?.unsupportedFor?.[e.kind] ?? site?.unsupportedFor?.[e.kind];
  if (unsupportedFor) {
    uncovered.add(e.index);
    issues.push({
      code: "procedure_not_covered",
      message: unsupportedFor,
      severity: "warning",
      span: at,
      event: e.index,
    });
    return false;
  }
  if (e.kind === "excision" && softTissue(e) && !e.site?.softTissue) {
    uncovered.add(e.index);
    issues.push({
      code: "procedure_not_covered",
      message: `soft-tissue tumour excision ${e.site ? `at ${e.site.text}` : "without a site"}: the soft-tissue codes (21011-28047) go by region, and no region is known for ${e.site ? "this site" : "it"}, so no code is suggested`,
      severity: "warning",
      span: at,
      event: e.index,
    });
    return false;
  }
  // A skin technique word qualifying the word "biopsy" ("biopsy ... by punch") places it on the
  // skin like a lesion word; a technique verb alone ("the tibia was punched") does not.
  const namedWithTechnique =
    e.kind === "biopsy" &&
    e.technique !== undefined &&
    e.anchors.some((a) => !a.weak && a.procedure === "biopsy" && a.technique === undefined);
  if (
    LESION_KINDS.has(e.kind) &&
    !e.histology &&
    !e.anchors.some((a) => a.skinSpecific) &&
    !namedWithTechnique
  ) {
    issues.push({
      code: "no_skin_evidence",
      message: `${e.kind} with no skin lesion or skin technique documented: not coded as a skin procedure`,
      severity: "info",
      span: at,
      event: e.index,
    });
    return false;
  }
  if (SKIN_KINDS.has(e.kind) && e.skin === "organ") {
    uncovered.add(e.index);
    issues.push({
      code: "not_skin",
      message: `${e.kind} of a non-skin organ or tissue: not a skin procedure code`,
      severity: "info",
      span: at,
      event: e.index,
    });
    return false;
  }
  if (
    SKIN_KINDS.has(e.kind) &&
    e.skin === "unknown" &&
    !e.site?.siteGroup &&
    !SITE_OPTIONAL.has(e.kind)
  ) {
    issues.push({
      code: "no_skin_evidence",
      message: `${e.kind} with no skin site or skin word documented: not coded as a skin procedure`,
      severity: "info",
      span: at,
      event: e.index,
    });
    return false;
  }
  return true;
}

/** A soft-tissue excision with no depth written is coded as subcutaneous, and says so. */
function softTissueDepth(
  lines: DraftLine[],
  e: ProcedureEvent,
  w: Weights,
  issues: Issue[],
): DraftLine[] {
  // The excision techniques of the lexicon are depth phrases (subfascial, subcutaneous).
  if (!softTissue(e) || e.technique !== undefined) return lines;
  for (const l of lines) l.factors.push(factor("depth_assumed", w));
  issues.push({
    code: "depth_assumed",
    message:
      "soft-tissue tumour with no depth written: coded as subcutaneous; a tumour beneath the fascia or within muscle takes the subfascial code",
    severity: "warning",
    span: { start: e.anchors[0]!.start, end: e.anchors[0]!.end },
    event: e.index,
  });
  return lines;
}

function perLesionBand(
  lex: CompiledLexicon,
  e: ProcedureEvent,
  w: Weights,
  issues: Issue[],
): DraftLine[] {
  const tables = tablesOf(lex, "band", e.kind) as BandTableT[];
  if (e.kind !== "excimer" && e.kind !== "repair" && !e.site?.siteGroup) {
    issues.push({
      code: "site_missing",
      message: `${e.kind}: no anatomic site found, so the site group cannot be chosen`,
      severity: "warning",
      span: e.anchors[0]!,
      event: e.index,
    });
    return [];
  }
  for (const t of tables) {
    const lines = mapBand(t, e, w, issues);
    if (lines.length > 0) return withUnits(softTissueDepth(lines, e, w, issues), e);
  }
  // A wound repair with no site has no repair group: say so rather than drop it silently.
  if (e.kind === "repair" && !e.site && e.closes === undefined)
    issues.push({
      code: "site_missing",
      message: "repair: no anatomic site found, so the repair group cannot be chosen",
      severity: "warning",
      span: e.anchors[0]!,
      event: e.index,
    });
  return [];
}

function withUnits(lines: DraftLine[], e: ProcedureEvent): DraftLine[] {
  if (e.count <= 1 || e.kind === "repair" || e.kind === "excimer") return lines;
  return lines.map((l) => ({ ...l, units: l.units * e.count }));
}

function counted(events: ProcedureEvent[], table: LadderTableT): CountedGroup {
  const floors = events.map((e) => (e.technique ? (table.minCountFor?.[e.technique] ?? 0) : 0));
  const written = events.reduce((n, e) => n + e.count, 0);
  const count = Math.max(...floors, written);
  const floored =
    count > written
      ? events.find((e) => e.technique && table.minCountFor?.[e.technique])
      : undefined;
  const worst =
    events.find((e) => e.countSource === "vague") ??
    events.find((e) => e.countSource === "inferred") ??
    events[0]!;
  return {
    events,
    count,
    countSource: worst.countSource,
    evidence: events.flatMap((e) => e.evidence),
    noun: table.noun ?? ["lesion", "lesions"],
    ...(floored?.technique ? { floor: { technique: floored.technique, written } } : {}),
  };
}

/**
 * Debridement: the deepest layer removed chooses the code, and the wounds debrided to the same
 * depth are reported on their summed area (first 20 sq cm, then an add-on unit per further 20).
 */
function debridementLines(
  lex: CompiledLexicon,
  live: ProcedureEvent[],
  w: Weights,
  issues: Issue[],
): DraftLine[] {
  const table = (tablesOf(lex, "band", "debridement") as BandTableT[])[0];
  const events = live.filter((e) => e.kind === "debridement");
  if (!table || events.length === 0) return [];
  const byCode = new Map<string, (ProcedureEvent & { merged?: number[] })[]>();
  const codable = (e: ProcedureEvent) => table.rows.some((r) => matches(r.when, e));
  for (const e of oneWoundPerSite(events, codable)) {
    const row = table.rows.find((r) => matches(r.when, e));
    if (!row) {
      issues.push({
        code: "depth_missing",
        message: table.warnings?.unmatched ?? "no code row fits this debridement: not coded",
        severity: "warning",
        span: { start: e.anchors[0]!.start, end: e.anchors[0]!.end },
        event: e.index,
      });
      continue;
    }
    const code = row.codes[0]!;
    byCode.set(code, [...(byCode.get(code) ?? []), e]);
  }
  const lines: DraftLine[] = [];
  for (const group of byCode.values()) {
    const areas = group.map(woundArea);
    const known = areas.filter((a): a is { sqCm: number; from: string } => a !== undefined);
    const summed: ProcedureEvent = {
      ...group[0]!,
      anchors: group.flatMap((e) => e.anchors),
      evidence: group.flatMap((e) => e.evidence),
      derived:
        known.length === 0
          ? {}
          : {
              defectAreaSqCm: roundTo(
                known.reduce((a, k) => a + k.sqCm, 0),
                2,
              ),
              defectAreaFrom: known.map((k) => k.from).join(" + "),
            },
    };
    const drafted = mapBand(table, summed, w, issues);
    const assumed = group.some((e) => e.technique === undefined && e.codeKey === "excisional");
    for (const l of drafted) {
      l.events = group.flatMap((e) => e.merged ?? [e.index]);
      l.lesions = group.map((e) => e.lesion);
      if (known.length > 0 && known.length < group.length)
        l.factors.push(factor("size_missing", w));
      if (assumed) l.factors.push(factor("depth_assumed", w));
    }
    if (assumed && drafted.length > 0)
      issues.push({
        code: "depth_assumed",
        message: table.warnings?.assumed ?? "no layer written: the default depth was coded",
        severity: "warning",
        span: { start: group[0]!.anchors[0]!.start, end: group[0]!.anchors[0]!.end },
        event: group[0]!.index,
      });
    lines.push(...drafted);
  }
  return lines;
}

/**
 * Debridements that share a measurement, or name the same site (or none) without two different
 * sizes (the title and the operative narrative), are one wound: it takes the deepest layer any of
 * them names and the largest area.
 */
function oneWoundPerSite(
  events: ProcedureEvent[],
  codable: (e: ProcedureEvent) => boolean = () => true,
): (ProcedureEvent & { merged?: number[] })[] {
  const groups: ProcedureEvent[][] = [];
  // One wound: the same measurement, or the same site (or none) without two different sizes.
  const sizes = (e: ProcedureEvent) =>
    new Set(e.sizes.filter((x) => x.dims.length >= 2 || x.unit === "cm2").map((x) => x.start));
  const samePlace = (a: ProcedureEvent, b: ProcedureEvent) => {
    const [sa, sb] = [sizes(a), sizes(b)];
    if ([...sa].some((x) => sb.has(x))) return true;
    if (sa.size > 0 && sb.size > 0) return false;
    return !differentSites(a, b);
  };
  for (const e of events) {
    const home = groups.find((g) => g.every((x) => samePlace(x, e)));
    if (home) home.push(e);
    else groups.push([e]);
  }
  return groups.map((group) => {
    if (group.length === 1) return group[0]!;
    // At equal depth, one a code row fits ("Debridement of ischial ulcer" told again as "granulation
    // tissue ... was sharply excised": the excision says it was an excisional debridement).
    const deepest = [...group].sort(
      (a, b) =>
        (b.techniqueRank ?? 0) - (a.techniqueRank ?? 0) || Number(codable(b)) - Number(codable(a)),
    )[0]!;
    const largest = [...group].sort(
      (a, b) => (woundArea(b)?.sqCm ?? 0) - (woundArea(a)?.sqCm ?? 0),
    )[0]!;
    return {
      ...deepest,
      sizes: largest.sizes,
      derived: largest.derived,
      count: largest.count,
      anchors: group.flatMap((e) => e.anchors),
      evidence: group.flatMap((e) => e.evidence),
      merged: group.map((e) => e.index),
    };
  });
}

/**
 * The area a debridement event covers: a written area, else its largest length x width; an event
 * of several wounds ("two ulcers ...: 6 x 5 cm and 4 x 4 cm") adds up their sizes. Failing a wound
 * size, the length x width of the ellipse cut around the dead tissue ("a 12 x 4 cm elliptical
 * incision was made around the necrotic tissue and it was excised"): two dimensions of an incision
 * measure the skin taken out (a closure length has one dimension).
 */
function woundArea(e: ProcedureEvent): { sqCm: number; from: string } | undefined {
  if (e.derived.areaSqCm !== undefined)
    return { sqCm: e.derived.areaSqCm, from: `${e.derived.areaSqCm} sq cm` };
  const two = areaMeasures(e.sizes).map((s) => ({
    start: s.start,
    sqCm: roundTo(s.dims[0]! * s.dims[1]!, 2),
    from: `${s.dims[0]} x ${s.dims[1]} cm`,
  }));
  if (two.length === 0) return undefined;
  if (e.count > 1 && two.length > 1) {
    const each = [...new Map(two.map((t) => [t.start, t])).values()].slice(0, e.count);
    return {
      sqCm: roundTo(
        each.reduce((a, t) => a + t.sqCm, 0),
        2,
      ),
      from: each.map((t) => t.from).join(" + "),
    };
  }
  return two.sort((a, b) => b.sqCm - a.sqCm)[0];
}

/** Destruction: lesion types decide the family; counted families add up over the visit. */
function destructionLines(
  lex: CompiledLexicon,
  live: ProcedureEvent[],
  w: Weights,
  issues: Issue[],
): DraftLine[] {
  const families = new Map<string, Family>();
  const lines: DraftLine[] = [];
  for (const e of live) {
    if (e.kind !== "destruction" && e.kind !== "skin_tag" && e.kind !== "removal") continue;
    const lesions = (
      e.lesions.length > 0 ? e.lesions : [{ histology: e.histology, count: e.count }]
    ).map((l) => ({ ...l, family: familyOf(lex, e, l.histology?.ruleId) }));
    // A lesion type named beside the destroyed ones ("a nevus shaved and 5 warts destroyed")
    // is not a missing type: warn only when no lesion of the event chooses a family.
    const typed = lesions.some((l) => l.family !== undefined);
    for (const l of lesions) {
      const family = l.family;
      if (!family && typed) continue;
      if (!family) {
        // Only a named skin destruction ("LN2", "ED&C") is worth a warning; a generic verb
        // ("removed", "treated", "frozen") with no lesion type is most likely no skin procedure.
        const named = e.kind === "destruction" && e.anchors.some((a) => a.skinSpecific);
        issues.push({
          code: "lesion_type_missing",
          message: `${e.kind.replaceAll("_", " ")} without a lesion type that chooses the code family`,
          severity: named ? "warning" : "info",
          span: e.anchors[0]!,
          event: e.index,
        });
        continue;
      }
      // Families sized per lesion (malignant by diameter, vascular by treated area) have a band table.
      const table = (tablesOf(lex, "band", "destruction") as BandTableT[]).find((t) =>
        t.rows.some((r) => r.when.destruction?.includes(family)),
      );
      if (table) {
        const needsSite = table.rows.some((r) => r.when.siteGroup);
        if (needsSite && !e.site?.siteGroup)
          issues.push({
            code: "site_missing",
            message: `${family} destruction without a site`,
            severity: "warning",
            span: e.anchors[0]!,
            event: e.index,
          });
        else {
          const drafted = withUnits(mapBand(table, e, w, issues, { destruction: family }), e);
          // A cancer destroyed before its pathology confirms it is coded on the clinical call.
          if (family === "malignant" && e.malignancy !== "malignant") {
            for (const d of drafted)
              d.factors.push(
                factor(
                  e.pathology === "pending"
                    ? "pathology_pending"
                    : e.malignancy === "uncertain"
                      ? "malignancy_suspected"
                      : "malignancy_clinical",
                  w,
                ),
              );
          }
          lines.push(...drafted);
        }
        continue;
      }
      const f: Family = families.get(family) ?? {
        events: [],
        count: 0,
        vague: false,
        byEvent: new Map(),
      };
      if (!f.events.includes(e)) f.events.push(e);
      f.count += l.count;
      f.byEvent.set(e, (f.byEvent.get(e) ?? 0) + l.count);
      f.vague ||= e.countSource === "vague";
      families.set(family, f);
    }
  }
  for (const [family, f] of families) {
    const table = lex.tables.find(
      (t) =>
        t.kind === "ladder" &&
        (family === "skin_tag" ? t.procedure === "skin_tag" : t.when.destruction?.includes(family)),
    ) as LadderTableT | undefined;
    if (!table) continue;
    // The ladder's other conditions ("granulation tissue" is 17250 only by a chemical) choose
    // which events it counts.
    const fits = f.events.filter((e) => matches(table.when, e, { destruction: family }));
    for (const e of f.events.filter((x) => !fits.includes(x)))
      issues.push({
        code: "no_code_row",
        message: `no code fits this ${table.noun?.[0] ?? "destruction"} as documented: not coded`,
        severity: "info",
        span: { start: e.anchors[0]!.start, end: e.anchors[0]!.end },
        event: e.index,
      });
    if (fits.length === 0) continue;
    if (fits.length < f.events.length) f.count = fits.reduce((n, e) => n + f.byEvent.get(e)!, 0);
    f.events = fits;
    const g = counted(f.events, table);
    const ladder = mapLadder(
      table,
      { ...g, count: f.count, countSource: f.vague ? "vague" : g.countSource },
      w,
    );
    // AKs and warts destroyed in one sentence are still different lesions for the edits.
    for (const l of ladder) l.lesions = f.events.map((e) => `${e.lesion}:${family}`);
    lines.push(...ladder);
  }
  return lines;
}

/** Destroyed lesions of one family (premalignant, benign, granulation ...) across the note. */
interface Family {
  events: ProcedureEvent[];
  count: number;
  vague: boolean;
  /** Lesions each event adds to the count. */
  byEvent: Map<ProcedureEvent, number>;
}

export function familyOf(
  lex: CompiledLexicon,
  e: ProcedureEvent,
  ruleId: string | undefined,
): string | undefined {
  const term = firstById(lex.source.histology.terms, ruleId ?? e.histology?.ruleId);
  if (e.kind === "removal")
    return term?.removal === "skin_tag"
      ? "skin_tag"
      : term?.removal === "destruction"
        ? term.destruction
        : undefined;
  if (e.kind === "skin_tag") return term?.destruction === "skin_tag" ? "skin_tag" : undefined;
  return term?.destruction;
}

/** Does a fixed table of the event's procedure have a row for it? */
function inFixedTable(lex: CompiledLexicon, e: ProcedureEvent): boolean {
  return lex.tables.some(
    (t) => t.kind === "fixed" && t.procedure === e.kind && t.rows.some((r) => matches(r.when, e)),
  );
}

function fixedLines(lex: CompiledLexicon, live: ProcedureEvent[], w: Weights): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const t of lex.tables.filter((x): x is FixedTableT => x.kind === "fixed")) {
    const coded = new Set<number>();
    const byCode = new Map<string, DraftLine>();
    for (const row of t.rows) {
      // An event is reported once per table, by the first row it matches.
      const events = live.filter(
        (e) => e.kind === t.procedure && !coded.has(e.index) && matches(row.when, e),
      );
      if (events.length === 0) continue;
      for (const e of events) coded.add(e.index);
      // A visit code is reported once however many mentions name it ("PDT with debridement
      // today" and the treatment's own description).
      const same = t.per === "visit" ? byCode.get(row.code) : undefined;
      if (same) {
        same.events.push(...events.map((e) => e.index));
        same.lesions.push(...events.map((e) => e.lesion));
        same.evidence = [...same.evidence, ...events.flatMap((e) => e.evidence)];
        same.ruleIds.push(row.id);
        continue;
      }
      const line: DraftLine = {
        code: row.code,
        units: 1,
        modifiers: [],
        description: row.label,
        rationale: `${row.label}: documented treatment today.`,
        events: events.map((e) => e.index),
        lesions: events.map((e) => e.lesion),
        evidence: events.flatMap((e) => e.evidence),
        factors: [factor("size_explicit", w)],
        ruleIds: [t.id, row.id],
      };
      byCode.set(row.code, line);
      lines.push(line);
    }
  }
  return lines;
}

/** How many different lesion (or unlabelled) sizes the procedure's description gives. */
function distinctLesionSizes(e: ProcedureEvent): number {
  return new Set(e.sizes.filter(isLesionSize).map((s) => s.value)).size;
}

/**
 * Closures of debridements that are one wound (the title's "debridement ... simple closure 8 cm"
 * and the narrative's) are one repair of that wound: its longest documented length, not a sum.
 */
function oneRepairPerWound(repairs: ProcedureEvent[], debridements: ProcedureEvent[]) {
  const woundOf = new Map<number, number>();
  for (const wound of oneWoundPerSite(debridements))
    for (const i of wound.merged ?? [wound.index]) woundOf.set(i, wound.merged?.[0] ?? i);
  const byKey = new Map<string, ProcedureEvent[]>();
  const out: ProcedureEvent[] = [];
  for (const e of repairs) {
    const wound = e.closes !== undefined ? woundOf.get(e.closes) : undefined;
    if (wound === undefined) out.push(e);
    else {
      const key = `${wound}|${e.repairType}|${e.encounter ?? 0}`;
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
  }
  for (const group of byKey.values())
    out.push(joinedRepair(group, (lengths) => Math.max(...lengths)));
  return out;
}

/** Repairs reported as one: their mentions and sizes together, their lengths combined. */
function joinedRepair(
  group: ProcedureEvent[],
  combine: (lengths: number[]) => number,
): ProcedureEvent {
  const lengths = repairLengthsOf(group);
  return {
    ...group[0]!,
    anchors: group.flatMap((e) => e.anchors),
    sizes: group.flatMap((e) => e.sizes),
    evidence: group.flatMap((e) => e.evidence),
    derived: lengths.length > 0 ? { repairLengthCm: combine(lengths) } : {},
  };
}

function repairLengthsOf(group: ProcedureEvent[]): number[] {
  return group.flatMap((e) =>
    e.derived.repairLengthCm !== undefined ? [e.derived.repairLengthCm] : [],
  );
}

/**
 * The lines of the repairs of a session (one per wound): summed by type and repair group, a
 * complex repair too short for its codes retyped. Each line keeps the repairs it sums
 * (`repairs`), so an edit that bundles some of their wounds can code the rest again.
 */
export function repairLines(
  lex: CompiledLexicon,
  repairs: ProcedureEvent[],
  w: Weights,
  issues: Issue[],
): DraftLine[] {
  const lines: DraftLine[] = [];
  const byIndex = new Map(repairs.map((e) => [e.index, e]));
  const changed = new Map<number, { ruleId: string; note: string }>();
  const retyped = belowMinimum(lex, repairGroups(repairs), issues, changed).flat();
  for (const group of repairGroups(retyped)) {
    const own = repairLine(lex, group, w, issues);
    // "Complex repair 1.0 cm" coded 12031: the line names the rule and says why.
    const why = group.map((e) => changed.get(e.index)).find((r) => r !== undefined);
    const sums = group.map((e) => byIndex.get(e.index) ?? e);
    for (const l of own) {
      l.repairs = sums;
      if (!why) continue;
      l.ruleIds.push(why.ruleId);
      l.rationale = withClause(l.rationale, "; ", why.note);
    }
    lines.push(...own);
  }
  return lines;
}

/**
 * Repairs of one type in one repair group are reported together on their summed length
 * (reference 3.6). A simple closure of a lesion's own wound stays on its own line, so the edit
 * that bundles it into the excision can drop it alone.
 */
function repairGroups(repairs: ProcedureEvent[]): ProcedureEvent[][] {
  const groups = new Map<string, ProcedureEvent[]>();
  for (const e of repairs) {
    const group = e.repairType ? e.site?.repairGroups[e.repairType] : undefined;
    const own = e.repairType === "simple" && e.closes !== undefined ? `#${e.index}` : "";
    const key = `${e.repairType}|${group ?? `?${e.index}`}|${own}|${e.encounter ?? 0}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

/**
 * Repairs of a type whose codes start above a minimum length (complex repair: 1.1 cm), summed
 * per repair group to the minimum or less, are reported as the type the table names instead
 * (intermediate: reference 3.6), so they sum with the other repairs of that type and group.
 */
function belowMinimum(
  lex: CompiledLexicon,
  groups: ProcedureEvent[][],
  issues: Issue[],
  changed: Map<number, { ruleId: string; note: string }>,
): ProcedureEvent[][] {
  const tables = tablesOf(lex, "band", "repair").filter((t) => t.belowMinimum);
  return groups.map((group) => {
    const lengths = repairLengthsOf(group);
    if (lengths.length < group.length) return group;
    const total = lengths.reduce((a, b) => a + b, 0);
    const first = group[0]!;
    for (const t of tables) {
      const row = t.rows.find((r) => matches(r.when, first));
      if (!row || row.minimum === undefined || total > row.minimum) continue;
      const rule = t.belowMinimum!;
      const none = `no ${first.repairType} repair code exists at ${fmtCm(row.minimum)} or less`;
      issues.push({
        code: "repair_type_changed",
        message: `${first.repairType} repair of ${fmtCm(total)}: ${none}, so it is reported as ${rule.repairType} repair instead (reference 3.6)`,
        severity: "warning",
        span: { start: first.anchors[0]!.start, end: first.anchors[0]!.end },
        event: first.index,
        ruleId: rule.id,
      });
      const note = `${first.repairType} repair of ${fmtCm(total)} reported as ${rule.repairType}: ${none} (reference 3.6)`;
      for (const e of group) changed.set(e.index, { ruleId: rule.id, note });
      return group.map((e) => ({
        ...e,
        repairType: rule.repairType,
        ruleIds: [...e.ruleIds, rule.id],
      }));
    }
    return group;
  });
}

function repairLine(
  lex: CompiledLexicon,
  group: ProcedureEvent[],
  w: Weights,
  issues: Issue[],
): DraftLine[] {
  if (group.length === 1) return perLesionBand(lex, group[0]!, w, issues);
  const lengths = repairLengthsOf(group);
  const summed = joinedRepair(
    group,
    (all) => Math.round(all.reduce((a, b) => a + b, 0) * 100) / 100,
  );
  const lines = perLesionBand(lex, summed, w, issues);
  for (const l of lines) {
    l.events = group.map((e) => e.index);
    l.lesions = group.map((e) => e.lesion);
    l.rationale = withClause(
      l.rationale,
      ", ",
      `summed over ${group.length} wounds of this repair type and group`,
    );
    // Some wounds without a length (when none had one, the band already says so).
    const flagged = l.factors.some((f) => f.name === "repair_length_missing");
    if (lengths.length < group.length && !flagged)
      l.factors.push(factor("repair_length_missing", w));
  }
  return lines;
}
