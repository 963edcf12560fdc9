import type { DraftLine } from "../coding/lines.ts";
import type { CompiledLexicon } from "../lexicon/compile.ts";

/**
 * Claim order: primary codes by rank (lexicon/code-catalog.json: higher value first), each
 * followed by its add-ons; identical lines (same code and modifiers) collapse into units.
 */
export function orderLines(lines: DraftLine[], confidences: number[], lex: CompiledLexicon) {
  const catalog = lex.source.codeCatalog.codes;
  const merged = new Map<string, { line: DraftLine; confidence: number }>();
  lines.forEach((line, i) => {
    const key = `${line.code}|${line.modifiers.join(",")}`;
    const prev = merged.get(key);
    if (!prev) merged.set(key, { line: { ...line }, confidence: confidences[i]! });
    else {
      prev.line.units += line.units;
      prev.line.events = [...prev.line.events, ...line.events];
      prev.line.lesions = [...prev.line.lesions, ...line.lesions];
      prev.line.evidence = [...prev.line.evidence, ...line.evidence];
      prev.confidence = Math.min(prev.confidence, confidences[i]!);
    }
  });
  const all = [...merged.values()];
  const rank = (code: string) => catalog[code]?.rank ?? 0;
  const primaries = all
    .filter((l) => !catalog[l.line.code]?.addon)
    .sort((a, b) => rank(b.line.code) - rank(a.line.code));
  const addons = all.filter((l) => catalog[l.line.code]?.addon);
  const out: typeof all = [];
  for (const p of primaries) {
    out.push(p);
    for (const a of addons)
      if (a.line.events.some((e) => p.line.events.includes(e)) && !out.includes(a)) out.push(a);
  }
  for (const a of addons) if (!out.includes(a)) out.push(a);
  return out;
}
