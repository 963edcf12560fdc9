import type { CompiledSections } from "../lexicon/compile.ts";
import type { Section, SectionCategory } from "../types.ts";

/**
 * Section headers: a line-initial phrase of at most 60 characters followed by a colon
 * ("PROCEDURE PERFORMED:  Excision ...", "Plan: ..."), or an upper-case line of its own
 * ("REVIEW OF SYSTEMS"). Unknown upper-case headers start an "other" section; unknown
 * mixed-case phrases before a colon are not headers (they are list labels such as "Site:").
 */
const HEADER_RE = /^[ ]*([A-Za-z][A-Za-z0-9 /&,()'#.-]{0,60}?)[ ]*:(?!\/)/gm;
const CAPS_LINE_RE = /^[ ]*([A-Z][A-Z0-9 /&,()'-]{2,60})[ ]*$/gm;

export function detectSections(text: string, lex: CompiledSections): Section[] {
  const headers = findHeaders(text, lex);
  const sections: Section[] = [];
  let pos = 0;
  let current: Omit<Section, "body"> = { category: "other", title: { start: 0, end: 0 } };
  for (const h of headers) {
    if (h.start < pos || (h.after && current.category !== h.after)) continue;
    sections.push({ ...current, body: { start: pos, end: h.start } });
    current = { category: h.category, title: { start: h.start, end: h.end }, ruleId: h.ruleId };
    pos = h.bodyStart;
  }
  sections.push({ ...current, body: { start: pos, end: text.length } });
  return sections.filter((s, i) => i === 0 || s.body.end > s.body.start || s.title.end > 0);
}

interface Header {
  start: number;
  end: number;
  bodyStart: number;
  category: SectionCategory;
  ruleId?: string;
  /** A field that starts a section only after a section of this category. */
  after?: SectionCategory;
}

function findHeaders(text: string, lex: CompiledSections): Header[] {
  const found: Header[] = [];
  HEADER_RE.lastIndex = 0;
  for (let m = HEADER_RE.exec(text); m !== null; m = HEADER_RE.exec(text)) {
    const raw = m[1]!;
    const start = m.index + m[0].indexOf(raw);
    if (isField(raw, lex)) {
      if (!lex.endDiagnosis.keys.has(headerKey(raw))) continue;
      found.push({
        start,
        end: start + raw.length,
        bodyStart: start,
        category: "procedure",
        ruleId: lex.endDiagnosis.id,
        after: "diagnosis",
      });
      continue;
    }
    const hit = classifyHeader(raw, lex);
    const caps = raw === raw.toUpperCase() && /[A-Z]{2}/.test(raw);
    if (!hit && !caps) continue;
    const category = hit?.category ?? "other";
    found.push({
      start,
      end: start + raw.length,
      bodyStart: m.index + m[0].length,
      category,
      ruleId: hit?.ruleId,
    });
  }
  CAPS_LINE_RE.lastIndex = 0;
  for (let m = CAPS_LINE_RE.exec(text); m !== null; m = CAPS_LINE_RE.exec(text)) {
    const raw = m[1]!.trim();
    const hit = classifyHeader(raw, lex);
    if (!hit) continue;
    const start = m.index + m[0].indexOf(raw);
    found.push({ start, end: start + raw.length, bodyStart: start + raw.length, ...hit });
  }
  return found.sort((a, b) => a.start - b.start);
}

function isField(raw: string, lex: CompiledSections): boolean {
  return lex.fields.has(headerKey(raw));
}

function headerKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s\d.#)(]+$/g, "")
    .trim();
}

export function classifyHeader(
  raw: string,
  lex: CompiledSections,
): { category: SectionCategory; ruleId: string } | undefined {
  const key = headerKey(raw);
  const exact = lex.exact.get(key);
  if (exact) return exact;
  const words = new Set(key.split(/[^a-z]+/));
  for (const rule of lex.contains) {
    if (rule.words.some((w) => words.has(w))) return { category: rule.category, ruleId: rule.id };
  }
  return undefined;
}
