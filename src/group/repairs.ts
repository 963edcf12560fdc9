import { roundTo } from "../extract/numbers.ts";
import { type CompiledLexicon, hasPhrase } from "../lexicon/compile.ts";
import type { PhraseTrie } from "../lexicon/trie.ts";
import type { Assertion } from "../schemas/api.ts";
import { lastWord, tokenAt } from "../text/tokens.ts";
import type { ProcedureMention, SiteMention, SizeMention } from "../types.ts";
import {
  endsWithColon,
  inSentence,
  isBillable,
  joinersBetween,
  type MentionIndex,
  ofKind,
} from "./index-mentions.ts";
import { clauseSite, closureSiteAfter, mostComplex, namedWoundTypes } from "./named-wounds.ts";
import { placeKey, samePlace } from "./places.ts";
import {
  markSecondaryClosure,
  namesSecondaryClosure,
  oneSecondaryClosurePerPlace,
} from "./secondary-closure.ts";
import { inlineItemMarkers, markersBetween, opensListItem } from "./split.ts";
import type { ProcedureEvent } from "./types.ts";

const WOUND_KINDS = new Set([
  "excision",
  "mohs",
  "biopsy",
  "unsupported",
  "flap",
  "foreign_body",
  "debridement",
]);
const PROCEDURE_SECTIONS = new Set(["procedure_title", "procedure"]);

/**
 * Repair events. A closure mentioned with or after a lesion procedure closes that wound (one
 * repair per wound: the most complex type named, the longest documented length). Closures with
 * no lesion procedure are wound repairs (lacerations): their measured lengths are summed per
 * repair type and repair group.
 */
export function repairEvents(
  lesionEvents: ProcedureEvent[],
  index: MentionIndex,
  next: number,
  encounters: Int32Array,
  lex: CompiledLexicon,
): ProcedureEvent[] {
  const byWound = new Map<number, ProcedureMention[]>();
  const loose: ProcedureMention[] = [];
  for (const m of ofKind(index, "procedure")) {
    if (m.procedure !== "repair") continue;
    const wound = woundFor(m, lesionEvents, index);
    if (wound === undefined) loose.push(m);
    else byWound.set(wound, [...(byWound.get(wound) ?? []), m]);
  }
  const out: ProcedureEvent[] = [];
  for (const [wound, mentions] of byWound) {
    const target = lesionEvents[wound]!;
    const lengths = repairLengths(mentions, index);
    const e = repairEvent(next + out.length, mentions, target.site, lengths, index, wound);
    const perSite = lengthsPerSite(lengths, target.count, index);
    if (perSite !== undefined) e.derived = { repairLengthCm: perSite };
    e.lesion = target.lesion;
    e.encounter = target.encounter ?? 0;
    out.push(e);
  }
  const unnegated = (words: PhraseTrie<string>, from: number, to: number) =>
    unnegatedHits(words, index.doc.canon, from, to, lex.negationWords).map((h) => ({
      start: h.start,
      length: h.hit.length,
    }));
  const listed = listedWounds(loose, index, lex);
  // A closure of a dehisced wound is a wound repair too, with no laceration named.
  if (
    loose.length > 0 &&
    !mentionsPhrase(index, lex.deepRepairWords) &&
    (mentionsPhrase(index, lex.woundWords, lex.negationWords) ||
      namedRepairs(loose, index) ||
      listed.size > 0 ||
      namesSecondaryClosure(loose, index, lex, unnegated))
  )
    out.push(...looseRepairs(loose, index, next + out.length, encounters, lex, listed));
  for (const e of out) {
    markSecondaryClosure(e, index, lex, unnegated);
    contaminatedUpgrade(e, index, lex);
  }
  if (lex.secondaryClosure) oneSecondaryClosurePerPlace(out, lex.secondaryClosure.codeKey);
  return out;
}

/**
 * A simple closure of a heavily contaminated wound that needed extensive cleaning ("gravel ...
 * extensive irrigation and removal of particulate matter, then single-layer closure") is an
 * intermediate repair. Both must be written, un-negated, in the closure's sentences or the two
 * before them.
 */
function contaminatedUpgrade(e: ProcedureEvent, index: MentionIndex, lex: CompiledLexicon): void {
  const rule = lex.contaminated;
  if (!rule || e.repairType !== "simple") return;
  const sentences = index.doc.sentences;
  const first = Math.max(0, Math.min(...e.anchors.map((a) => a.sentence)) - 2);
  const last = Math.max(...e.anchors.map((a) => a.sentence));
  const from = sentences[first]!.firstToken;
  const to = sentences[last]!.lastToken;
  const canon = index.doc.canon;
  const said = (words: PhraseTrie<string>) =>
    unnegatedHit(words, canon, from, to, lex.negationWords);
  if (!said(rule.contamination) || !said(rule.cleaning)) return;
  e.repairType = "intermediate";
  e.ruleIds.push(rule.id);
  e.issues.push({
    code: "repair_type_upgraded",
    message:
      "single-layer closure of a heavily contaminated wound that needed extensive cleaning: coded as an intermediate repair",
    severity: "info",
    ruleId: rule.id,
  });
}

/**
 * A note that only repairs ("Intermediate layered repair 2.2 cm of the left cheek"): every closure
 * names its type, and its sentence a repair length and a skin site.
 */
function namedRepairs(loose: ProcedureMention[], index: MentionIndex): boolean {
  return loose.every(
    (m) =>
      m.repairType !== undefined &&
      inSentence(index, m.sentence, "size").some(
        (s) => s.role === "repair" || s.role === "unknown",
      ) &&
      inSentence(index, m.sentence, "site").some((s) => s.siteGroup !== undefined),
  );
}

/**
 * Wounds listed one per line under a heading naming them, closed together by one closure in the
 * heading or in the sentence right after the list ("Wounds:" / "- L forearm 2.5 cm" / "- R knee
 * 3.0 cm" / "All closed in layers."): the item sentences naming a site and a length, each with
 * the type of the closure that closes them (lexicon procedures.listedWounds). A closure sentence
 * naming a site or a length of its own closes that wound, not the list.
 */
function listedWounds(
  loose: ProcedureMention[],
  index: MentionIndex,
  lex: CompiledLexicon,
): Map<number, string> {
  const out = new Map<number, string>();
  const rule = lex.listedWounds;
  if (!rule || loose.length === 0) return out;
  const doc = index.doc;
  const isItem = (k: number) => opensListItem(doc, k);
  const sameSection = (a: number, b: number) =>
    doc.sentences[a]!.sectionIndex === doc.sentences[b]!.sectionIndex;
  const bySentence = new Map<number, ProcedureMention[]>();
  for (const m of loose)
    if (isBillable(index, m))
      bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  // "Wounds: (1) L scalp 3.0 cm (2) R foot 2.0 cm" written inline: the sentence is its own list.
  const inlineList = (k: number) => {
    const markers = inlineItemMarkers(index, k);
    if (markers.length < 2) return false;
    const s = doc.sentences[k]!;
    const head = tokenAt(doc.tokens, markers[0]!);
    return (
      doc.text.slice(s.start, markers[0]).trimEnd().endsWith(":") &&
      hasPhrase(rule.headings, doc.canon, s.firstToken, head)
    );
  };
  const typeOf = (closures: ProcedureMention[]) =>
    mostComplex(closures.map((m) => m.repairType)) ?? "simple";
  for (const [k, closures] of bySentence) {
    const before = closures.filter((m) => m.start < (inlineItemMarkers(index, k)[0] ?? 0));
    if (before.length > 0 && inlineList(k)) {
      // "Layered closure of the wounds: 1) ... 2) ...".
      out.set(k, typeOf(before));
      continue;
    }
    const alone =
      inSentence(index, k, "site").length === 0 &&
      !inSentence(index, k, "size").some((x) => x.unit === "cm");
    if (alone && k > 0 && sameSection(k - 1, k) && inlineList(k - 1) && !bySentence.has(k - 1)) {
      // "Wounds: 1) ... 2) ... . All closed in layers."
      out.set(k - 1, typeOf(closures));
      continue;
    }
    let heading: number | undefined;
    let first: number;
    let last: number;
    if (endsWithColon(index, k) && k + 1 < doc.sentences.length && isItem(k + 1)) {
      // "Layered closure of the wounds:" then the items.
      heading = k;
      first = k + 1;
      last = first;
      while (last + 1 < doc.sentences.length && sameSection(last + 1, k) && isItem(last + 1))
        last++;
    } else {
      // The items, then "All closed in layers.", naming no wound of its own.
      if (!alone) continue;
      last = k - 1;
      first = last;
      while (first >= 0 && sameSection(first, k) && isItem(first)) first--;
      first++;
      if (first > last || first === 0 || !sameSection(first - 1, k)) continue;
      if (!endsWithColon(index, first - 1)) continue;
      heading = first - 1;
    }
    const h = doc.sentences[heading]!;
    if (!hasPhrase(rule.headings, doc.canon, h.firstToken, h.lastToken)) continue;
    const type = typeOf(closures);
    for (let item = first; item <= last; item++)
      if (
        inSentence(index, item, "site").length > 0 &&
        inSentence(index, item, "size").some((x) => x.unit === "cm" && LENGTH_ROLES.has(x.role))
      )
        out.set(item, type);
  }
  return out;
}

/** Roles a closure length may carry: cued as repair, or uncued after the closure words. */
const LENGTH_ROLES = new Set(["repair", "unknown"]);
const FOLLOWING = 2;

/**
 * Lengths of a closure: measurements after the closure words in their sentence, up to another
 * procedure named after them ("layered closure with 5-0 Monocryl, 6.0 cm"), and repair-cued
 * ones in the next sentences ("Repair length 8.0 cm"). The longest one is the wound length.
 */
function repairLengths(mentions: ProcedureMention[], index: MentionIndex): SizeMention[] {
  const out: SizeMention[] = [];
  for (const m of mentions) {
    // "Complex repair of the 6 cm wound after excision of a 2.5 cm SCC": a size after another
    // procedure named later in the sentence is that procedure's.
    const other = inSentence(index, m.sentence, "procedure").find(
      (p) => p.start > m.end && p.procedure !== "repair" && !p.weak,
    );
    // "...repair 2.2 cm; nasal defect with intermediate repair 1.8 cm": nor is a size after a
    // closure of another wound.
    const otherWound = inSentence(index, m.sentence, "procedure").find(
      (p) => p.start > m.end && p.procedure === "repair" && !mentions.includes(p),
    );
    const before = Math.min(
      other?.start ?? Number.POSITIVE_INFINITY,
      otherWound?.start ?? Number.POSITIVE_INFINITY,
    );
    for (const s of inSentence(index, m.sentence, "size")) {
      if (
        s.start > m.start &&
        s.start < before &&
        s.unit === "cm" &&
        LENGTH_ROLES.has(s.role) &&
        !out.includes(s)
      )
        out.push(s);
    }
    const section = index.doc.sentences[m.sentence]!.sectionIndex;
    // "The wound measured 6.0 cm in length after excision. The deep dermal layer was closed
    // ...": a length measured in the sentence just before the closure, with no closure of its
    // own, is this closure's.
    const previous = m.sentence - 1;
    if (
      previous >= 0 &&
      index.doc.sentences[previous]!.sectionIndex === section &&
      !inSentence(index, previous, "procedure").some((p) => p.procedure === "repair")
    )
      for (const s of inSentence(index, previous, "size"))
        if (s.role === "repair" && s.unit === "cm" && !out.includes(s)) out.push(s);
    for (
      let k = m.sentence + 1;
      k <= m.sentence + FOLLOWING && k < index.doc.sentences.length;
      k++
    ) {
      if (index.doc.sentences[k]!.sectionIndex !== section) break;
      // "...complex repair measured 2.3 cm. The arm lesion was excised and closed, 4.0 cm.": a
      // sentence that names another procedure measures that one's wound.
      if (inSentence(index, k, "procedure").some((p) => !mentions.includes(p))) break;
      for (const s of inSentence(index, k, "size"))
        if (s.role === "repair" && !out.includes(s)) out.push(s);
    }
  }
  // "The wound measured 5.0 cm and was closed in layers", "The 4.2 cm wound was closed in
  // layers": with no length of its own, a layered closure is as long as the wound its sentence
  // measures (a simple one is bundled anyway).
  if (out.length === 0)
    for (const m of mentions.filter((x) => x.repairType && x.repairType !== "simple"))
      for (const s of inSentence(index, m.sentence, "size"))
        if (
          (s.role === "defect" || (s.role === "repair" && s.end <= m.start)) &&
          s.unit === "cm" &&
          s.dims.length < 2 &&
          !out.includes(s)
        )
          out.push(s);
  return out;
}

function woundFor(
  m: ProcedureMention,
  events: ProcedureEvent[],
  index: MentionIndex,
): number | undefined {
  // "Punch site closed with one 4-0 nylon suture; shave sites ...": a technique word just before
  // the closure in its sentence names the wound it closes.
  const named = inSentence(index, m.sentence, "technique").findLast((t) => t.end <= m.start);
  // Whether any event has the named technique: asked once, not once per event tested.
  const namedAny = named !== undefined && events.some((x) => x.technique === named.technique);
  const closes = (e: ProcedureEvent) =>
    WOUND_KINDS.has(e.kind) &&
    e.assertion.billable &&
    (!named || e.technique === named.technique || !namedAny);
  // "Tumor B: SCC, right forearm. Stage I ... Intermediate repair, 3.2 cm.": a closure told
  // among one tumour's sentences of a Mohs report treating several closes that tumour's wound.
  const tumour = events.find(
    (e) => closes(e) && e.tumour && m.sentence >= e.tumour.first && m.sentence < e.tumour.end,
  );
  if (tumour) return tumour.index;
  // "Cheek defect closed with ...; nasal defect with ...": the site named just before the
  // closure in its clause picks the wound at that site, when exactly one is; so does the site
  // named right after it ("Complex repair L ala 2.0 cm. Complex repair R cheek 2.0 cm.": each
  // sentence closes its own wound).
  const site = clauseSite(m, index) ?? closureSiteAfter(m, index);
  if (site) {
    const sided = (e: ProcedureEvent) =>
      closes(e) &&
      (!e.site?.laterality || !site.laterality || e.site.laterality === site.laterality);
    // The same head word ("right cheek", "cheek") first, then the same site ("chin": face).
    const head = lastWord(site.text);
    for (const same of [
      (e: ProcedureEvent) => e.site !== undefined && lastWord(e.site.text) === head,
      (e: ProcedureEvent) => e.site?.site === site.site,
    ]) {
      const at = events.filter((e) => sided(e) && same(e));
      if (at.length === 1) return at[0]!.index;
      if (at.length > 1) break;
    }
  }
  let best: ProcedureEvent | undefined;
  let bestStart = -1;
  for (const e of events) {
    if (!closes(e)) continue;
    if (e.anchors.some((a) => a.sentence === m.sentence)) return e.index;
    for (const a of e.anchors) {
      if (a.start < m.start && a.start > bestStart) {
        best = e;
        bestStart = a.start;
      }
    }
  }
  return best && (lastListedBefore(best, m, events, index, closes) ?? best).index;
}

/**
 * "Excision x3" over "#1 BCC R forearm ... Layered closure 2.5 cm." and "#2 BCC L arm ...
 * Layered closure 3.1 cm.": of the lesions of one list (events sharing the heading's words), a
 * closure after them closes the one listed last before it.
 */
function lastListedBefore(
  best: ProcedureEvent,
  m: ProcedureMention,
  events: ProcedureEvent[],
  index: MentionIndex,
  closes: (e: ProcedureEvent) => boolean,
): ProcedureEvent | undefined {
  const listed = (e: ProcedureEvent) =>
    e.site !== undefined && e.site.start < m.start && index.itemOpens.has(e.site.sentence);
  if (!listed(best)) return undefined;
  const head = best.anchors[0];
  return events
    .filter((e) => e.anchors[0] === head && closes(e) && listed(e))
    .reduce((a, b) => (b.site!.start > a.site!.start ? b : a), best);
}

function repairEvent(
  i: number,
  mentions: ProcedureMention[],
  site: SiteMention | undefined,
  lengths: SizeMention[],
  index: MentionIndex,
  closes?: number,
): ProcedureEvent {
  const bestType = mostComplex(mentions.map((m) => m.repairType));
  const billable = mentions.find((m) => isBillable(index, m)) ?? mentions[0]!;
  const length = lengths.length > 0 ? Math.max(...lengths.map((l) => l.value)) : undefined;
  return {
    index: i,
    kind: "repair",
    repairType: bestType ?? "simple",
    anchors: mentions,
    scope: [...new Set(mentions.map((m) => m.sentence))],
    ...(site ? { site } : {}),
    sizes: lengths,
    derived: length !== undefined ? { repairLengthCm: length } : {},
    lesions: [],
    count: 1,
    countSource: "default",
    skin: "skin",
    pathology: "none",
    malignancy: "unknown",
    assertion: index.assertions.get(billable.id) as Assertion,
    lesion: closes ?? i,
    ...(closes !== undefined ? { closes } : {}),
    evidence: [...mentions, ...lengths, ...(site ? [site] : [])],
    issues: bestType
      ? []
      : [
          {
            code: "repair_type_inferred",
            message: "closure type not stated: treated as a simple repair",
            severity: "info",
          },
        ],
    ruleIds: mentions.map((m) => m.ruleId),
  };
}

/**
 * Wound repairs without a lesion procedure: one event per repair group and encounter, lengths
 * summed (repairs of separate encounters on one date are reported separately).
 */
function looseRepairs(
  mentions: ProcedureMention[],
  index: MentionIndex,
  next: number,
  encounters: Int32Array,
  lex: CompiledLexicon,
  listed: ReadonlyMap<number, string>,
): ProcedureEvent[] {
  const woundWords = lex.woundWords;
  // A length cued as a repair, or an uncued one in a sentence naming the wound or its closure
  // ("Lacerations of the forehead, 2.5 cm, and scalp, 3.0 cm, were repaired").
  const closing = new Set(mentions.map((m) => m.sentence));
  const woundSentence = (k: number) => {
    const s = index.doc.sentences[k]!;
    return hasPhrase(woundWords, index.doc.canon, s.firstToken, s.lastToken);
  };
  const lengths = ofKind(index, "size").filter(
    (s) =>
      s.role === "repair" ||
      (s.role === "unknown" &&
        s.unit === "cm" &&
        (closing.has(s.sentence) || listed.has(s.sentence) || woundSentence(s.sentence))),
  );
  const type = mostComplex(mentions.map((m) => m.repairType)) ?? "simple";
  type Group = { site?: SiteMention; sizes: SizeMention[]; encounter: number; type?: string };
  // "EXAM: 3.2 cm laceration of the left forehead" ... "ASSESSMENT: Simple laceration, left
  // forehead, 3.2 cm": the same length at the same place in another section is the same wound
  // (a side named once, "the forearm laceration ... 3 cm", is the same place).
  const places = lengths.map((len) => nearestSite(len, index));
  const sectionOf = (len: SizeMention) => index.doc.sentences[len.sentence]!.sectionIndex;
  const told = new Set<SizeMention>();
  lengths.forEach((len, i) => {
    const here = places[i];
    const retold = lengths.slice(0, i).some((o, j) => {
      const there = places[j];
      return (
        !told.has(o) &&
        o.value === len.value &&
        sectionOf(o) !== sectionOf(len) &&
        (!here || !there || samePlace(here, there))
      );
    });
    if (retold) told.add(len);
  });
  // Wounds measured in one place and closed by name in later sentences.
  const named = namedWoundTypes(
    lengths.filter((len) => !told.has(len) && ownType(len, mentions, index) === undefined),
    mentions,
    index,
  );
  const groups = new Map<string, Group>();
  for (const len of lengths) {
    if (told.has(len)) continue;
    const site = nearestSite(len, index) ?? woundSiteBefore(len, index, woundSentence);
    const encounter = encounters[len.sentence] ?? 0;
    // "a 2.5 cm laceration ... with a simple closure, and a 4 cm laceration ... requires a
    // layered closure": a length takes the type of the closure named in its own clause.
    // "Wounds:" / "- L forearm 2.5 cm" / "All closed in layers.": a listed wound takes the type
    // of the closure of its list.
    const own = ownType(len, mentions, index) ?? named.get(len) ?? listed.get(len.sentence);
    const key = `${site?.repairGroups[own ?? type] ?? "unknown"}|${own ?? type}|${encounter}`;
    const g: Group = groups.get(key) ?? {
      ...(site ? { site } : {}),
      sizes: [],
      encounter,
      ...(own ? { type: own } : {}),
    };
    g.sizes.push(len);
    groups.set(key, g);
  }
  if (groups.size === 0) {
    // No length anywhere: when a closure is named with its wound, the site is the one named with
    // the closure, else the one every sentence naming the wound agrees on ("Closure of multiple
    // lacerations" + "Lacerations of the periorbital area").
    const site = woundSite(mentions, index, type, woundSentence);
    groups.set("unknown", { ...(site ? { site } : {}), sizes: [], encounter: 0 });
  }
  const several = new Set([...groups.values()].map((g) => g.encounter)).size > 1;
  return [...groups.values()].map((g, k) => {
    const own = several ? mentions.filter((m) => encounters[m.sentence] === g.encounter) : mentions;
    const e = repairEvent(next + k, own.length > 0 ? own : mentions, g.site, g.sizes, index);
    e.encounter = g.encounter;
    if (g.type) e.repairType = g.type;
    else if (several) {
      e.repairType = mostComplex(own.map((m) => m.repairType)) ?? type;
    } else e.repairType = type;
    if (lex.listedWounds && g.sizes.some((len) => listed.has(len.sentence)))
      e.ruleIds.push(lex.listedWounds.id);
    if (g.sizes.length > 0)
      e.derived = {
        repairLengthCm: roundTo(
          g.sizes.reduce((a, s) => a + s.value * woundsOfLength(s, index), 0),
          2,
        ),
      };
    return e;
  });
}

/** "Two 2 cm lacerations": a count right before a length measures that many wounds. */
function woundsOfLength(len: SizeMention, index: MentionIndex): number {
  const count = inSentence(index, len.sentence, "count").find(
    (c) => !c.vague && c.end <= len.start && len.start - c.end <= 1 && c.count <= 10,
  );
  return count && count.count > 1 ? count.count : 1;
}

function woundSite(
  mentions: ProcedureMention[],
  index: MentionIndex,
  type: string,
  woundSentence: (k: number) => boolean,
): SiteMention | undefined {
  // Only a closure named with its wound in the procedure's own text ("PROCEDURE: Closure of
  // multiple lacerations"), not one reported in a history or an exam ("lacerations, which are
  // sutured"), takes its site from the note this way.
  const named = mentions.filter(
    (m) =>
      woundSentence(m.sentence) && PROCEDURE_SECTIONS.has(index.doc.sentences[m.sentence]!.section),
  );
  if (named.length === 0) return undefined;
  const own = named.flatMap((m) => inSentence(index, m.sentence, "site"));
  const sites =
    own.length > 0
      ? own
      : ofKind(index, "site").filter(
          (s) => woundSentence(s.sentence) && index.assertions.get(s.id)?.negation !== "negated",
        );
  const groups = new Set(sites.map((s) => s.repairGroups[type]));
  return groups.size === 1 ? sites[0] : undefined;
}

/**
 * The repair type of a length's wound: the one closure type its sentence names, else, when the
 * sentence names several, the type of the closure in the length's own clause (no list joiner
 * between them); undefined when its sentence names none.
 */
function ownType(
  len: SizeMention,
  mentions: ProcedureMention[],
  index: MentionIndex,
): string | undefined {
  const here = mentions.filter((m) => m.sentence === len.sentence && m.repairType);
  const types = new Set(here.map((m) => m.repairType));
  // One closure type in the length's sentence: that sentence's wounds were closed that way.
  if (types.size === 1) return here[0]!.repairType;
  // "3.2 cm laceration ... closed with 5 interrupted 4-0 nylon sutures": a closure of its own
  // sentence that names no layer is simple, whatever another wound's closure was.
  if (types.size === 0 && mentions.some((m) => m.sentence === len.sentence)) return "simple";
  if (types.size < 2) return undefined;
  const own = here.filter((m) => apart(index, len, m) === 0);
  return own.length === 1 ? own[0]!.repairType : undefined;
}

/**
 * How far apart in its list two mentions of one sentence are: the list joiners and the inline
 * item markers between them ("1) L forearm 2.6 cm 2) L dorsal hand 2.0 cm": 2.0 cm is in the
 * hand's item, not the forearm's).
 */
function apart(index: MentionIndex, a: SizeMention, b: { start: number; end: number }): number {
  return joinersBetween(index, a, b) + markersBetween(index, a.sentence, a, b);
}

/** How many sentences before a wound's length its site may be named. */
const SITE_BEFORE = 2;

/**
 * "Left forearm laceration. The 4 cm laceration was closed ...": with no site in its sentence,
 * a wound length takes the site of a sentence shortly before, in its section, that names the
 * wound at one site only.
 */
function woundSiteBefore(
  len: SizeMention,
  index: MentionIndex,
  woundSentence: (k: number) => boolean,
): SiteMention | undefined {
  const sentences = index.doc.sentences;
  const section = sentences[len.sentence]!.sectionIndex;
  for (let k = len.sentence - 1; k >= 0 && k >= len.sentence - SITE_BEFORE; k--) {
    if (sentences[k]!.sectionIndex !== section) break;
    const sites = inSentence(index, k, "site");
    if (sites.length === 0) continue;
    const places = new Set(sites.map(placeKey));
    return woundSentence(k) && places.size === 1 ? sites[0] : undefined;
  }
  return undefined;
}

/**
 * "Layered closures: cheek 3.0 cm, chin 2.5 cm" after the excision of two lesions: one closure
 * names a length for each wound of its excision, each beside its own site, so the repair length
 * is their sum (5.5 cm), not the longest. Only when the excision counted at least as many lesions
 * as there are lengths, and every length stands right by a different place (no list joiner
 * between them); undefined otherwise.
 */
function lengthsPerSite(
  lengths: readonly SizeMention[],
  lesions: number,
  index: MentionIndex,
): number | undefined {
  if (lengths.length < 2 || lesions < lengths.length) return undefined;
  const places = new Set<string>();
  for (const len of lengths) {
    const site = nearestSite(len, index);
    if (!site || apart(index, len, site) > 0) return undefined;
    const key = placeKey(site);
    if (places.has(key)) return undefined;
    places.add(key);
  }
  return roundTo(
    lengths.reduce((sum, l) => sum + l.value, 0),
    2,
  );
}

/**
 * The site a wound length belongs to: the one fewest list joiners or item markers away ("2.5 cm
 * laceration of the forehead and 3.0 cm laceration of the scalp": 3.0 cm is the scalp's), then
 * the nearest.
 */
function nearestSite(size: SizeMention, index: MentionIndex): SiteMention | undefined {
  let best: { site: SiteMention; joiners: number; distance: number } | undefined;
  for (const site of inSentence(index, size.sentence, "site")) {
    const joiners = apart(index, size, site);
    const distance = Math.abs(site.start - size.start);
    if (!best || joiners < best.joiners || (joiners === best.joiners && distance < best.distance))
      best = { site, joiners, distance };
  }
  return best?.site;
}

/**
 * Does the note name a phrase of `words` anywhere? A closure without a lesion procedure is a
 * wound repair only when the note names a wound, and not when it repairs a tendon or nerve.
 */
function mentionsPhrase(
  index: MentionIndex,
  words: PhraseTrie<string>,
  negators?: ReadonlySet<string>,
): boolean {
  const canon = index.doc.canon;
  if (!negators) return hasPhrase(words, canon, 0, canon.length);
  return unnegatedHit(words, canon, 0, canon.length, negators);
}

/** A phrase of `words` in [from, to) with no negation in the three tokens before it ("No laceration of the bowel"). */
function unnegatedHit(
  words: PhraseTrie<string>,
  canon: readonly string[],
  from: number,
  to: number,
  negators: ReadonlySet<string>,
): boolean {
  return unnegatedHits(words, canon, from, to, negators).length > 0;
}

function unnegatedHits(
  words: PhraseTrie<string>,
  canon: readonly string[],
  from: number,
  to: number,
  negators: ReadonlySet<string>,
) {
  return words
    .findAll(canon, from, to)
    .filter((hit) => ![1, 2, 3].some((k) => negators.has(canon[hit.start - k] ?? "")));
}
