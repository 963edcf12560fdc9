import type { SuggestResult } from "../schemas/api.ts";

const C = {
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  inv: "\x1b[7m",
  yellow: "\x1b[33m",
  red: "\x1b[31m",
  reset: "\x1b[0m",
};

/** Human-readable report: claim lines, excluded procedures, warnings and (TTY) the highlighted note. */
export function renderResult(
  r: SuggestResult,
  note: string,
  opts: { color: boolean; explain: boolean },
): string {
  const c = (code: keyof typeof C, s: string) => (opts.color ? `${C[code]}${s}${C.reset}` : s);
  const out: string[] = [];
  out.push(c("bold", `Suggested codes (CPT ${r.codeSet}, lexicon ${r.lexiconVersion})`));
  if (r.codes.length === 0) out.push("  none: no billable procedure found");
  for (const l of r.codes) {
    const mods = l.modifiers.length > 0 ? `-${l.modifiers.join("-")}` : "";
    out.push(
      `  ${c("bold", `${l.code}${mods}`)} x${l.units}  ${(l.confidence * 100).toFixed(0)}%  ${l.description}`,
    );
    out.push(`      ${l.rationale}`);
    out.push(
      `      ${c("dim", `evidence: ${l.evidence.map((e) => JSON.stringify(e.text)).join(", ")}`)}`,
    );
    if (opts.explain) {
      out.push(`      ${c("dim", `rules: ${l.ruleIds.join(", ")}`)}`);
      out.push(
        `      ${c("dim", `factors: ${l.factors.map((f) => `${f.name} ${f.weight}`).join(", ")}`)}`,
      );
    }
  }
  const excluded = r.procedures.filter((p) => !p.assertion.billable);
  if (excluded.length > 0) {
    out.push(c("bold", "Not billed"));
    for (const p of excluded) {
      out.push(
        `  ${p.kind} ${JSON.stringify(p.evidence[0]?.text ?? "")}: ${p.assertion.reason ?? "not performed today"}${opts.explain ? c("dim", ` [${p.assertion.ruleIds.join(", ")}]`) : ""}`,
      );
    }
  }
  if (r.diagnoses.length > 0) {
    out.push(c("bold", "Diagnoses (ICD-10-CM)"));
    for (const d of r.diagnoses)
      out.push(`  ${d.code}  ${(d.confidence * 100).toFixed(0)}%  ${d.description}`);
  }
  if (r.warnings.length > 0) {
    out.push(c("bold", "Warnings"));
    for (const w of r.warnings) out.push(`  ${c("yellow", w.kind)}: ${w.message}`);
  }
  if (opts.color) out.push(c("bold", "Note"), highlight(note, r, C.inv, C.reset));
  return `${out.join("\n")}\n`;
}

function highlight(note: string, r: SuggestResult, on: string, off: string): string {
  const spans = r.codes.flatMap((l) => l.evidence).sort((a, b) => a.start - b.start);
  let out = "";
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    out += note.slice(pos, s.start) + on + note.slice(s.start, s.end) + off;
    pos = s.end;
  }
  return out + note.slice(pos);
}
