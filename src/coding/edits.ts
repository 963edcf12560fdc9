import { deriveSizes, isLesionSize } from "../group/derive.ts";
import { differentSites, lesionTypeAllows } from "../group/lesions.ts";
import { markNotBilled } from "../group/not-billed.ts";
import type { ProcedureEvent } from "../group/types.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { EditRule } from "../schemas/edits.ts";
import type { Issue } from "../types.ts";
import { inCodeSet } from "./code-sets.ts";
import { type DraftLine, factor } from "./lines.ts";
import { familyOf, repairLines } from "./map.ts";

export { inCodeSet };

export type Rule<K extends EditRule["kind"]> = Extract<EditRule, { kind: K }>;

/** The edit rules of each kind, sorted once per rule list (they are read for every note). */
const rulesByKind = new WeakMap<readonly EditRule[], Map<string, EditRule[]>>();

export function rulesOf<K extends EditRule["kind"]>(lex: CompiledLexicon, kind: K): Rule<K>[] {
  const all = lex.source.edits.rules;
  let byKind = rulesByKind.get(all);
  if (!byKind) {
    byKind = new Map();
    rulesByKind.set(all, byKind);
  }
  let rules = byKind.get(kind);
  if (!rules) {
    rules = all.filter((r) => r.kind === kind);
    byKind.set(kind, rules);
  }
  return rules as Rule<K>[];
}

/**
 * Event-level edits: a biopsy of a lesion that was then removed is included in the removal. A
 * skin procedure taken into an operation of another organ that dermcode does not code (and does
 * not warn about: "Reduction mammoplasty ... the lesion of the breast skin was excised") gets a
 * warning of its own, so that it is never dropped unseen.
 */
export function applyEventEdits(
  events: ProcedureEvent[],
  lex: CompiledLexicon,
  issues: Issue[] = [],
): void {
  for (const rule of rulesOf(lex, "sameLesion")) {
    for (const e of events) {
      if (!e.assertion.billable || !rule.drop.includes(e.kind as never)) continue;
      if (rule.tissue && !rule.tissue.includes(tissueOf(e, events))) continue;
      if (rule.malignancy && !rule.malignancy.includes(e.malignancy)) continue;
      if (rule.techniques && (!e.technique || !rule.techniques.includes(e.technique))) continue;
      if (rule.dropCodeKeys && (!e.codeKey || !rule.dropCodeKeys.includes(e.codeKey))) continue;
      const definitive = events.find(
        (d) =>
          d !== e &&
          (rule.bySite ? !differentSites(e, d) : d.lesion === e.lesion) &&
          d.assertion.billable &&
          rule.when.includes(d.kind as never) &&
          (!rule.codeKeys || (d.codeKey !== undefined && rule.codeKeys.includes(d.codeKey))) &&
          lesionTypeAllows(rule, e, d) &&
          chosenFamily(d, lex),
      );
      if (!definitive) continue;
      markNotBilled(
        e,
        `included in the ${procedureName(definitive, lex)} of the same ${rule.bySite ? "site" : "lesion"}`,
        rule.id,
      );
      lendLesionSize(e, definitive);
      if (definitive.kind === "unsupported" && definitive.skin === "organ" && skinLesion(e))
        issues.push({
          code: "procedure_not_covered",
          message: `not coded: the ${procedureName(e, lex)} was taken as part of the "${definitive.anchors[0]!.text}" procedure on another organ, which dermcode does not code; code it by hand if it removed a separate skin lesion`,
          severity: "warning",
          span: { start: e.anchors[0]!.start, end: e.anchors[0]!.end },
          event: e.index,
          ruleId: rule.id,
        });
    }
  }
}

/**
 * "A biopsy-proven BCC of the back measuring 1.2 cm. The dermatologist excised the lesion with
 * 0.4 cm margins.": the lesion's size, read with the procedure now included in the removal of the
 * same lesion, sizes that removal when it measured nothing of the lesion itself.
 */
function lendLesionSize(included: ProcedureEvent, into: ProcedureEvent): void {
  if (into.derived.lesionCm !== undefined || included.derived.lesionCm === undefined) return;
  const lesion = included.sizes.filter(isLesionSize);
  if (lesion.length === 0) return;
  into.sizes.push(...lesion);
  into.derived = deriveSizes(into.sizes);
  into.evidence.push(...lesion);
  into.ruleIds.push("edit.same-lesion.size");
}

/** A removal of a lesion not placed in an organ ("Excision of right breast lateral lesion"). */
const LESION_REMOVALS = new Set(["excision", "shave", "biopsy"]);
function skinLesion(e: ProcedureEvent): boolean {
  return LESION_REMOVALS.has(e.kind) && e.histology !== undefined;
}

/**
 * A destruction whose lesion type chooses no code family ("followed by ED&C. Path pending.") is
 * not coded, so it includes nothing: the biopsy stays the claim's line.
 */
function chosenFamily(d: ProcedureEvent, lex: CompiledLexicon): boolean {
  if (d.kind !== "destruction") return true;
  const lesions = d.lesions.length > 0 ? d.lesions.map((l) => l.histology) : [d.histology];
  return lesions.some((h) => familyOf(lex, d, h?.ruleId) !== undefined);
}

/** How a reason names the procedure that includes another (lexicon procedures `kindNames`). */
function procedureName(e: ProcedureEvent, lex: CompiledLexicon): string {
  const names = lex.source.procedures.kindNames;
  return names[`${e.kind}:${e.codeKey}`] ?? names[e.kind] ?? e.kind.replaceAll("_", " ");
}

/** The tissue of an event's lesion; a repair takes the tissue of the wound it closes. */
function tissueOf(e: ProcedureEvent, events: ProcedureEvent[]): "skin" | "soft" {
  const wound = e.closes !== undefined ? events[e.closes] : undefined;
  const lesion = events.find((x) => x.lesion === e.lesion && x.histology);
  return (e.histology ?? wound?.histology ?? lesion?.histology)?.tissue ?? "skin";
}

/** Line-level edits: exclusivity, bundling, add-on pairing, unit limits, distinct-lesion modifiers. */
export function applyLineEdits(
  lines: DraftLine[],
  events: ProcedureEvent[],
  lex: CompiledLexicon,
  style: "59" | "X",
  issues: Issue[],
): DraftLine[] {
  let live = lines;
  const drop = (l: DraftLine, ruleId: string, message: string) => {
    l.droppedBy = ruleId;
    issues.push({
      code: "line_bundled",
      message: `${l.code} ${message}`,
      severity: "info",
      ruleId,
    });
  };
  for (const r of rulesOf(lex, "exclusive")) {
    const kept = live.filter((l) => inCodeSet(r.keep, l.code));
    if (kept.length === 0) continue;
    for (const l of live) {
      if (!inCodeSet(r.drop, l.code)) continue;
      if (r.sameLesion && !kept.some((k) => k.lesions.some((x) => l.lesions.includes(x)))) continue;
      drop(l, r.id, "is not reported with the code that replaces it");
    }
  }
  live = live.filter((l) => !l.droppedBy);
  for (const r of rulesOf(lex, "bundle")) {
    const added: DraftLine[] = [];
    for (const l of live) {
      if (l.droppedBy || !inCodeSet(r.codes, l.code)) continue;
      // The repair closes the wound of a lesion; the code it is included in treats that lesion.
      const intoOf = (evs: number[]) => {
        const wounds = evs.flatMap((i) => {
          const closes = events[i]?.closes;
          return closes === undefined ? [] : [closes, events[closes]!.lesion];
        });
        return live.find(
          (o) =>
            o !== l &&
            inCodeSet(r.into, o.code) &&
            (o.events.some((i) => wounds.includes(i)) ||
              o.lesions.some((x) => wounds.includes(x as number))),
        );
      };
      const into = intoOf(l.events);
      if (!into) continue;
      // Repairs summed over several wounds: only the bundled wounds leave the sum; the rest is
      // coded again on its own length (and band), replacing the lines of the whole sum.
      const rest = (l.repairs ?? []).filter((e) => !intoOf([e.index]));
      if (rest.length === 0 || rest.length === l.repairs!.length) {
        drop(l, r.id, `is included in ${into.code} (same wound)`);
        continue;
      }
      const sum = live.filter((o) => o.repairs === l.repairs);
      const own: Issue[] = [];
      const again = repairLines(lex, rest, lex.source.confidence.factors, own);
      const known = new Set(issues.map((i) => `${i.code}|${i.message}`));
      issues.push(...own.filter((i) => !known.has(`${i.code}|${i.message}`)));
      for (const n of again) n.ruleIds.push(r.id);
      const left = again.map((n) => `${n.code}${n.units > 1 ? ` x${n.units}` : ""}`).join(" + ");
      for (const o of sum)
        drop(
          o,
          r.id,
          `sums a wound included in ${into.code}; the other wounds are reported as ${left || "nothing"}`,
        );
      added.push(...again);
    }
    live = [...live.filter((l) => !l.droppedBy), ...added];
  }
  live = addonPairing(live, lex, drop);
  unitLimits(live, lex, issues);
  distinctModifiers(live, lex, style);
  encounterModifiers(live, events, lex, style);
  return live;
}

function addonPairing(
  lines: DraftLine[],
  lex: CompiledLexicon,
  drop: (l: DraftLine, id: string, m: string) => void,
) {
  for (const r of rulesOf(lex, "addonRequires")) {
    for (const l of lines) {
      if (l.code === r.addon && !lines.some((p) => inCodeSet(r.primaries, p.code))) {
        drop(l, r.id, "is an add-on without an allowed primary code");
      }
    }
  }
  return lines.filter((l) => !l.droppedBy);
}

function unitLimits(lines: DraftLine[], lex: CompiledLexicon, issues: Issue[]): void {
  const w = lex.source.confidence.factors;
  for (const r of rulesOf(lex, "unitLimit")) {
    for (const l of lines) {
      if (!inCodeSet(r.codes, l.code) || l.units <= r.max) continue;
      const message = `${l.code} x${l.units} is over the unit limit of ${r.max} a day`;
      if (r.mai === 2) {
        issues.push({
          code: "units_capped",
          message: `${message}: capped (absolute limit)`,
          severity: "warning",
          ruleId: r.id,
        });
        l.units = r.max;
        l.factors.push(factor("units_capped", w, { ruleId: r.id }));
      } else {
        issues.push({
          code: "units_over_limit",
          message: `${message}: documentation or separate lines may be needed`,
          severity: "warning",
          ruleId: r.id,
        });
      }
      l.ruleIds.push(r.id);
    }
  }
}

/** The distinct-lesion modifier goes on the column-2 code of a pair that treats different lesions. */
function distinctModifiers(lines: DraftLine[], lex: CompiledLexicon, style: "59" | "X"): void {
  const modifier = lex.source.edits.modifierStyles[style].distinct;
  for (const r of rulesOf(lex, "distinct")) {
    for (const c2 of lines) {
      if (!inCodeSet(r.column2, c2.code) || lex.source.codeCatalog.codes[c2.code]?.addon) continue;
      const c1 = lines.find((l) => l !== c2 && inCodeSet(r.column1, l.code));
      if (!c1 || c1.lesions.some((x) => c2.lesions.includes(x))) continue;
      if (!c2.modifiers.includes(modifier)) c2.modifiers.push(modifier);
      c2.ruleIds.push(r.id);
    }
  }
}

/**
 * Lines of a separate same-date encounter take XE (59 in the 59 style); the encounter of the
 * highest-ranked line is the main one.
 */
function encounterModifiers(
  lines: DraftLine[],
  events: ProcedureEvent[],
  lex: CompiledLexicon,
  style: "59" | "X",
): void {
  const encounterOf = (l: DraftLine) => events[l.events[0]!]?.encounter ?? 0;
  if (new Set(lines.map(encounterOf)).size < 2) return;
  const catalog = lex.source.codeCatalog.codes;
  const rank = (l: DraftLine) => (catalog[l.code]?.addon ? -1 : (catalog[l.code]?.rank ?? 0));
  const main = encounterOf([...lines].sort((a, b) => rank(b) - rank(a))[0]!);
  const { distinct, encounter } = lex.source.edits.modifierStyles[style];
  const id = lex.source.edits.encounters.id;
  for (const l of lines) {
    if (encounterOf(l) === main || catalog[l.code]?.addon) continue;
    // The encounter modifier says more than the distinct-lesion one it replaces.
    l.modifiers = l.modifiers.filter((m) => m !== distinct);
    if (!l.modifiers.includes(encounter)) l.modifiers.push(encounter);
    l.ruleIds.push(id);
  }
}
