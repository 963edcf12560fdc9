/**
 * Where in a sentence each context pattern may match, found without running it. Scanning every
 * sentence with the alternation of all patterns cost most of the context stage (irregexp tries
 * every alternative at every character), yet few sentences hold any match. So when the lexicon
 * compiles, each pattern's source is read for its possible "heads": short literal prefixes that
 * every match must start with ("histor", "wound ", "a year", digits as "0"), and whether a `\b`
 * puts them at a word's start. A sentence is then walked once through a trie of all heads, and
 * a pattern runs (sticky) only where one of its heads starts.
 *
 *   \b(?:was |were |)(?:excised|removed) (?:19|20)\d\d
 *       ->  at a word's start: "was ex", "was re", "were e", "were r", "excise", "remove"
 *
 * A head is only a necessary condition: the reading is conservative (a class, `.` or a repeat
 * ends a head; zero-width parts are skipped), so a pattern may be tried where it then fails, but
 * never skipped where it matches. A pattern with a match that can start with anything (a head
 * of length 0) has no heads and is tried at every position.
 *
 * Characters are compared folded: ASCII letters lower-cased (the patterns are case-insensitive),
 * every digit as "0", other characters as they are (a cased non-ASCII literal ends a head).
 */

/** Longest head kept: longer prefixes add little selectivity and deepen the trie. */
const MAX_HEAD = 6;
/** Most heads of one pattern; past this the heads stop growing. */
const MAX_HEADS = 256;
/** Most characters of a class read as alternatives ("[;,]" -> ";" or ","). */
const MAX_CLASS = 4;

/** A sentence character as the heads spell it. */
export function foldCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return 48;
  return code;
}

/** Folded code of a pattern's literal character, or -1 when case folding may map others to it. */
function literalCode(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 128) return foldCode(code);
  const caseless = ch.toUpperCase() === ch && ch.toLowerCase() === ch && !/\p{L}/u.test(ch);
  return caseless && ch.length === 1 ? code : -1;
}

type Node =
  /** Zero-width: a lookaround, an anchor (`^`: the start) or a word boundary (`\b`). */
  | { kind: "zero"; boundary?: true; start?: true }
  /** One character of `codes` (folded), or of anything when null. */
  | { kind: "chars"; codes: number[] | null; min: number; max: number }
  | { kind: "group"; alternatives: Node[][]; min: number; max: number };

interface Parser {
  source: string;
  at: number;
}

function parseAlternatives(p: Parser): Node[][] {
  const alternatives: Node[][] = [[]];
  while (p.at < p.source.length) {
    const ch = p.source[p.at]!;
    if (ch === ")") break;
    if (ch === "|") {
      p.at++;
      alternatives.push([]);
      continue;
    }
    const atom = parseAtom(p);
    const node = withQuantifier(p, atom);
    alternatives[alternatives.length - 1]!.push(node);
  }
  return alternatives;
}

type Atom =
  | { kind: "zero"; boundary?: true; start?: true }
  | { kind: "chars"; codes: number[] | null }
  | { kind: "group"; alternatives: Node[][] };

function parseAtom(p: Parser): Atom {
  const { source } = p;
  const ch = source[p.at++]!;
  if (ch === "^") return { kind: "zero", start: true };
  if (ch === "$") return { kind: "zero" };
  if (ch === ".") return { kind: "chars", codes: null };
  if (ch === "[") return parseClass(p);
  if (ch === "(") {
    let zero = false;
    if (source[p.at] === "?") {
      const next = source[p.at + 1];
      if (next === ":") p.at += 2;
      else if (next === "=" || next === "!") {
        p.at += 2;
        zero = true;
      } else if (next === "<" && (source[p.at + 2] === "=" || source[p.at + 2] === "!")) {
        p.at += 3;
        zero = true;
      } else if (next === "<") p.at = source.indexOf(">", p.at) + 1;
    }
    const alternatives = parseAlternatives(p);
    p.at++; // ")"
    return zero ? { kind: "zero" } : { kind: "group", alternatives };
  }
  if (ch === "\\") return parseEscape(p);
  const code = literalCode(ch);
  return { kind: "chars", codes: code < 0 ? null : [code] };
}

/** After a "\\": an escape outside a class. */
function parseEscape(p: Parser): Atom {
  const ch = p.source[p.at++]!;
  if (ch === "b") return { kind: "zero", boundary: true };
  if (ch === "B") return { kind: "zero" };
  if (ch === "d") return { kind: "chars", codes: [48] };
  const code = escapedCode(p, ch);
  return { kind: "chars", codes: code < 0 ? null : [code] };
}

/** The folded code of an escaped character (`ch` read), or -1 for a class or a reference. */
function escapedCode(p: Parser, ch: string): number {
  const controls: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v" };
  if (ch in controls) return literalCode(controls[ch]!);
  if (ch === "u" || ch === "x") {
    const digits = ch === "u" ? 4 : 2;
    const hex = p.source.slice(p.at, p.at + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length < digits) return -1;
    p.at += digits;
    return literalCode(String.fromCharCode(Number.parseInt(hex, 16)));
  }
  if (/[a-zA-Z0-9]/.test(ch)) {
    // \s \w \D \S \W \c \k, \0 and backreferences: several characters, or unknown ones.
    if (ch === "k" && p.source[p.at] === "<") p.at = p.source.indexOf(">", p.at) + 1;
    return -1;
  }
  return literalCode(ch);
}

function parseClass(p: Parser): Atom {
  const { source } = p;
  const negated = source[p.at] === "^";
  if (negated) p.at++;
  let codes: number[] | null = [];
  const add = (code: number) => {
    if (code < 0) codes = null;
    else if (codes && !codes.includes(code)) codes.push(code);
  };
  while (p.at < source.length && source[p.at] !== "]") {
    let ch = source[p.at++]!;
    let code: number;
    if (ch === "\\") {
      ch = source[p.at++]!;
      code = ch === "d" ? 48 : ch === "b" ? 8 : escapedCode(p, ch);
    } else code = literalCode(ch);
    if (source[p.at] === "-" && source[p.at + 1] !== "]" && p.at + 1 < source.length) {
      p.at++; // a range: any character between, read as unknown
      if (source[p.at] === "\\") p.at++;
      p.at++;
      code = -1;
    }
    add(code);
  }
  p.at++; // "]"
  const list = codes as number[] | null;
  return { kind: "chars", codes: negated || !list || list.length > MAX_CLASS ? null : list };
}

function withQuantifier(p: Parser, atom: Atom): Node {
  const { source } = p;
  let min = 1;
  let max = 1;
  let quantified = false;
  const ch = source[p.at];
  if (ch === "?" || ch === "*" || ch === "+") {
    p.at++;
    quantified = true;
    min = ch === "+" ? 1 : 0;
    max = ch === "?" ? 1 : Number.POSITIVE_INFINITY;
  } else if (ch === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(p.at));
    if (m) {
      p.at += m[0].length;
      quantified = true;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
    }
  }
  if (quantified && source[p.at] === "?") p.at++; // lazy: the same set of matches
  if (atom.kind === "zero") return atom;
  return { ...atom, min, max };
}

/** A prefix every match of the part read so far starts with; `open` while it may grow. */
interface Head {
  text: string;
  open: boolean;
  /** A `\b` stands before the first character. */
  bound: boolean;
  /** A `^` stands before the first character. */
  start: boolean;
}

/**
 * A head of a pattern: a match starts with `text` (folded), at a word's start if `wordStart`,
 * at the sentence's start if `sentenceStart`.
 */
export interface PatternHead {
  text: string;
  wordStart: boolean;
  sentenceStart: boolean;
}

function closeAll(heads: Head[]): Head[] {
  return heads.map((h) => (h.open ? { ...h, open: false } : h));
}

function dedupe(heads: Head[]): Head[] {
  const seen = new Set<string>();
  const out: Head[] = [];
  for (const h of heads) {
    const key = `${h.open ? 1 : 0}${h.bound ? 1 : 0}${h.start ? 1 : 0}${h.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(h.open && h.text.length >= MAX_HEAD ? { ...h, open: false } : h);
  }
  return out.length > MAX_HEADS ? closeAll(out) : out;
}

/** The heads after one more node, matched exactly once. */
function once(heads: Head[], node: Exclude<Node, { kind: "zero" }>): Head[] {
  const closed = heads.filter((h) => !h.open);
  const open = heads.filter((h) => h.open);
  if (open.length === 0) return heads;
  if (node.kind === "chars") {
    if (!node.codes) return closeAll(heads);
    const grown = open.flatMap((h) =>
      node.codes!.map((code) => ({ ...h, text: h.text + String.fromCharCode(code) })),
    );
    if (grown.length > MAX_HEADS) return closeAll(heads);
    return dedupe([...closed, ...grown]);
  }
  const grown = node.alternatives.flatMap((alternative) => sequence(open, alternative));
  return dedupe([...closed, ...grown]);
}

function sequence(heads: Head[], nodes: Node[]): Head[] {
  let current = heads;
  for (const node of nodes) {
    if (node.kind === "zero") {
      const { boundary, start } = node;
      if (boundary || start)
        current = current.map((h) =>
          h.open && h.text === ""
            ? { ...h, bound: h.bound || !!boundary, start: h.start || !!start }
            : h,
        );
      continue;
    }
    if (!current.some((h) => h.open)) break;
    // X{min,max}: min times X, then either the rest of the pattern or one more X (after which,
    // when more may follow, the head ends): "\d+ ago" -> "0 ago", "00".
    let after = current;
    for (let n = 0; n < node.min && after.some((h) => h.open); n++) after = once(after, node);
    if (node.max > node.min) {
      const more = once(after, node);
      after = dedupe([...after, ...(node.max > node.min + 1 ? closeAll(more) : more)]);
    }
    current = after;
  }
  return current;
}

/** A character of a regex word (`\w`), folded or not. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

/** The heads of a pattern, or null when a match may start with anything. */
export function patternHeads(source: string): PatternHead[] | null {
  const p: Parser = { source, at: 0 };
  const alternatives = parseAlternatives(p);
  if (p.at !== source.length) return null; // an unbalanced ")": not read
  const start: Head[] = [{ text: "", open: true, bound: false, start: false }];
  const heads = dedupe(alternatives.flatMap((alternative) => sequence(start, alternative)));
  if (heads.some((h) => h.text.length === 0)) return null;
  // "\b" before a word character: the character before is none of a word.
  const found = heads.map((h) => ({
    text: h.text,
    wordStart: h.bound && isWordCode(h.text.charCodeAt(0)),
    sentenceStart: h.start,
  }));
  const same = (a: PatternHead, b: PatternHead) =>
    a.text === b.text && a.wordStart === b.wordStart && a.sentenceStart === b.sentenceStart;
  return found.filter((h, i) => found.findIndex((o) => same(o, h)) === i);
}

/**
 * The heads of some patterns in a trie, for finding where in a sentence each may match. Nearly
 * every sentence position is walked through it, so it is kept flat (typed arrays, no Map per
 * node): a step on an ASCII character is one array read.
 */
export interface HeadStarts {
  /**
   * The child of node `n` by a folded code `c` < 128 is `ascii[n * 128 + c]`, 0 for none (node 0
   * is the root: no one's child).
   */
  readonly ascii: Int32Array;
  /** The child of node `n` by a code >= 128, keyed `n * 0x10000 + c`. */
  readonly wide: ReadonlyMap<number, number>;
  /** Patterns (indexes) with a head ending at node `n`: `patterns[patternsFrom[n]..patternsFrom[n + 1])`. */
  readonly patternsFrom: Int32Array;
  readonly patterns: Int32Array;
}

/** Every pattern's heads. */
export interface PatternHeads {
  /** Heads after a `^`: looked up only at the sentence's start. */
  readonly atSentenceStart: HeadStarts;
  /** Heads after a `\b`, starting with a word character: looked up only where a word starts. */
  readonly atWordStart: HeadStarts;
  /** The other heads: looked up at every position. */
  readonly anywhere: HeadStarts;
  /** Patterns (indexes) whose matches may start with anything: tried at every position. */
  readonly everywhere: readonly number[];
}

function headStarts(heads: readonly string[][]): HeadStarts {
  // Built as nested maps first, then numbered breadth-first into the flat arrays.
  interface Built {
    next: Map<number, Built>;
    patterns: number[];
  }
  const root: Built = { next: new Map(), patterns: [] };
  heads.forEach((list, k) => {
    for (const head of list) {
      let node = root;
      for (let i = 0; i < head.length; i++) {
        const code = head.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = { next: new Map(), patterns: [] };
          node.next.set(code, child);
        }
        node = child;
      }
      if (!node.patterns.includes(k)) node.patterns.push(k);
    }
  });
  const nodes: Built[] = [root];
  for (let n = 0; n < nodes.length; n++)
    for (const child of nodes[n]!.next.values()) nodes.push(child);
  const number = new Map(nodes.map((node, n) => [node, n]));
  const ascii = new Int32Array(nodes.length * 128);
  const wide = new Map<number, number>();
  const patternsFrom = new Int32Array(nodes.length + 1);
  const patterns: number[] = [];
  nodes.forEach((node, n) => {
    for (const [code, child] of node.next) {
      if (code < 128) ascii[n * 128 + code] = number.get(child)!;
      else wide.set(n * 0x10000 + code, number.get(child)!);
    }
    patternsFrom[n] = patterns.length;
    patterns.push(...node.patterns);
  });
  patternsFrom[nodes.length] = patterns.length;
  return { ascii, wide, patternsFrom, patterns: Int32Array.from(patterns) };
}

/** The heads of every pattern (null = a pattern tried everywhere), in lexicon order. */
export function compileHeads(heads: readonly (readonly PatternHead[] | null)[]): PatternHeads {
  const texts = (where: (head: PatternHead) => boolean) =>
    heads.map((list) => (list ?? []).filter(where).map((h) => h.text));
  return {
    atSentenceStart: headStarts(texts((h) => h.sentenceStart)),
    atWordStart: headStarts(texts((h) => !h.sentenceStart && h.wordStart)),
    anywhere: headStarts(texts((h) => !h.sentenceStart && !h.wordStart)),
    everywhere: heads.flatMap((list, k) => (list ? [] : [k])),
  };
}
