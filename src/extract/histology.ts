import type { CompiledLexicon } from "../lexicon/compile.ts";
import type { Doc, HistologyMention, PathologyStatusMention } from "../types.ts";
import { matchSentences, mentionBase } from "./match.ts";

/**
 * Diagnosis terms with their malignancy ("nodular BCC" malignant, "AK" premalignant, "lesion"
 * unknown) and pathology status cues ("path pending", "biopsy-proven"). A term counts as
 * pathology evidence when it sits in a pathology section or after a "final" cue in its sentence.
 */
export function extractHistology(
  doc: Doc,
  lex: CompiledLexicon,
): (HistologyMention | PathologyStatusMention)[] {
  const status = matchSentences(doc, lex.pathologyStatus);
  const out: (HistologyMention | PathologyStatusMention)[] = status.map((m) => ({
    ...mentionBase(doc, "pathology_status", m.first, m.last, m.payload.id, m.sentence),
    kind: "pathology_status" as const,
    status: m.payload.status,
  }));
  let placed: Set<number> | undefined;
  for (const m of matchSentences(doc, lex.histology)) {
    // "skin tag-like nevus", "lipoma-like cyst": a likeness names another lesion.
    if (likeness(doc, m.last)) continue;
    const t = m.payload;
    // A bare "mass" is a lesion only in a sentence placing an excision at a depth.
    placed ??= t.needsDepth ? depthSentences(doc, lex) : undefined;
    if (t.needsDepth && !placed?.has(m.sentence)) continue;
    const sentence = doc.sentences[m.sentence]!;
    const cue = status.some(
      (s) => s.sentence === m.sentence && s.payload.status === "final" && s.first < m.first,
    );
    out.push({
      ...mentionBase(doc, "histology", m.first, m.last, t.id, m.sentence),
      kind: "histology",
      histology: t.histology,
      malignancy: t.malignancy,
      skinSpecific: t.skinSpecific,
      tissue: t.tissue,
      ...(t.wound ? { wound: true } : {}),
      ...(t.needsDepth ? { needsDepth: true } : {}),
      ...(t.procedureAs ? { procedureAs: t.procedureAs } : {}),
      lesional: t.lesional,
      ...(t.destruction ? { destruction: t.destruction } : {}),
      fromPathology: sentence.section === "pathology" || cue,
    });
  }
  return out;
}

/**
 * Sentences with a depth phrase of an excision ("subcutaneous mass", "deep to the fascia",
 * "dissected from the overlying skin"): the excision techniques of the lexicon are depths.
 */
function depthSentences(doc: Doc, lex: CompiledLexicon): Set<number> {
  return new Set(
    matchSentences(doc, lex.techniques)
      .filter((m) => m.payload.applies.includes("excision"))
      .map((m) => m.sentence),
  );
}

/** "-like" or "like" right after a diagnosis ("tag-like", "SK like"): it describes a look-alike. */
function likeness(doc: Doc, next: number): boolean {
  const a = doc.canon[next];
  return a === "like" || (a === "-" && doc.canon[next + 1] === "like");
}
