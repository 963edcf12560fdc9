import type { CompiledSections } from "../lexicon/compile.ts";
import type { Range, Section, SectionCategory } from "../types.ts";

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
  for (let k = 0; k < headers.length; k++) {
    const h = headers[k]!;
    if (h.start < pos || (h.after && !h.after.has(current.category))) continue;
    sections.push(withBody(current, { start: pos, end: h.start }));
    const before = current;
    const ruleId = h.after?.get(current.category) ?? h.ruleId;
    current = { category: h.category, title: { start: h.start, end: h.end }, ruleId };
    pos = h.bodyStart;
    const ends = lex.inlineEnds[h.category];
    const textStart = firstText(text, h.bodyStart);
    if (ends && !h.inline && !h.firstSentence && sameLine(text, h.bodyStart, textStart)) {
      // "FH: father with melanoma." heads its line (or its paragraph); what follows is untitled.
      const end = ends === "line" ? lineEnd(text, textStart) : paragraphEnd(text, textStart);
      const next = headers[k + 1];
      // "Path: SK. Cryo to 5 AKs on the forehead today.": a later sentence telling this visit is
      // no part of the section; the section goes on after it.
      for (const cut of presentSentences(
        text,
        textStart,
        Math.min(end, next?.start ?? end),
        h,
        lex,
      )) {
        sections.push(withBody(current, { start: pos, end: cut.start }));
        sections.push({ ...untitled(cut.start), body: cut, ruleId: lex.presentSentences!.id });
        current = { ...current, title: { start: cut.end, end: cut.end } };
        pos = cut.end;
      }
      if (!next || next.start > end) {
        sections.push(withBody(current, { start: pos, end }));
        current = untitled(end);
        pos = end;
      }
      continue;
    }
    if (h.inline || h.firstSentence) {
      // A header inside a line of prose heads only its own sentence; the prose goes on after it
      // in the section before. A chief complaint heads only its first sentence; what follows it
      // on its line is untitled.
      const end = inlineSectionEnd(text, firstText(text, h.bodyStart));
      sections.push(withBody(current, { start: pos, end }));
      // A known label ends a history, pathology or plan section before it ("Prior visit: ...
      // Today: suture removal. Shave bx ..."): what follows its sentence is untitled.
      const resumes = h.inline && !(h.ruleId && lex.labelEnds.has(before.category));
      current = resumes ? { ...before, title: { start: end, end } } : untitled(end);
      pos = end;
    }
  }
  sections.push(withBody(current, { start: pos, end: text.length }));
  return sections.filter(
    (s, i) => i === 0 || s.body.end > s.body.start || s.title.end > s.title.start,
  );
}

interface Header {
  start: number;
  end: number;
  bodyStart: number;
  category: SectionCategory;
  ruleId?: string;
  /** A field that starts a section only after a section of these categories (with the rule id). */
  after?: ReadonlyMap<SectionCategory, string>;
  /** The header follows a sentence of prose on its line ("... lesion. Pathology: SCC."). */
  inline?: boolean;
  /** The header heads only its first sentence (lexicon sections `firstSentence`). */
  firstSentence?: boolean;
  /** A banner line ("--- Copied from note ... ---"): "open" starts a block, "close" ends it. */
  banner?: "open" | "close";
}

/**
 * `{ ...head, body }` written out (same keys, same order: a head's keys are its category, title
 * and, when it has one, rule id): no object spread per section.
 */
function withBody(head: Omit<Section, "body">, body: Range): Section {
  return "ruleId" in head
    ? { category: head.category, title: head.title, ruleId: head.ruleId, body }
    : { category: head.category, title: head.title, body };
}

function untitled(at: number): Omit<Section, "body"> {
  return { category: "other", title: { start: at, end: at } };
}

/** The first non-blank character at or after `from` (a header's text may start on the next line). */
function firstText(text: string, from: number): number {
  let i = from;
  while (
    i < text.length &&
    (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")
  )
    i++;
  return i;
}

/**
 * The line breaks of the note being sectioned, and those that open a blank line (only spaces,
 * tabs or carriage returns before the next break), found once per note: line and paragraph ends
 * are asked for at every header, so a search to the end of a long line each time would make a
 * one-line export of many labels quadratic.
 */
let breaksOf: { text: string; lines: Int32Array; blanks: Int32Array } | undefined;

function breaks(text: string): { lines: Int32Array; blanks: Int32Array } {
  if (breaksOf?.text === text) return breaksOf;
  const lines: number[] = [];
  const blanks: number[] = [];
  let last = -1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (last >= 0 && onlyBlanks(text, last + 1, i)) blanks.push(last);
    lines.push(i);
    last = i;
  }
  breaksOf = { text, lines: new Int32Array(lines), blanks: new Int32Array(blanks) };
  return breaksOf;
}

/** Only spaces, tabs and carriage returns in [from, to). */
function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The first position in a sorted list at or after `from`, or -1. */
function firstFrom(list: Int32Array, from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo]! : -1;
}

/** Is there no line break between `from` and `to`? */
function sameLine(text: string, from: number, to: number): boolean {
  const nl = firstFrom(breaks(text).lines, from);
  return to < text.length && (nl < 0 || nl >= to);
}

function lineEnd(text: string, from: number): number {
  const nl = firstFrom(breaks(text).lines, from);
  return nl < 0 ? text.length : nl;
}

/** The first blank line (only spaces between two line breaks) at or after `from`. */
function paragraphEnd(text: string, from: number): number {
  const at = firstFrom(breaks(text).blanks, from);
  return at < 0 ? text.length : at;
}

/** Where an inline header's section ends: its first sentence end, or the end of its line. */
function inlineSectionEnd(text: string, from: number): number {
  const end = lineEnd(text, from);
  SENTENCE_END_RE.lastIndex = from;
  const m = SENTENCE_END_RE.exec(text);
  return m && m.index < end ? m.index + 1 : end;
}

/**
 * Sentences after the first in `[from, to)` naming this visit (lexicon sections
 * `presentSentences`), when the header's category is one they are cut out of.
 */
function presentSentences(
  text: string,
  from: number,
  to: number,
  h: Header,
  lex: CompiledSections,
): Range[] {
  const present = lex.presentSentences;
  if (!present?.categories.has(h.category)) return [];
  const cuts: Range[] = [];
  let start = inlineSectionEnd(text, from);
  while (start < to) {
    const first = firstText(text, start);
    if (first >= to) break;
    const end = Math.min(to, inlineSectionEnd(text, first));
    if (end <= first) break;
    WORD_RE.lastIndex = first;
    for (let m = WORD_RE.exec(text); m !== null && m.index < end; m = WORD_RE.exec(text)) {
      if (!present.words.has(m[0].toLowerCase())) continue;
      cuts.push({ start: first, end });
      break;
    }
    start = end;
  }
  return cuts;
}

const WORD_RE = /[A-Za-z][A-Za-z']*/g;

/** The rest of a header's line is one small whole number ("Neck: 10"). */
const COUNT_ONLY_RE = /[ \t]*\d{1,3}[ \t]*\.?[ \t]*(?=\n|$)/y;

/** The rest of the line from `at` is one small whole number, read where it stands. */
function countOnlyAt(text: string, at: number): boolean {
  COUNT_ONLY_RE.lastIndex = at;
  return COUNT_ONLY_RE.test(text);
}
/** A sentence end inside a line: ".", "?" or "!" before spaces and a capital or digit. */
const SENTENCE_END_RE = /[.?!](?=[ ]+[A-Z0-9])/g;
/** Longest label after a sentence end inside a line, in characters. */
const MAX_INLINE_LABEL = 41;

/**
 * The label ending at the colon at `colon` when a sentence end stands before it inside its line
 * ("... upper back. Today: suture removal"): ".", "?" or "!", spaces, then a letter and up to 40
 * letters, digits, spaces or "/&'-" (the label, trailing spaces left out), and no "/" or digit
 * right after the colon. Found from the colon back, since colons are rarer than sentence ends.
 */
function inlineLabelAt(text: string, colon: number): { start: number; raw: string } | undefined {
  const next = text.charCodeAt(colon + 1);
  if (next === 47 || (next >= 48 && next <= 57)) return undefined;
  let end = colon;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  let k = end;
  while (k > 0 && isLabelChar(text.charCodeAt(k - 1))) k--;
  // k is after the last character outside the label class: it must be a sentence end and spaces.
  let start = k;
  while (start < end && text.charCodeAt(start) === 32) start++;
  if (start === k || start >= end || end - start > MAX_INLINE_LABEL) return undefined;
  const before = text.charCodeAt(k - 1);
  if (before !== 46 && before !== 63 && before !== 33) return undefined;
  if (!isAsciiLetter(text.charCodeAt(start))) return undefined;
  return { start, raw: text.slice(start, end) };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A character of an inline label: a letter, digit, space, "/", "&", "'" or "-". */
function isLabelChar(c: number): boolean {
  return (
    isAsciiLetter(c) ||
    (c >= 48 && c <= 57) ||
    c === 32 ||
    c === 47 ||
    c === 38 ||
    c === 39 ||
    c === 45
  );
}
/** Longest inline label, in words, found by one of its words rather than in full. */
const MAX_INLINE_WORDS = 3;
/**
 * Where the text after the last sentence end inside a header phrase starts ("Shave biopsy of the
 * shin. Pathology" -> at "Pathology"), or 0: the end of the last match of /[.?!][ ]+(?=[A-Za-z])/g,
 * found from the end (matches cannot overlap: a match's spaces are no sentence stop).
 */
export function lastSentenceEnd(raw: string): number {
  for (let i = raw.length - 1; i > 0; i--) {
    if (!isAsciiLetter(raw.charCodeAt(i)) || raw.charCodeAt(i - 1) !== 32) continue;
    let k = i - 1;
    while (k > 0 && raw.charCodeAt(k) === 32) k--;
    const c = raw.charCodeAt(k);
    if (c === 46 || c === 63 || c === 33) return i;
    i = k + 1; // no stop before these spaces: go on before them
  }
  return 0;
}

function findHeaders(text: string, lex: CompiledSections): Header[] {
  const found: Header[] = [];
  HEADER_RE.lastIndex = 0;
  for (let m = HEADER_RE.exec(text); m !== null; m = HEADER_RE.exec(text)) {
    let raw = m[1]!;
    let start = m.index + m[0].indexOf(raw);
    // A header phrase does not run across a sentence end: the header is what follows the last.
    const cut = lastSentenceEnd(raw);
    const inline = cut > 0;
    if (inline) {
      raw = raw.slice(cut);
      start += cut;
    }
    const key = headerKey(raw);
    if (lex.fields.has(key)) {
      const after = fieldEnds(key, lex);
      if (after.size > 0)
        found.push({
          start,
          end: start + raw.length,
          bodyStart: start,
          category: "procedure",
          after,
        });
      continue;
    }
    // "Neck: 10" under "Skin tags removed:": a label whose line holds only a number is a count
    // field of a list, not the exam's neck section.
    if (countOnlyAt(text, m.index + m[0].length)) continue;
    const hit = classifyKey(raw, key, lex);
    const caps = raw === raw.toUpperCase() && /[A-Z]{2}/.test(raw);
    if (!hit && !caps) continue;
    // "ED&C: bx-proven BCC R temple", "LN2: AK x3 face": an unknown upper-case label naming a
    // procedure, with its line going on after the colon, labels that line's procedure.
    if (!hit && procedureLabel(raw, text, m.index + m[0].length, lex)) continue;
    const category = hit?.category ?? "other";
    found.push({
      start,
      end: start + raw.length,
      bodyStart: m.index + m[0].length,
      category,
      ruleId: hit?.ruleId,
      ...(inline ? { inline } : {}),
      ...(hit && "firstSentence" in hit && hit.firstSentence ? { firstSentence: true } : {}),
    });
  }
  // "Prior visit: excision of BCC. Today: suture removal.": a known label after a sentence end,
  // in a line that has a header already, ends a section that labels end (`labelEnds`); flattened
  // exports put several labels in one paragraph.
  const lineHeaders = [...found];
  const known = new Set(found.map((h) => h.start));
  // Only the text of a section that labels end is searched, up to the next header.
  for (let i = 0; i < lineHeaders.length; i++) {
    const open = lineHeaders[i]!;
    if (!lex.labelEnds.has(open.category)) continue;
    const to = lineHeaders[i + 1]?.start ?? text.length;
    for (
      let colon = text.indexOf(":", open.start);
      colon >= 0 && colon < to;
      colon = text.indexOf(":", colon + 1)
    ) {
      const label = inlineLabelAt(text, colon);
      if (!label) continue;
      const { start, raw } = label;
      if (start >= to) break;
      if (start <= open.start || known.has(start)) continue;
      const key = headerKey(raw);
      if (lex.fields.has(key)) continue;
      const after = colon + 1;
      if (countOnlyAt(text, after)) continue;
      const hit = classifyKey(raw, key, lex);
      if (!hit || (!lex.exact.has(key) && key.split(" ").length > MAX_INLINE_WORDS)) continue;
      found.push({ start, end: start + raw.length, bodyStart: after, inline: true, ...hit });
    }
  }
  CAPS_LINE_RE.lastIndex = 0;
  for (let m = CAPS_LINE_RE.exec(text); m !== null; m = CAPS_LINE_RE.exec(text)) {
    const raw = m[1]!.trim();
    const hit = classifyHeader(raw, lex);
    if (!hit) continue;
    const start = m.index + m[0].indexOf(raw);
    found.push({ start, end: start + raw.length, bodyStart: start + raw.length, ...hit });
  }
  // "--- Copied from note of 05/06/2025 ---" ... "--- End copied section ---": a banner line is
  // a header; one that ends a block returns to an unnamed section.
  BANNER_RE.lastIndex = 0;
  for (let m = BANNER_RE.exec(text); m !== null; m = BANNER_RE.exec(text)) {
    const raw = m[1]!.trim();
    const start = m.index + m[0].indexOf(raw);
    const ends = lex.banners.closers.has(raw.split(/\s+/)[0]!.toLowerCase());
    const hit = ends ? undefined : classifyHeader(raw, lex);
    if (!ends && !hit) continue;
    found.push({
      start,
      end: start + raw.length,
      bodyStart: m.index + m[0].length,
      category: hit?.category ?? "other",
      ruleId: hit?.ruleId,
      banner: ends ? "close" : "open",
    });
  }
  return inBanners(
    found.sort((a, b) => a.start - b.start),
    lex,
  );
}

/**
 * Headers inside a copied or prior-note block (up to its closing banner) take the block's
 * category when the lexicon says a block of that category passes it on (a copied history).
 */
function inBanners(headers: Header[], lex: CompiledSections): Header[] {
  let block: Header | undefined;
  for (const h of headers) {
    if (h.banner === "open") block = h;
    else if (h.banner === "close") block = undefined;
    else if (block && lex.banners.inherited.has(block.category)) {
      h.category = block.category;
      h.ruleId = block.ruleId;
    }
  }
  return headers;
}

function procedureLabel(raw: string, text: string, after: number, lex: CompiledSections): boolean {
  const key = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (!lex.procedureLabels.has(key) && !countedProcedureLabel(key, lex)) return false;
  return text.slice(after, lineEnd(text, after)).trim().length > 0;
}

/** A count ("x 2", "x3", "3") or a size ("4mm", "1.5 cm") standing as a word of a label. */
const LABEL_COUNT_RE = /(?:^|\s)(?:x\s?\d+|\d+(?:\.\d+)?\s?(?:mm|cm)?)(?=\s|$)/;
/** Longest procedure term, in words, that a counted label starts with. */
const MAX_LABEL_TERM_WORDS = 4;

/**
 * "SHAVE BX X 2: R SHOULDER", "PUNCH BX 4MM: L CALF", "LN2 TO AKS X 3: SCALP": a label that
 * starts with a procedure term and holds a count or a size tells that procedure (a section title
 * holds neither), so it labels its line like "ED&C: BCC R temple".
 */
function countedProcedureLabel(key: string, lex: CompiledSections): boolean {
  if (!LABEL_COUNT_RE.test(key)) return false;
  const words = key.split(" ");
  for (let n = Math.min(words.length - 1, MAX_LABEL_TERM_WORDS); n >= 1; n--)
    if (lex.procedureLabels.has(words.slice(0, n).join(" "))) return true;
  return false;
}

/** A line of text between runs of dashes, equals signs or asterisks. */
const BANNER_RE = /^[ \t]*[-=*]{3,}[ \t]*([A-Za-z][^\n]{0,80}?)[ \t]*[-=*]{3,}[ \t]*$/gm;

/**
 * The sections a procedure field ends ("Repair:", "Stage I:"), each with the rule that ends it:
 * a diagnosis line (`endDiagnosis`), and a history-like one such as a mid-note "PMH: HTN."
 * line (`endHistory`). Empty for other fields ("Site:").
 */
function fieldEnds(key: string, lex: CompiledSections): Map<SectionCategory, string> {
  const ends = new Map<SectionCategory, string>();
  if (lex.endDiagnosis.keys.has(key)) ends.set("diagnosis", lex.endDiagnosis.id);
  const history = lex.endHistory;
  if (history?.keys.has(key)) for (const category of history.after) ends.set(category, history.id);
  return ends;
}

/**
 * A header's lookup key: lower case, white space runs as one space, without the trailing run of
 * spaces, digits and ".#()" ("Lesion #2 (" -> "lesion"), trimmed. Labels are printable ASCII
 * (header patterns allow nothing else), read here in one pass; any other text takes the
 * regular expressions that define the key.
 */
export function headerKey(raw: string): string {
  let e = raw.length;
  while (e > 0 && isKeyTail(raw.charCodeAt(e - 1))) e--;
  let s = 0;
  while (s < e && raw.charCodeAt(s) === 32) s++;
  let doubled = false;
  for (let i = s; i < e; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c > 126) return regexHeaderKey(raw);
    if (c === 32 && raw.charCodeAt(i - 1) === 32) doubled = true;
  }
  const key = raw.slice(s, e).toLowerCase();
  return doubled ? key.replace(/ +/g, " ") : key;
}

/** A character of the run `headerKey` drops at the end of a printable label: " 0-9.#)(". */
function isKeyTail(c: number): boolean {
  return c === 32 || (c >= 48 && c <= 57) || c === 46 || c === 35 || c === 41 || c === 40;
}

function regexHeaderKey(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s\d.#)(]+$/g, "")
    .trim();
}

/** Longest header, in words, that a `contains` rule classifies by one of its words. */
const MAX_CONTAINS_WORDS = 10;

export function classifyHeader(raw: string, lex: CompiledSections): HeaderClass | undefined {
  return classifyKey(raw, headerKey(raw), lex);
}

type HeaderClass = { category: SectionCategory; ruleId: string; firstSentence?: boolean };

/** `classifyHeader` with the header's key already made. */
function classifyKey(raw: string, key: string, lex: CompiledSections): HeaderClass | undefined {
  const exact = lex.exact.get(key);
  if (exact) return exact;
  // "BCC L upper back (previous bx 3/2):" is a lesion line, not a history header: a header found
  // by one of its words has no bracketed number ("(bx 3/2)", "(2 cm)") and few words.
  if (/\([^)]*\d/.test(raw)) return undefined;
  // "BCC L back (prior bx) excised:": a word in brackets qualifies a lesion, not a header's topic.
  const list = key
    .replace(/\([^)]*\)?/g, " ")
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (list.length > MAX_CONTAINS_WORDS) return undefined;
  const words = new Set(list);
  for (const rule of lex.contains) {
    if (rule.except.some((w) => words.has(w))) continue;
    if (rule.words.some((w) => words.has(w))) return { category: rule.category, ruleId: rule.id };
  }
  return undefined;
}
