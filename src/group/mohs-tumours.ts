import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { HistologyMention, SiteMention } from "../types.ts";
import { inSentence, isBillable, type MentionIndex } from "./index-mentions.ts";
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
  const staged = opening.filter((t) => namesStage(t, index, lex));
  staged.forEach((t, i) => {
    t.end = staged[i + 1]?.first ?? end;
  });
  const apart = staged.every((t, i) => staged.slice(0, i).every((o) => !samePlace(o.site, t.site)));
  return staged.length >= 2 && apart ? staged : [];
}

/** A stage word in the tumour's sentences ("Stage I: 2 blocks", "First stage: 3 sections"). */
function namesStage(t: Tumour, index: MentionIndex, lex: CompiledLexicon): boolean {
  const words = lex.mohsStageWords;
  const doc = index.doc;
  const from = doc.sentences[t.first]!.firstToken;
  const to = doc.sentences[t.end - 1]!.lastToken;
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
