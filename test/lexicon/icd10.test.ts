import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileIcd10, type DiagnosisFact, suggestDiagnoses } from "../../src/coding/diagnoses.ts";
import { resolveSite } from "../../src/coding/icd/site.ts";
import type { Laterality, Malignancy } from "../../src/schemas/api.ts";
import { familyCodes, type Icd10Lexicon, Icd10LexiconSchema } from "../../src/schemas/icd10.ts";

const root = new URL("../../", import.meta.url);
const raw = JSON.parse(readFileSync(new URL("lexicon/icd10.json", root), "utf8"));
const lex: Icd10Lexicon = Icd10LexiconSchema.parse(raw);
const icd = compileIcd10(lex);
const valid = new Set(lex.validCodes);

/** The agreed extractor vocabulary (lead's brief): every key must be mapped. */
const HISTOLOGY_KEYS = [
  "actinic_keratosis",
  "seborrheic_keratosis",
  "seborrheic_keratosis_irritated",
  "dermatosis_papulosa_nigra",
  "nevus",
  "atypical_nevus",
  "bcc",
  "scc",
  "scc_in_situ",
  "melanoma",
  "melanoma_in_situ",
  "merkel_cell",
  "keratoacanthoma",
  "wart",
  "common_wart",
  "flat_wart",
  "plantar_wart",
  "anogenital_wart",
  "molluscum",
  "epidermoid_cyst",
  "pilar_cyst",
  "sebaceous_cyst",
  "steatocystoma",
  "lipoma",
  "skin_tag",
  "dermatofibroma",
  "pyogenic_granuloma",
  "hemangioma",
  "keloid",
  "psoriasis",
  "guttate_psoriasis",
  "pustular_psoriasis",
  "palmoplantar_pustulosis",
  "atopic_dermatitis",
  "eczema",
  "vitiligo",
  "abscess",
  "rosacea",
  "acne",
  "alopecia_areata",
  "onychomycosis",
  "ingrown_nail",
  "corn_callus",
  "lichen_planus",
  "lichen_simplex",
  "prurigo_nodularis",
  "mycosis_fungoides",
  "neoplasm_unspecified",
  "uncertain_behavior",
  "lentigo",
  "benign_neoplasm",
];
const SITE_KEYS = [
  "lip",
  "eyelid",
  "ear",
  "nose",
  "face",
  "face_unspecified",
  "scalp_neck",
  "anal",
  "breast",
  "trunk",
  "upper_limb",
  "lower_limb",
  "genital",
  "overlapping",
  "unspecified",
];

/**
 * Reference section 12.3 (FY2026 leaf codes), transcribed. Columns: C43, D03, C44 BCC, C44 SCC,
 * C44 NOS, C44 other, D04, D22, D23. When ../shared/reference is present it is checked against it.
 */
const TABLE_12_3 = `
| lip | C43.0 | D03.0 | C44.01 | C44.02 | C44.00 | C44.09 | D04.0 | D22.0 | D23.0 |
| eyelid, side unspecified | C43.10 | D03.10 | C44.111 | C44.121 | C44.101 | C44.191 | D04.10 | D22.10 | D23.10 |
| right upper eyelid | C43.111 | D03.111 | C44.1121 | C44.1221 | C44.1021 | C44.1921 | D04.111 | D22.111 | D23.111 |
| right lower eyelid | C43.112 | D03.112 | C44.1122 | C44.1222 | C44.1022 | C44.1922 | D04.112 | D22.112 | D23.112 |
| left upper eyelid | C43.121 | D03.121 | C44.1191 | C44.1291 | C44.1091 | C44.1991 | D04.121 | D22.121 | D23.121 |
| left lower eyelid | C43.122 | D03.122 | C44.1192 | C44.1292 | C44.1092 | C44.1992 | D04.122 | D22.122 | D23.122 |
| ear, side unspecified | C43.20 | D03.20 | C44.211 | C44.221 | C44.201 | C44.291 | D04.20 | D22.20 | D23.20 |
| right ear | C43.21 | D03.21 | C44.212 | C44.222 | C44.202 | C44.292 | D04.21 | D22.21 | D23.21 |
| left ear | C43.22 | D03.22 | C44.219 | C44.229 | C44.209 | C44.299 | D04.22 | D22.22 | D23.22 |
| face, part unspecified | C43.30 | D03.30 | C44.310 | C44.320 | C44.300 | C44.390 | D04.30 | D22.30 | D23.30 |
| nose | C43.31 | D03.39 | C44.311 | C44.321 | C44.301 | C44.391 | D04.39 | D22.39 | D23.39 |
| other face | C43.39 | D03.39 | C44.319 | C44.329 | C44.309 | C44.399 | D04.39 | D22.39 | D23.39 |
| scalp and neck | C43.4 | D03.4 | C44.41 | C44.42 | C44.40 | C44.49 | D04.4 | D22.4 | D23.4 |
| anal / perianal skin | C43.51 | D03.51 | C44.510 | C44.520 | C44.500 | C44.590 | D04.5 | D22.5 | D23.5 |
| breast skin | C43.52 | D03.52 | C44.511 | C44.521 | C44.501 | C44.591 | D04.5 | D22.5 | D23.5 |
| other trunk | C43.59 | D03.59 | C44.519 | C44.529 | C44.509 | C44.599 | D04.5 | D22.5 | D23.5 |
| upper limb, side unspecified | C43.60 | D03.60 | C44.611 | C44.621 | C44.601 | C44.691 | D04.60 | D22.60 | D23.60 |
| right upper limb | C43.61 | D03.61 | C44.612 | C44.622 | C44.602 | C44.692 | D04.61 | D22.61 | D23.61 |
| left upper limb | C43.62 | D03.62 | C44.619 | C44.629 | C44.609 | C44.699 | D04.62 | D22.62 | D23.62 |
| lower limb, side unspecified | C43.70 | D03.70 | C44.711 | C44.721 | C44.701 | C44.791 | D04.70 | D22.70 | D23.70 |
| right lower limb | C43.71 | D03.71 | C44.712 | C44.722 | C44.702 | C44.792 | D04.71 | D22.71 | D23.71 |
| left lower limb | C43.72 | D03.72 | C44.719 | C44.729 | C44.709 | C44.799 | D04.72 | D22.72 | D23.72 |
| overlapping / other sites | C43.8 | D03.8 | C44.81 | C44.82 | C44.80 | C44.89 | D04.8 | - | - |
| unspecified site | C43.9 | D03.9 | C44.91 | C44.92 | C44.90 | C44.99 | D04.9 | D22.9 | D23.9 |
`;
/** The fact each row stands for, in row order. */
const ROW_QUERIES: { site: string; laterality?: Laterality; eyelid?: "upper" | "lower" }[] = [
  { site: "lip" },
  { site: "eyelid" },
  { site: "eyelid", laterality: "right", eyelid: "upper" },
  { site: "eyelid", laterality: "right", eyelid: "lower" },
  { site: "eyelid", laterality: "left", eyelid: "upper" },
  { site: "eyelid", laterality: "left", eyelid: "lower" },
  { site: "ear" },
  { site: "ear", laterality: "right" },
  { site: "ear", laterality: "left" },
  { site: "face_unspecified" },
  { site: "nose" },
  { site: "face" },
  { site: "scalp_neck" },
  { site: "anal" },
  { site: "breast" },
  { site: "trunk" },
  { site: "upper_limb" },
  { site: "upper_limb", laterality: "right" },
  { site: "upper_limb", laterality: "left" },
  { site: "lower_limb" },
  { site: "lower_limb", laterality: "right" },
  { site: "lower_limb", laterality: "left" },
  { site: "overlapping" },
  { site: "unspecified" },
];
const COLUMNS = [
  "melanoma",
  "melanoma_in_situ",
  "bcc",
  "scc",
  "malignant_unspecified",
  "malignant_other",
  "scc_in_situ",
  "nevus",
  "benign_neoplasm",
];
const TABLE_PREFIXES = /^(C43|D03|C44|D04|D22|D23)\./;

/** Code cells of every markdown table row whose cells after the first are codes or "-". */
function parseCodeRows(markdown: string): string[][] {
  const rows: string[][] = [];
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 11) continue;
    const codes = cells.slice(2, 11);
    if (codes.every((c) => c === "-" || /^[CD]\d\d\.[0-9]{1,4}$/.test(c))) rows.push(codes);
  }
  return rows;
}
const referenceRows = parseCodeRows(TABLE_12_3);
const referenceCodes = new Set(referenceRows.flat().filter((c) => c !== "-"));

/** Headers the reference lists as not billable (12.3), expanded. */
const HEADERS = [
  ...["C43.1", "C43.11", "C43.12", "C43.2", "C43.3", "C43.5", "C43.6", "C43.7"],
  ...["C44.1", "C44.10", "C44.102", "C44.109", "C44.11", "C44.112", "C44.119", "C44.12"],
  ...["C44.122", "C44.129", "C44.13", "C44.132", "C44.139", "C44.19", "C44.192", "C44.199"],
  ...["2", "3", "5", "6", "7"].flatMap((s) => ["0", "1", "2", "9"].map((h) => `C44.${s}${h}`)),
  ...["C44.0", "C44.2", "C44.3", "C44.4", "C44.5", "C44.6", "C44.7", "C44.8", "C44.9"],
  ...["D03", "D04", "D22", "D23"].flatMap((c) =>
    ["1", "11", "12", "2", "3", "6", "7"].map((s) => `${c}.${s}`),
  ),
  "D03.5",
  ...["D17.2", "D17.3", "L72.1", "L40.5", "L20.8", "L02.0", "L02.9", "B07", "L40", "L72"],
  ...["C84.0", "H02.73", "Z85.82", "Z86.00", "C4A.1", "C4A.11", "C4A.12", "C4A.2", "C4A.3"],
];

describe("lexicon/icd10.json", () => {
  it("parses with Icd10LexiconSchema and compiles", () => {
    expect(Icd10LexiconSchema.safeParse(raw).success).toBe(true);
    expect(icd.codes.size).toBe(lex.validCodes.length);
  });

  it("points at the generated JSON Schema, which is up to date", () => {
    expect(raw.$schema).toBe("./schema/icd10.json");
    const onDisk = JSON.parse(readFileSync(new URL("lexicon/schema/icd10.json", root), "utf8"));
    expect(onDisk).toEqual(
      JSON.parse(JSON.stringify(z.toJSONSchema(Icd10LexiconSchema, { io: "input" }))),
    );
  });

  it("has unique rule ids", () => {
    const ids = [
      ...Object.values(lex.families).map((f) => f.id),
      ...Object.values(lex.histologies).map((h) => h.id),
      ...Object.values(lex.policies).flatMap((p) => ("id" in p ? [p.id as string] : [])),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("maps every histology and site key of the agreed vocabulary", () => {
    for (const key of HISTOLOGY_KEYS) expect(lex.histologies, key).toHaveProperty(key);
    expect(Object.keys(lex.siteKeys).sort()).toEqual([...SITE_KEYS].sort());
    const extra = Object.entries(lex.histologies).filter(([k]) => !HISTOLOGY_KEYS.includes(k));
    for (const [key, h] of extra) expect(h.extension, `${key} must be marked extension`).toBe(true);
  });

  it("gives every site-tabled neoplasm family a code or an exclusion for every site key", () => {
    for (const name of ["c43", "c4a", "d03", "c44_bcc", "c44_scc", "c44_nos", "c44_other"]) {
      const fam = lex.families[name]!;
      for (const site of SITE_KEYS) {
        const covered = site in (fam.sites ?? {}) || site in (fam.excludedSites ?? {});
        expect(covered, `${name} ${site}`).toBe(true);
      }
    }
    for (const name of ["c44_sebaceous", "d04", "d22", "d23", "d17"]) {
      const fam = lex.families[name]!;
      for (const site of SITE_KEYS) {
        const covered = site in (fam.sites ?? {}) || site in (fam.excludedSites ?? {});
        expect(covered, `${name} ${site}`).toBe(true);
      }
    }
  });

  it("excludes genital skin from C44 and the other skin neoplasm tables", () => {
    for (const name of ["c43", "c4a", "d03", "c44_bcc", "c44_scc", "c44_nos", "c44_other", "d04"]) {
      expect(lex.families[name]!.excludedSites, name).toHaveProperty("genital");
    }
    for (const name of ["d22", "d23"]) {
      expect(lex.families[name]!.excludedSites, name).toHaveProperty("genital");
    }
  });

  it("uses D48.5 only for uncertain_behavior and D22 for atypical nevus", () => {
    const users = Object.entries(lex.histologies).filter(([, h]) => h.code === "D48.5");
    expect(users.map(([k]) => k)).toEqual(["uncertain_behavior"]);
    expect(lex.histologies.uncertain_behavior!.requiresFinalPathology).toBe(true);
    expect(lex.histologies.atypical_nevus!.family).toBe("d22");
    for (const fam of Object.values(lex.families)) expect(familyCodes(fam)).not.toContain("D48.5");
  });

  it("maps the history codes of reference 12 and notes the unverified ones", () => {
    const h = lex.histologies;
    expect(h.melanoma!.history).toBe("Z85.820");
    expect(h.bcc!.history).toBe("Z85.828");
    expect(h.scc!.history).toBe("Z85.828");
    expect(h.merkel_cell!.history).toBe("Z85.821");
    expect(h.melanoma_in_situ!.history).toBe("Z86.006");
    expect(h.scc_in_situ!.history).toBe("Z86.007");
    for (const c of ["Z86.006", "Z86.007", "Z80.8", "L85.8", "L72.12", "L82.0", "H02.731"]) {
      expect(lex.codes[c]?.note ?? lex.families.vitiligo!.note, c).toMatch(/unverified/i);
    }
    expect(lex.codes["Z80.8"]!.unverified).toBe(true);
    const benign = Object.entries(h).filter(([, x]) => !x.requiresFinalPathology);
    for (const [key, x] of benign) expect(x.history, key).toBeUndefined();
  });

  it.each(
    ROW_QUERIES.flatMap((q, row) =>
      COLUMNS.map((histology, col) => ({ q, histology, expected: referenceRows[row]![col]! })),
    ),
  )(
    "12.3: $histology at $q.site $q.laterality $q.eyelid -> $expected",
    ({ q, histology, expected }) => {
      const fam = lex.families[lex.histologies[histology]!.family!]!;
      const r = resolveSite(fam, q);
      // D22/D23 have no overlapping code (table shows "-"): the mapper falls back to .9
      const want = expected === "-" ? (histology === "nevus" ? "D22.9" : "D23.9") : expected;
      expect(r.kind === "codes" ? r.codes : r).toEqual([want]);
    },
  );

  it("transcribes reference table 12.3 faithfully (when ../shared is present)", (ctx) => {
    const file = fileURLToPath(new URL("../shared/reference/dermatology-coding.md", root));
    if (!existsSync(file)) ctx.skip();
    const text = readFileSync(file, "utf8");
    const start = text.indexOf("### 12.3");
    const section = text.slice(start, text.indexOf("\n## 13", start));
    expect(referenceRows).toHaveLength(ROW_QUERIES.length);
    expect(parseCodeRows(section)).toEqual(referenceRows);
    for (const h of ["C43.1", "C44.11", "D22.1", "D03.11", "C44.199"]) expect(section).toContain(h);
  });

  it("lists only 12.3 codes (plus sebaceous eyelid C44.13x) for C43/D03/C44/D04/D22/D23", () => {
    const sebaceous = new Set(["C44.131", "C44.1321", "C44.1322", "C44.1391", "C44.1392"]);
    for (const code of lex.validCodes.filter((c) => TABLE_PREFIXES.test(c))) {
      expect(referenceCodes.has(code) || sebaceous.has(code), code).toBe(true);
    }
    for (const code of referenceCodes) expect(valid.has(code), code).toBe(true);
  });

  it("contains no non-billable header", () => {
    for (const h of HEADERS) expect(valid.has(h), h).toBe(false);
    const known = [...valid, ...referenceCodes];
    for (const code of valid) {
      const children = known.filter((k) => k !== code && k.startsWith(code));
      expect(children, `${code} is a prefix of other codes`).toEqual([]);
    }
  });

  it("describes every code in its own words", () => {
    const official = [
      "actinic keratosis",
      "molluscum contagiosum",
      "prurigo nodularis",
      "lichen simplex chronicus",
      "acne vulgaris",
      "pyogenic granuloma",
      "trichodermal cyst",
      "guttate psoriasis",
      "ingrowing nail",
      "vitiligo",
      "epidermal cyst",
      "pilar cyst",
      "sebaceous cyst",
      "keloid scar",
      "other seborrheic keratosis",
      "inflamed seborrheic keratosis",
      "plantar wart",
      "viral wart, unspecified",
      "other viral warts",
      "corns and callosities",
      "tinea unguium",
      "neoplasm of uncertain behavior of skin",
    ];
    for (const [code, info] of Object.entries(lex.codes)) {
      expect(official, code).not.toContain(info.description.toLowerCase());
      expect(info.description.toLowerCase(), code).not.toMatch(/^malignant neoplasm of skin/);
    }
  });

  it("emits only validCodes for every histology x site x side x eyelid x status combination", () => {
    const histologies: (string | undefined)[] = [...Object.keys(lex.histologies), undefined, "x"];
    const sites: (string | undefined)[] = [...SITE_KEYS, undefined, "foot"];
    const sides: (Laterality | undefined)[] = [undefined, "right", "left", "bilateral"];
    const lids: ("upper" | "lower" | undefined)[] = [undefined, "upper", "lower"];
    const malignancies: Malignancy[] = ["malignant", "uncertain", "pending", "benign"];
    const emitted = new Set<string>();
    let calls = 0;
    const run = (fact: DiagnosisFact) => {
      calls++;
      const out = suggestDiagnoses([fact], icd);
      for (const d of out.diagnoses) {
        emitted.add(d.code);
        expect(valid.has(d.code), JSON.stringify(fact)).toBe(true);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        expect(d.description).not.toBe(d.code);
      }
    };
    for (const histology of histologies) {
      for (const malignancy of histology === undefined ? malignancies : (["unknown"] as const)) {
        for (const pathology of ["final", "pending", "none"] as const) {
          for (const procedures of [[], [0]]) {
            for (const site of sites) {
              for (const laterality of sides) {
                for (const eyelid of site === "eyelid" ? lids : [undefined]) {
                  run({
                    histology,
                    malignancy,
                    pathology,
                    site,
                    laterality,
                    eyelid,
                    temporality: "recent",
                    experiencer: "patient",
                    evidence: [],
                    procedures,
                    ruleIds: [],
                  });
                }
              }
            }
            for (const temporality of ["recent", "historical"] as const) {
              for (const experiencer of ["patient", "other"] as const) {
                run({
                  histology,
                  malignancy,
                  pathology,
                  site: "trunk",
                  temporality,
                  experiencer,
                  evidence: [],
                  procedures,
                  ruleIds: [],
                });
              }
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(10_000);
    // every code the lexicon lists is reachable by some combination
    expect([...valid].filter((c) => !emitted.has(c))).toEqual([]);
  });
});
