import type { Diagnosis, Laterality, Malignancy, Span } from "../schemas/api.ts";
import type { Icd10Family, Icd10Histology, Icd10Lexicon } from "../schemas/icd10.ts";
import { resolveSite } from "./icd/site.ts";

/** One diagnosis statement about one lesion or area, as the extractor found it. */
export interface DiagnosisFact {
  /** Histology key of the agreed vocabulary (lexicon/icd10.json `histologies`). */
  histology?: string;
  malignancy: Malignancy;
  /** "final": confirmed by pathology or a prior biopsy; "pending": sent, no result; "none": clinical only. */
  pathology: "final" | "pending" | "none";
  /** ICD site key (lexicon/icd10.json `siteKeys`). */
  site?: string;
  eyelid?: "upper" | "lower";
  laterality?: Laterality;
  temporality: "recent" | "historical";
  experiencer: "patient" | "other";
  evidence: Span[];
  /** Indexes of the procedures this diagnosis supports. */
  procedures: number[];
  ruleIds: string[];
}

export interface DiagnosisWarning {
  kind: string;
  message: string;
  procedure?: number;
}

export interface DiagnosisOutcome {
  diagnoses: Diagnosis[];
  warnings: DiagnosisWarning[];
}

interface CodeInfo {
  description: string;
  unverified: boolean;
}

/** The ICD-10-CM lexicon, indexed for lookups. Immutable; build once with `compileIcd10`. */
export interface CompiledIcd10 {
  release: string;
  version: string;
  siteKeys: ReadonlySet<string>;
  histologies: ReadonlyMap<string, Icd10Histology>;
  families: ReadonlyMap<string, Icd10Family>;
  codes: ReadonlyMap<string, CodeInfo>;
  policies: Icd10Lexicon["policies"];
  confidence: Icd10Lexicon["confidence"];
}

/** Index a parsed lexicon (Icd10LexiconSchema). Throws if a reference does not resolve. */
export function compileIcd10(lex: Icd10Lexicon): CompiledIcd10 {
  const families = new Map(Object.entries(lex.families));
  const histologies = new Map(Object.entries(lex.histologies));
  const valid = new Set(lex.validCodes);
  const codes = new Map<string, CodeInfo>();
  for (const [code, info] of Object.entries(lex.codes)) {
    if (!valid.has(code)) throw new Error(`icd10 lexicon: ${code} is not in validCodes`);
    codes.set(code, { description: info.description, unverified: info.unverified });
  }
  for (const [key, h] of histologies) {
    if (h.family !== undefined && !families.has(h.family)) {
      throw new Error(`icd10 lexicon: histology ${key} names unknown family ${h.family}`);
    }
  }
  return {
    release: lex.release,
    version: lex.version,
    siteKeys: new Set(Object.keys(lex.siteKeys)),
    histologies,
    families,
    codes,
    policies: lex.policies,
    confidence: lex.confidence,
  };
}

interface Pending {
  code: string;
  confidence: number;
  evidence: Span[];
  procedures: number[];
  ruleIds: string[];
}

interface Accumulated extends Pending {
  order: number;
}

const human = (key: string | undefined, fallback: string) =>
  key ? key.replace(/_/g, " ") : fallback;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/**
 * Suggest ICD-10-CM codes for the diagnosis facts of one note. Pure: same input, same output.
 * Rules: final pathology replaces clinical/pending facts of the same procedure; malignant
 * histology needs final pathology (else D49.2 when sampled, else nothing); pending pathology on a
 * neoplasm gives D49.2; historical skin cancers give history Z codes; someone else's skin cancer
 * gives the family-history code. Identical codes are merged; codes linked to procedures come first.
 */
export function suggestDiagnoses(facts: DiagnosisFact[], icd: CompiledIcd10): DiagnosisOutcome {
  const { policies: pol, confidence: conf } = icd;
  const live = (f: DiagnosisFact) => f.experiencer === "patient" && f.temporality === "recent";

  const finalProcedures = new Set<number>();
  for (const f of facts) {
    if (live(f) && f.pathology === "final") for (const p of f.procedures) finalProcedures.add(p);
  }

  const out: Pending[] = [];
  const warnings: DiagnosisWarning[] = [];

  for (const f of facts) {
    const key = f.histology ?? (live(f) ? pol.fallbackByMalignancy[f.malignancy] : undefined);
    const hist = key === undefined ? undefined : icd.histologies.get(key);
    const vars = {
      histology: human(f.histology ?? key, "(no diagnosis documented)"),
      site: human(f.site, "site not stated"),
    };
    const base = (procedures: number[]) => ({
      evidence: f.evidence,
      procedures,
      ruleIds: uniq([...f.ruleIds, ...(hist ? [hist.id] : [])]),
    });
    const warn = (kind: string, message: string, procedures: number[]) => {
      if (procedures.length === 0) warnings.push({ kind, message });
      for (const procedure of procedures) warnings.push({ kind, message, procedure });
    };

    if (f.experiencer === "other") {
      if (hist?.familyHistory) {
        const b = base([]);
        out.push({
          ...b,
          code: hist.familyHistory,
          confidence: conf.familyHistory,
          ruleIds: [...b.ruleIds, pol.otherPerson.id],
        });
      }
      continue;
    }
    if (f.temporality === "historical") {
      if (hist?.history) {
        const b = base(f.procedures);
        out.push({
          ...b,
          code: hist.history,
          confidence: conf.history,
          ruleIds: [...b.ruleIds, pol.historical.id],
        });
      }
      continue;
    }

    // Pathology wins: a clinical or pending fact loses the procedures a final fact covers.
    const procedures =
      f.pathology === "final" ? f.procedures : f.procedures.filter((p) => !finalProcedures.has(p));
    if (f.procedures.length > 0 && procedures.length === 0) continue;
    const superseded = procedures.length < f.procedures.length ? [pol.pathologyWins.id] : [];

    if (hist === undefined) {
      warn(pol.unmapped.warning.kind, fill(pol.unmapped.warning.message, vars), procedures);
      continue;
    }
    const b = base(procedures);
    const unspecified = (policyId: string, code: string) =>
      out.push({
        ...b,
        code,
        confidence: conf.unspecifiedBehavior,
        ruleIds: [...b.ruleIds, ...superseded, policyId],
      });

    if (hist.requiresFinalPathology && f.pathology !== "final") {
      if (f.pathology === "pending") {
        const p = pol.pendingPathology;
        unspecified(p.id, p.code);
        warn(p.warning.kind, fill(p.warning.message, { ...vars, code: p.code }), procedures);
      } else {
        const p = pol.unconfirmedMalignancy;
        if (procedures.length > 0) unspecified(p.id, p.code);
        const message = procedures.length > 0 ? p.warning.message : p.messageWithoutProcedure;
        warn(p.warning.kind, fill(message, { ...vars, code: p.code }), procedures);
      }
      continue;
    }
    if (f.pathology === "pending" && hist.pendingAsUnspecified) {
      const p = pol.pendingPathology;
      unspecified(p.id, p.code);
      warn(p.warning.kind, fill(p.warning.message, { ...vars, code: p.code }), procedures);
      continue;
    }

    let confidence = conf[f.pathology];
    let codes: string[];
    const ruleIds = [...b.ruleIds, ...superseded];
    if (hist.code !== undefined) {
      codes = [hist.code];
    } else {
      const family = icd.families.get(hist.family ?? "");
      if (family === undefined) continue; // compileIcd10 guarantees families exist
      let site = f.site ?? "unspecified";
      if (!icd.siteKeys.has(site)) {
        const w = pol.unknownSite.warning;
        warn(w.kind, fill(w.message, vars), procedures);
        ruleIds.push(pol.unknownSite.id);
        site = "unspecified";
      }
      const r = resolveSite(family, { site, laterality: f.laterality, eyelid: f.eyelid });
      ruleIds.push(family.id);
      if (r.kind === "excluded") {
        const w = pol.siteExcluded.warning;
        warn(w.kind, fill(w.message, { ...vars, reason: r.reason }), procedures);
        continue;
      }
      if (r.kind === "none") {
        warn(pol.unmapped.warning.kind, fill(pol.unmapped.warning.message, vars), procedures);
        continue;
      }
      codes = r.codes;
      if (r.sideUnspecified) confidence = Math.min(confidence, conf.caps.sideUnspecified);
      if (r.siteUnspecified) confidence = Math.min(confidence, conf.caps.siteUnspecified);
      if (r.eyelidPositionMissing) {
        confidence = Math.min(confidence, conf.caps.eyelidPositionMissing);
        const p = pol.eyelidPositionMissing;
        ruleIds.push(p.id);
        warn(
          p.warning.kind,
          fill(p.warning.message, { ...vars, code: codes.join(", ") }),
          procedures,
        );
      }
    }
    for (const code of codes) out.push({ ...b, code, confidence, ruleIds });
  }

  return { diagnoses: merge(out, icd), warnings: dedupeWarnings(warnings) };
}

function merge(items: Pending[], icd: CompiledIcd10): Diagnosis[] {
  const byCode = new Map<string, Accumulated>();
  for (const item of items) {
    const info = icd.codes.get(item.code);
    const confidence = info?.unverified
      ? Math.min(item.confidence, icd.confidence.caps.unverified)
      : item.confidence;
    const prior = byCode.get(item.code);
    if (prior === undefined) {
      byCode.set(item.code, {
        ...item,
        confidence,
        evidence: [...item.evidence],
        procedures: [...item.procedures],
        ruleIds: [...item.ruleIds],
        order: byCode.size,
      });
      continue;
    }
    prior.confidence = Math.max(prior.confidence, confidence);
    for (const span of item.evidence) {
      if (!prior.evidence.some((s) => s.start === span.start && s.end === span.end)) {
        prior.evidence.push(span);
      }
    }
    prior.procedures = uniq([...prior.procedures, ...item.procedures]);
    prior.ruleIds = uniq([...prior.ruleIds, ...item.ruleIds]);
  }
  // Codes linked to procedures first (by their first procedure), then the rest in note order.
  const rank = (a: Accumulated) =>
    a.procedures.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...a.procedures);
  return [...byCode.values()]
    .sort((a, b) => rank(a) - rank(b) || a.order - b.order)
    .map((a) => ({
      code: a.code,
      description: icd.codes.get(a.code)?.description ?? a.code,
      confidence: a.confidence,
      evidence: a.evidence,
      procedures: [...a.procedures].sort((x, y) => x - y),
      ruleIds: a.ruleIds,
    }));
}

function dedupeWarnings(warnings: DiagnosisWarning[]): DiagnosisWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.kind}\u0000${w.procedure ?? ""}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
