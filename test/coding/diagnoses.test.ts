import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileIcd10, type DiagnosisFact, suggestDiagnoses } from "../../src/coding/diagnoses.ts";
import type { Laterality } from "../../src/schemas/api.ts";
import { DiagnosisSchema } from "../../src/schemas/api.ts";
import { Icd10LexiconSchema } from "../../src/schemas/icd10.ts";

const lex = Icd10LexiconSchema.parse(
  JSON.parse(readFileSync(new URL("../../lexicon/icd10.json", import.meta.url), "utf8")),
);
const icd = compileIcd10(lex);
const C = lex.confidence;

function fact(over: Partial<DiagnosisFact> = {}): DiagnosisFact {
  return {
    malignancy: "unknown",
    pathology: "final",
    temporality: "recent",
    experiencer: "patient",
    evidence: [],
    procedures: [],
    ruleIds: [],
    ...over,
  };
}
const codesOf = (facts: DiagnosisFact[]) =>
  suggestDiagnoses(facts, icd).diagnoses.map((d) => d.code);
const one = (over: Partial<DiagnosisFact>) => codesOf([fact(over)]);

describe("suggestDiagnoses: single-code diagnoses", () => {
  it.each([
    ["actinic_keratosis", "L57.0"],
    ["seborrheic_keratosis", "L82.1"],
    ["seborrheic_keratosis_irritated", "L82.0"],
    ["dermatosis_papulosa_nigra", "L82.1"],
    ["keratoacanthoma", "L85.8"],
    ["wart", "B07.9"],
    ["common_wart", "B07.8"],
    ["flat_wart", "B07.8"],
    ["plantar_wart", "B07.0"],
    ["anogenital_wart", "A63.0"],
    ["molluscum", "B08.1"],
    ["epidermoid_cyst", "L72.0"],
    ["pilar_cyst", "L72.11"],
    ["trichodermal_cyst", "L72.12"],
    ["sebaceous_cyst", "L72.3"],
    ["steatocystoma", "L72.2"],
    ["skin_tag", "L91.8"],
    ["pyogenic_granuloma", "L98.0"],
    ["hemangioma", "D18.01"],
    ["keloid", "L91.0"],
    ["psoriasis", "L40.0"],
    ["psoriasis_unspecified", "L40.9"],
    ["guttate_psoriasis", "L40.4"],
    ["pustular_psoriasis", "L40.1"],
    ["palmoplantar_pustulosis", "L40.3"],
    ["atopic_dermatitis", "L20.9"],
    ["eczema", "L30.9"],
    ["rosacea", "L71.9"],
    ["acne", "L70.0"],
    ["alopecia_areata", "L63.9"],
    ["onychomycosis", "B35.1"],
    ["ingrown_nail", "L60.0"],
    ["corn_callus", "L84"],
    ["lichen_planus", "L43.9"],
    ["lichen_simplex", "L28.0"],
    ["prurigo_nodularis", "L28.1"],
    ["mycosis_fungoides", "C84.09"],
    ["neoplasm_unspecified", "D49.2"],
    ["uncertain_behavior", "D48.5"],
    ["lentigo", "L81.4"],
  ])("%s -> %s (site and side do not matter)", (histology, code) => {
    expect(one({ histology, site: "trunk" })).toEqual([code]);
    expect(one({ histology, site: "upper_limb", laterality: "left" })).toEqual([code]);
    expect(one({ histology })).toEqual([code]);
  });

  it("uses confidence by pathology status for single codes", () => {
    const conf = (pathology: DiagnosisFact["pathology"]) =>
      suggestDiagnoses([fact({ histology: "actinic_keratosis", pathology })], icd).diagnoses[0]!
        .confidence;
    expect(conf("final")).toBe(C.final);
    expect(conf("none")).toBe(C.none);
    expect(conf("pending")).toBe(C.pending);
  });
});

describe("suggestDiagnoses: site tables", () => {
  it.each<[string, string | undefined, Laterality | undefined, string]>([
    ["melanoma", "trunk", undefined, "C43.59"],
    ["melanoma", "nose", undefined, "C43.31"],
    ["melanoma", "face", undefined, "C43.39"],
    ["melanoma", "breast", undefined, "C43.52"],
    ["melanoma", "anal", undefined, "C43.51"],
    ["melanoma", "upper_limb", "right", "C43.61"],
    ["melanoma", "lower_limb", "left", "C43.72"],
    ["melanoma", "scalp_neck", "left", "C43.4"],
    ["melanoma", "overlapping", undefined, "C43.8"],
    ["melanoma", undefined, undefined, "C43.9"],
    ["melanoma_in_situ", "nose", undefined, "D03.39"],
    ["melanoma_in_situ", "breast", undefined, "D03.52"],
    ["melanoma_in_situ", "overlapping", undefined, "D03.8"],
    ["bcc", "nose", undefined, "C44.311"],
    ["bcc", "face", undefined, "C44.319"],
    ["bcc", "face_unspecified", undefined, "C44.310"],
    ["bcc", "lip", undefined, "C44.01"],
    ["bcc", "scalp_neck", undefined, "C44.41"],
    ["bcc", "anal", undefined, "C44.510"],
    ["bcc", "breast", undefined, "C44.511"],
    ["bcc", "trunk", undefined, "C44.519"],
    ["bcc", "unspecified", undefined, "C44.91"],
    ["scc", "lip", undefined, "C44.02"],
    ["scc", "trunk", undefined, "C44.529"],
    ["scc", "overlapping", undefined, "C44.82"],
    ["malignant_unspecified", "trunk", undefined, "C44.509"],
    ["malignant_other", "ear", "left", "C44.299"],
    ["sebaceous_carcinoma", "trunk", undefined, "C44.599"],
    ["scc_in_situ", "lower_limb", "right", "D04.71"],
    ["scc_in_situ", "trunk", undefined, "D04.5"],
    ["scc_in_situ", "breast", undefined, "D04.5"],
    ["scc_in_situ", "nose", undefined, "D04.39"],
    ["nevus", "trunk", undefined, "D22.5"],
    ["nevus", "anal", undefined, "D22.5"],
    ["nevus", "face", undefined, "D22.39"],
    ["nevus", "overlapping", undefined, "D22.9"],
    ["atypical_nevus", "lower_limb", "left", "D22.72"],
    ["dermatofibroma", "lower_limb", "right", "D23.71"],
    ["benign_neoplasm", "scalp_neck", undefined, "D23.4"],
    ["merkel_cell", "nose", undefined, "C4A.31"],
    ["merkel_cell", "upper_limb", "left", "C4A.62"],
    ["lipoma", "trunk", undefined, "D17.1"],
    ["lipoma", "scalp_neck", undefined, "D17.0"],
    ["lipoma", "upper_limb", "right", "D17.21"],
    ["lipoma", "upper_limb", "left", "D17.22"],
    ["lipoma", "lower_limb", "right", "D17.23"],
    ["lipoma", "lower_limb", "left", "D17.24"],
    ["lipoma", "lower_limb", undefined, "D17.20"],
    ["lipoma", undefined, undefined, "D17.30"],
    ["lipoma", "genital", undefined, "D17.39"],
    ["abscess", "face", undefined, "L02.01"],
    ["abscess", "trunk", undefined, "L02.91"],
    ["abscess", undefined, undefined, "L02.91"],
    ["vitiligo", "trunk", undefined, "L80"],
    ["vitiligo", undefined, undefined, "L80"],
  ])("%s at %s (%s) -> %s", (histology, site, laterality, code) => {
    expect(one({ histology, site, laterality })).toEqual([code]);
  });
});

describe("suggestDiagnoses: laterality conventions", () => {
  // C44: right = 2, left = 9, unspecified side = 1. C43/D03/D04/D22/D23: right = 1, left = 2, unspecified = 0.
  it.each<[string, string, Laterality | undefined, string]>([
    ["bcc", "upper_limb", "right", "C44.612"],
    ["bcc", "upper_limb", "left", "C44.619"],
    ["bcc", "upper_limb", undefined, "C44.611"],
    ["scc", "lower_limb", "right", "C44.722"],
    ["scc", "lower_limb", "left", "C44.729"],
    ["scc", "lower_limb", undefined, "C44.721"],
    ["bcc", "ear", "right", "C44.212"],
    ["bcc", "ear", "left", "C44.219"],
    ["malignant_unspecified", "ear", undefined, "C44.201"],
    ["melanoma", "upper_limb", "right", "C43.61"],
    ["melanoma", "upper_limb", "left", "C43.62"],
    ["melanoma", "upper_limb", undefined, "C43.60"],
    ["melanoma_in_situ", "lower_limb", "left", "D03.72"],
    ["scc_in_situ", "upper_limb", "left", "D04.62"],
    ["nevus", "upper_limb", "right", "D22.61"],
    ["nevus", "ear", "left", "D22.22"],
    ["nevus", "ear", undefined, "D22.20"],
    ["benign_neoplasm", "upper_limb", "left", "D23.62"],
    ["benign_neoplasm", "lower_limb", undefined, "D23.70"],
  ])("%s %s %s -> %s", (histology, site, laterality, code) => {
    expect(one({ histology, site, laterality })).toEqual([code]);
  });

  it("caps confidence when the side is not stated", () => {
    const [d] = suggestDiagnoses([fact({ histology: "bcc", site: "upper_limb" })], icd).diagnoses;
    expect(d!.confidence).toBe(C.caps.sideUnspecified);
    const [e] = suggestDiagnoses(
      [fact({ histology: "bcc", site: "upper_limb", laterality: "left" })],
      icd,
    ).diagnoses;
    expect(e!.confidence).toBe(C.final);
  });

  it("caps confidence when the site is not stated", () => {
    const [d] = suggestDiagnoses([fact({ histology: "nevus" })], icd).diagnoses;
    expect(d).toMatchObject({ code: "D22.9", confidence: C.caps.siteUnspecified });
  });

  it.each<[string, string, string[]]>([
    ["nevus", "upper_limb", ["D22.61", "D22.62"]],
    ["bcc", "lower_limb", ["C44.712", "C44.719"]],
    ["melanoma", "ear", ["C43.21", "C43.22"]],
    ["lipoma", "upper_limb", ["D17.21", "D17.22"]],
    ["nevus", "trunk", ["D22.5"]],
    ["actinic_keratosis", "face", ["L57.0"]],
  ])("bilateral %s on %s -> %j", (histology, site, codes) => {
    expect(one({ histology, site, laterality: "bilateral", procedures: [0] })).toEqual(codes);
  });
});

describe("suggestDiagnoses: eyelid upper/lower", () => {
  const lids: [Laterality | undefined, "upper" | "lower" | undefined][] = [
    ["right", "upper"],
    ["right", "lower"],
    ["left", "upper"],
    ["left", "lower"],
    [undefined, undefined],
    [undefined, "upper"],
  ];
  it.each<[string, string[]]>([
    ["melanoma", ["C43.111", "C43.112", "C43.121", "C43.122", "C43.10", "C43.10"]],
    ["melanoma_in_situ", ["D03.111", "D03.112", "D03.121", "D03.122", "D03.10", "D03.10"]],
    ["bcc", ["C44.1121", "C44.1122", "C44.1191", "C44.1192", "C44.111", "C44.111"]],
    ["scc", ["C44.1221", "C44.1222", "C44.1291", "C44.1292", "C44.121", "C44.121"]],
    [
      "malignant_unspecified",
      ["C44.1021", "C44.1022", "C44.1091", "C44.1092", "C44.101", "C44.101"],
    ],
    ["malignant_other", ["C44.1921", "C44.1922", "C44.1991", "C44.1992", "C44.191", "C44.191"]],
    ["sebaceous_carcinoma", ["C44.1321", "C44.1322", "C44.1391", "C44.1392", "C44.131", "C44.131"]],
    ["scc_in_situ", ["D04.111", "D04.112", "D04.121", "D04.122", "D04.10", "D04.10"]],
    ["nevus", ["D22.111", "D22.112", "D22.121", "D22.122", "D22.10", "D22.10"]],
    ["benign_neoplasm", ["D23.111", "D23.112", "D23.121", "D23.122", "D23.10", "D23.10"]],
    ["merkel_cell", ["C4A.111", "C4A.112", "C4A.121", "C4A.122", "C4A.10", "C4A.10"]],
    ["vitiligo", ["H02.731", "H02.732", "H02.734", "H02.735", "H02.739", "H02.739"]],
    ["lipoma", ["D17.0", "D17.0", "D17.0", "D17.0", "D17.0", "D17.0"]],
  ])("%s", (histology, expected) => {
    const got = lids.map(([laterality, eyelid]) =>
      one({ histology, site: "eyelid", laterality, eyelid }).join(),
    );
    expect(got).toEqual(expected);
  });

  it("falls back to the unspecified-eyelid code with a warning when the lid is missing", () => {
    const out = suggestDiagnoses(
      [fact({ histology: "bcc", site: "eyelid", laterality: "right", procedures: [2] })],
      icd,
    );
    expect(out.diagnoses.map((d) => d.code)).toEqual(["C44.111"]);
    expect(out.diagnoses[0]!.confidence).toBe(C.caps.eyelidPositionMissing);
    expect(out.warnings).toEqual([
      expect.objectContaining({ kind: "eyelid_position_missing", procedure: 2 }),
    ]);
  });

  it("uses the side-specific 'lid not stated' code where one exists (eyelid vitiligo)", () => {
    expect(one({ histology: "vitiligo", site: "eyelid", laterality: "right" })).toEqual([
      "H02.733",
    ]);
    expect(one({ histology: "vitiligo", site: "eyelid", laterality: "left" })).toEqual(["H02.736"]);
    expect(
      one({ histology: "nevus", site: "eyelid", laterality: "bilateral", eyelid: "lower" }),
    ).toEqual(["D22.112", "D22.122"]);
  });
});

describe("suggestDiagnoses: pathology status", () => {
  it.each<[string, DiagnosisFact["pathology"], number[], string[], string | undefined]>([
    // pending pathology on a neoplasm -> D49.2 + warning
    ["nevus", "pending", [0], ["D49.2"], "pathology_pending"],
    ["atypical_nevus", "pending", [0], ["D49.2"], "pathology_pending"],
    ["dermatofibroma", "pending", [0], ["D49.2"], "pathology_pending"],
    ["bcc", "pending", [0], ["D49.2"], "pathology_pending"],
    ["melanoma", "pending", [], ["D49.2"], "pathology_pending"],
    ["keratoacanthoma", "pending", [0], ["D49.2"], "pathology_pending"],
    ["neoplasm_unspecified", "pending", [0], ["D49.2"], "pathology_pending"],
    ["uncertain_behavior", "pending", [0], ["D49.2"], "pathology_pending"],
    // non-neoplastic clinical diagnoses keep their code while pathology is out
    ["actinic_keratosis", "pending", [0], ["L57.0"], undefined],
    ["seborrheic_keratosis_irritated", "pending", [0], ["L82.0"], undefined],
    ["lipoma", "pending", [0], ["D17.1"], undefined],
    ["epidermoid_cyst", "pending", [0], ["L72.0"], undefined],
    // clinical suspicion of cancer: not coded; D49.2 only when a procedure sampled it
    ["bcc", "none", [0], ["D49.2"], "malignancy_unconfirmed"],
    ["bcc", "none", [], [], "malignancy_unconfirmed"],
    ["melanoma", "none", [1], ["D49.2"], "malignancy_unconfirmed"],
    ["scc_in_situ", "none", [], [], "malignancy_unconfirmed"],
    ["uncertain_behavior", "none", [0], ["D49.2"], "malignancy_unconfirmed"],
    // clinical benign neoplasms are coded clinically
    ["nevus", "none", [0], ["D22.5"], undefined],
    ["atypical_nevus", "final", [0], ["D22.5"], undefined],
    ["uncertain_behavior", "final", [0], ["D48.5"], undefined],
    ["bcc", "final", [0], ["C44.519"], undefined],
  ])(
    "%s with pathology %s, procedures %j -> %j (%s)",
    (histology, pathology, procedures, codes, warning) => {
      const out = suggestDiagnoses(
        [fact({ histology, pathology, procedures, site: "trunk" })],
        icd,
      );
      expect(out.diagnoses.map((d) => d.code)).toEqual(codes);
      expect(out.warnings.map((w) => w.kind)).toEqual(
        warning ? Array(Math.max(procedures.length, 1)).fill(warning) : [],
      );
      for (const w of out.warnings) if (procedures.length) expect(w.procedure).toBe(procedures[0]);
    },
  );

  it("never emits D48.5 for an atypical nevus, whatever the status", () => {
    for (const pathology of ["final", "pending", "none"] as const) {
      expect(one({ histology: "atypical_nevus", pathology, procedures: [0] })).not.toContain(
        "D48.5",
      );
    }
  });

  it("gives D49.2 the unspecified-behaviour confidence", () => {
    const out = suggestDiagnoses(
      [fact({ histology: "nevus", pathology: "pending", procedures: [0] })],
      icd,
    );
    expect(out.diagnoses[0]!.confidence).toBe(C.unspecifiedBehavior);
    expect(out.diagnoses[0]!.ruleIds).toContain(lex.policies.pendingPathology.id);
  });
});

describe("suggestDiagnoses: pathology wins", () => {
  it.each<[string, DiagnosisFact[], string[]]>([
    [
      "final melanoma replaces clinical nevus",
      [
        fact({ histology: "nevus", pathology: "none", site: "trunk", procedures: [0] }),
        fact({ histology: "melanoma", pathology: "final", site: "trunk", procedures: [0] }),
      ],
      ["C43.59"],
    ],
    [
      "final BCC replaces a clinical SK (order does not matter)",
      [
        fact({ histology: "bcc", pathology: "final", site: "nose", procedures: [0] }),
        fact({
          histology: "seborrheic_keratosis",
          pathology: "none",
          site: "nose",
          procedures: [0],
        }),
      ],
      ["C44.311"],
    ],
    [
      "final benign result replaces suspected melanoma (no D49.2)",
      [
        fact({ histology: "melanoma", pathology: "none", site: "trunk", procedures: [0] }),
        fact({ histology: "atypical_nevus", pathology: "final", site: "trunk", procedures: [0] }),
      ],
      ["D22.5"],
    ],
    [
      "final replaces the pending fact of the same procedure",
      [
        fact({ histology: "neoplasm_unspecified", pathology: "pending", procedures: [0] }),
        fact({ histology: "scc", pathology: "final", site: "lip", procedures: [0] }),
      ],
      ["C44.02"],
    ],
    [
      "a final fact for another procedure does not override",
      [
        fact({ histology: "actinic_keratosis", pathology: "none", procedures: [0] }),
        fact({ histology: "bcc", pathology: "final", site: "trunk", procedures: [1] }),
      ],
      ["L57.0", "C44.519"],
    ],
    [
      "a fact without procedures is never overridden",
      [
        fact({ histology: "psoriasis", pathology: "none" }),
        fact({ histology: "bcc", pathology: "final", site: "trunk", procedures: [0] }),
      ],
      ["C44.519", "L40.0"],
    ],
    [
      "historical final facts do not override today's clinical facts",
      [
        fact({ histology: "nevus", pathology: "none", site: "trunk", procedures: [0] }),
        fact({ histology: "melanoma", temporality: "historical", procedures: [0] }),
      ],
      ["D22.5", "Z85.820"],
    ],
  ])("%s", (_name, facts, codes) => {
    expect(codesOf(facts)).toEqual(codes);
  });

  it("keeps the clinical code for the procedures the final fact does not cover", () => {
    const out = suggestDiagnoses(
      [
        fact({ histology: "seborrheic_keratosis", pathology: "none", procedures: [0, 1] }),
        fact({ histology: "bcc", pathology: "final", site: "trunk", procedures: [0] }),
      ],
      icd,
    );
    expect(out.diagnoses.map((d) => [d.code, d.procedures])).toEqual([
      ["C44.519", [0]],
      ["L82.1", [1]],
    ]);
    expect(out.diagnoses[1]!.ruleIds).toContain(lex.policies.pathologyWins.id);
  });
});

describe("suggestDiagnoses: history and family", () => {
  it.each<[string, string[]]>([
    ["melanoma", ["Z85.820"]],
    ["melanoma_in_situ", ["Z86.006"]],
    ["bcc", ["Z85.828"]],
    ["scc", ["Z85.828"]],
    ["scc_in_situ", ["Z86.007"]],
    ["merkel_cell", ["Z85.821"]],
    ["mycosis_fungoides", ["Z85.72"]],
    ["malignant_unspecified", ["Z85.828"]],
    ["nevus", []],
    ["atypical_nevus", []],
    ["actinic_keratosis", []],
    ["psoriasis", []],
    ["wart", []],
  ])("history of %s -> %j", (histology, codes) => {
    for (const pathology of ["final", "none"] as const) {
      expect(one({ histology, pathology, temporality: "historical", site: "trunk" })).toEqual(
        codes,
      );
    }
  });

  it("gives history codes the history confidence", () => {
    const [d] = suggestDiagnoses(
      [fact({ histology: "bcc", temporality: "historical" })],
      icd,
    ).diagnoses;
    expect(d!.confidence).toBe(C.history);
  });

  it.each<[string, string[]]>([
    ["melanoma", ["Z80.8"]],
    ["bcc", ["Z80.8"]],
    ["scc", ["Z80.8"]],
    ["merkel_cell", ["Z80.8"]],
    ["nevus", []],
    ["psoriasis", []],
    ["atopic_dermatitis", []],
  ])("family history of %s -> %j", (histology, codes) => {
    for (const temporality of ["recent", "historical"] as const) {
      expect(one({ histology, experiencer: "other", temporality, procedures: [0] })).toEqual(codes);
    }
  });

  it("marks the family-history code as low confidence (unverified mapping) and unlinked", () => {
    const [d] = suggestDiagnoses(
      [fact({ histology: "melanoma", experiencer: "other", procedures: [3] })],
      icd,
    ).diagnoses;
    expect(d!.confidence).toBeLessThanOrEqual(C.caps.unverified);
    expect(d!.procedures).toEqual([]);
  });
});

describe("suggestDiagnoses: sites the code families exclude", () => {
  it.each([
    "bcc",
    "scc",
    "melanoma",
    "melanoma_in_situ",
    "scc_in_situ",
    "merkel_cell",
    "nevus",
    "benign_neoplasm",
  ])("%s on genital skin -> warning, no code", (histology) => {
    const out = suggestDiagnoses([fact({ histology, site: "genital", procedures: [4] })], icd);
    expect(out.diagnoses).toEqual([]);
    expect(out.warnings).toEqual([
      expect.objectContaining({ kind: "site_excluded", procedure: 4 }),
    ]);
  });

  it.each(["lip", "eyelid", "ear", "nose", "anal", "breast", "genital"])(
    "abscess at %s -> warning, no L02 code",
    (site) => {
      const out = suggestDiagnoses([fact({ histology: "abscess", site })], icd);
      expect(out.diagnoses).toEqual([]);
      expect(out.warnings.map((w) => w.kind)).toEqual(["site_excluded"]);
    },
  );

  it("codes anogenital warts whatever the site", () => {
    expect(one({ histology: "anogenital_wart", site: "genital" })).toEqual(["A63.0"]);
  });
});

describe("suggestDiagnoses: missing or unknown input", () => {
  it.each<[DiagnosisFact["malignancy"], DiagnosisFact["pathology"], number[], string[]]>([
    ["malignant", "final", [0], ["C44.509"]],
    ["malignant", "none", [0], ["D49.2"]],
    ["uncertain", "final", [0], ["D48.5"]],
    ["uncertain", "none", [0], ["D49.2"]],
    ["pending", "pending", [0], ["D49.2"]],
    ["benign", "final", [0], []],
    ["unknown", "none", [0], []],
  ])(
    "no histology, malignancy %s, pathology %s -> %j",
    (malignancy, pathology, procedures, codes) => {
      expect(one({ malignancy, pathology, procedures, site: "trunk" })).toEqual(codes);
    },
  );

  it("warns when a fact cannot be mapped", () => {
    const out = suggestDiagnoses(
      [fact({ histology: "lichen_sclerosus", procedures: [1] }), fact({ malignancy: "benign" })],
      icd,
    );
    expect(out.diagnoses).toEqual([]);
    expect(out.warnings.map((w) => [w.kind, w.procedure])).toEqual([
      ["diagnosis_unmapped", 1],
      ["diagnosis_unmapped", undefined],
    ]);
  });

  it("treats an unknown site key as unspecified, with a warning", () => {
    const out = suggestDiagnoses(
      [fact({ histology: "bcc", site: "foot", laterality: "left" })],
      icd,
    );
    expect(out.diagnoses.map((d) => d.code)).toEqual(["C44.91"]);
    expect(out.warnings.map((w) => w.kind)).toEqual(["site_unmapped"]);
  });

  it("ignores someone else's non-cancer diagnosis and historical benign ones silently", () => {
    const out = suggestDiagnoses(
      [
        fact({ histology: "psoriasis", experiencer: "other" }),
        fact({ histology: "nevus", temporality: "historical" }),
      ],
      icd,
    );
    expect(out).toEqual({ diagnoses: [], warnings: [] });
  });
});

describe("suggestDiagnoses: merging, order and output shape", () => {
  const span = (start: number, text: string) => ({ start, end: start + text.length, text });

  it("merges identical codes: procedures and evidence concatenated, highest confidence", () => {
    const out = suggestDiagnoses(
      [
        fact({
          histology: "nevus",
          pathology: "none",
          site: "trunk",
          procedures: [2],
          evidence: [span(10, "nevus")],
          ruleIds: ["hist.nevus"],
        }),
        fact({
          histology: "atypical_nevus",
          site: "trunk",
          procedures: [0],
          evidence: [span(40, "dysplastic nevus"), span(10, "nevus")],
          ruleIds: ["hist.dysplastic"],
        }),
      ],
      icd,
    );
    expect(out.diagnoses).toHaveLength(1);
    const [d] = out.diagnoses;
    expect(d).toMatchObject({
      code: "D22.5",
      confidence: C.final,
      procedures: [0, 2],
      evidence: [span(10, "nevus"), span(40, "dysplastic nevus")],
    });
    expect(d!.ruleIds).toEqual(
      expect.arrayContaining([
        "hist.nevus",
        "hist.dysplastic",
        lex.histologies.nevus!.id,
        lex.histologies.atypical_nevus!.id,
        lex.families.d22!.id,
      ]),
    );
    expect(DiagnosisSchema.parse(d)).toEqual(d);
    expect(d!.description).toBe(lex.codes["D22.5"]!.description);
  });

  it("orders codes linked to procedures first, by procedure, then the rest in note order", () => {
    const codes = codesOf([
      fact({ histology: "psoriasis" }),
      fact({ histology: "bcc", site: "nose", procedures: [1] }),
      fact({ histology: "melanoma", temporality: "historical" }),
      fact({ histology: "actinic_keratosis", procedures: [0] }),
    ]);
    expect(codes).toEqual(["L57.0", "C44.311", "L40.0", "Z85.820"]);
  });

  it("is pure: same input, same output, input untouched", () => {
    const facts = [
      fact({ histology: "nevus", site: "trunk", procedures: [0], evidence: [span(0, "x")] }),
      fact({ histology: "nevus", site: "trunk", procedures: [1], evidence: [span(5, "y")] }),
    ];
    const copy = structuredClone(facts);
    const a = suggestDiagnoses(facts, icd);
    const b = suggestDiagnoses(facts, icd);
    expect(a).toEqual(b);
    expect(facts).toEqual(copy);
    expect(suggestDiagnoses([], icd)).toEqual({ diagnoses: [], warnings: [] });
  });

  it("rejects a lexicon whose histology names an unknown family", () => {
    const broken = structuredClone(lex);
    broken.histologies.nevus = { ...broken.histologies.nevus!, family: "nope" };
    expect(() => compileIcd10(broken)).toThrow(/unknown family/);
  });
});
