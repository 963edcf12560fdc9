import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc, HistologyMention, SiteMention } from "../types.ts";
import { inSentence, isBillable, type MentionIndex } from "./index-mentions.ts";
import { stageNamedAt } from "./mohs.ts";
import { samePlace } from "./places.ts";
import type { ProcedureEvent } from "./types.ts";

/** Sizes a tumour's own sentences may give it (its lesion or defect; not a closure length). */
const TUMOUR_SIZE_ROLES = new Set(["lesion", "defect"]);

interface Tumour {
  /** Sentence indexes [first, end) of the tumour's part of the report. */
  first: number;
  end: number;
  site: SiteMention;
  histology: HistologyMention;
}

/**
 * Several tumours in one Mohs report ("Tumor A: BCC, left helix. Stage I: 2 blocks ... Tumor B:
 * SCC in situ, right forearm. Stage I: ... Stage II: ..."): a sentence naming a cancer at a site,
 * followed by stages of its own before the next such sentence, opens one tumour. The note's one
 * Mohs event becomes one event per tumour, each with its site, diagnosis and sentences (its
 * stages, defect and closure), so that each has its own first stage and further stages.
 */
export function splitMohsTumours(
  events: ProcedureEvent[],
  index: MentionIndex,
  lex: CompiledLexicon,
): ProcedureEvent[] {
  const mohs = events.filter((e) => e.kind === "mohs" && e.assertion.billable);
  if (mohs.length !== 1) return events;
  const e = mohs[0]!;
  const tumours = tumoursOf(e, index, lex);
  if (tumours.length < 2) return events;
  const out = events.flatMap((x) => (x === e ? tumours.map((t) => tumourEvent(e, t, index)) : [x]));
  out.forEach((x, i) => {
    x.index = i;
    x.lesion = i;
  });
  return out;
}

/** The tumours of the event's sections, from its first sentence on; [] unless at two places. */
function tumoursOf(e: ProcedureEvent, index: MentionIndex, lex: CompiledLexicon): Tumour[] {
  const sentences = index.doc.sentences;
  const sections = new Set(e.anchors.map((a) => sentences[a.sentence]!.sectionIndex));
  const from = Math.min(...e.anchors.map((a) => a.sentence));
  const body = sentences
    .filter((s) => s.index >= from && sections.has(s.sectionIndex))
    .map((s) => s.index);
  const end = (body.at(-1) ?? from) + 1;
  const opening = body.flatMap((k) => {
    const histology = inSentence(index, k, "histology").find(
      (h) => h.malignancy === "malignant" && !h.fromPathology && isBillable(index, h),
    );
    const site = inSentence(index, k, "site")[0];
    return histology && site ? [{ first: k, end, site, histology }] : [];
  });
  opening.forEach((t, i) => {
    t.end = opening[i + 1]?.first ?? end;
  });
  const staged = opening.filter((t) => namesStage(index.doc, lex, t.first, t.end));
  staged.forEach((t, i) => {
    t.end = staged[i + 1]?.first ?? end;
  });
  if (staged.length >= 2 && apart(staged)) return staged;
  const repeated = repeatedFirstStages(e, body, end, index, lex);
  return repeated.length >= 2 && apart(repeated) ? repeated : [];
}

const apart = (ts: Tumour[]) =>
  ts.every((t, i) => ts.slice(0, i).every((o) => !samePlace(o.site, t.site)));

/**
 * "Mohs on two BCCs. L forearm: stage I 3 blocks, clear. R cheek: stage I 4 blocks, clear.": a
 * first stage named again after the report already had one starts another tumour, from the
 * sentence naming its site (that sentence, or the last one before it with a site and no stage
 * word). Each tumour's cancer is one named in its own sentences, else the one the lead-in names.
 */
function repeatedFirstStages(
  e: ProcedureEvent,
  body: number[],
  end: number,
  index: MentionIndex,
  lex: CompiledLexicon,
): Tumour[] {
  const doc = index.doc;
  const firsts = body.filter((k) => namesFirstStage(doc, lex, k));
  if (firsts.length < 2) return [];
  const siteOf = (k: number) => inSentence(index, k, "site")[0];
  const starts = firsts.map((f, i) => {
    if (i === 0 || siteOf(f)) return f;
    // "R cheek. Stage I: 4 blocks": the site line just before the stage opens the tumour.
    let j = f;
    while (j - 1 > firsts[i - 1]! && !namesStage(doc, lex, j - 1, j)) j--;
    return body.filter((k) => k >= j && k < f && siteOf(k)).at(-1) ?? f;
  });
  starts[0] = body[0]!;
  const lead = e.histology?.malignancy === "malignant" ? e.histology : undefined;
  const out: Tumour[] = [];
  for (const [i, first] of starts.entries()) {
    const to = starts[i + 1] ?? end;
    const own = body.filter((k) => k >= first && k < to);
    const site = own.map(siteOf).find((s) => s !== undefined);
    const histology =
      own
        .flatMap((k) => inSentence(index, k, "histology"))
        .find((h) => h.malignancy === "malignant" && !h.fromPathology && isBillable(index, h)) ??
      lead;
    if (!site || !histology) return [];
    out.push({ first, end: to, site, histology });
  }
  return out;
}

/** "Stage I", "stage 1", "first stage": the sentence names a first Mohs stage. */
function namesFirstStage(doc: Doc, lex: CompiledLexicon, k: number): boolean {
  const s = doc.sentences[k]!;
  for (let i = s.firstToken; i < s.lastToken; i++) {
    if (!lex.mohsStageWords.has(doc.canon[i]!)) continue;
    if (stageNamedAt(doc, lex, i, s.firstToken, s.lastToken) === 1) return true;
  }
  return false;
}

/** A stage word in the sentences [first, end) ("Stage I: 2 blocks", "First stage: 3 sections"). */
function namesStage(doc: Doc, lex: CompiledLexicon, first: number, end: number): boolean {
  const words = lex.mohsStageWords;
  const from = doc.sentences[first]!.firstToken;
  const to = doc.sentences[end - 1]!.lastToken;
  for (let i = from; i < to; i++) if (words.has(doc.canon[i]!)) return true;
  return false;
}

function tumourEvent(e: ProcedureEvent, t: Tumour, index: MentionIndex): ProcedureEvent {
  const inside = (k: number) => k >= t.first && k < t.end;
  const own = e.anchors.filter((a) => inside(a.sentence));
  const title = e.anchors.filter((a) => a.sentence < t.first);
  const anchors = own.length > 0 ? own : title.length > 0 ? title : [e.anchors[0]!];
  const scope = Array.from({ length: t.end - t.first }, (_, k) => t.first + k);
  const sizes = scope.flatMap((k) =>
    inSentence(index, k, "size").filter((s) => TUMOUR_SIZE_ROLES.has(s.role)),
  );
  return {
    ...e,
    anchors,
    scope,
    tumour: { first: t.first, end: t.end },
    site: t.site,
    siteInferred: false,
    sizes,
    histology: t.histology,
    lesions: [{ histology: t.histology, count: 1 }],
    count: 1,
    countSource: "explicit",
    malignancy: "malignant",
    evidence: [...anchors, t.site, t.histology],
    issues: [],
    ruleIds: [...e.ruleIds, "group.mohs-tumours"],
  };
}
