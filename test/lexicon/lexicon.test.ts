/**
 * The lexicon linter, run as a test: every file parses with its schema, ids are unique, no
 * literal is shadowed by a duplicate, every code is real and catalogued, code tables are well
 * formed. context.json and icd10.json have their own tests (test/context, test/lexicon/icd10).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { inCodeSet } from "../../src/coding/edits.ts";
import { LEXICON_FILES, type LexiconFileName } from "../../src/lexicon/files.ts";
import { LexiconError, loadLexicon } from "../../src/lexicon/load.ts";
import type { CodeTable } from "../../src/schemas/codes.ts";
import { tokenizeLiteral } from "../../src/text/tokens.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const lex = loadLexicon();
const catalog = lex.codeCatalog.codes;
const FILE_NAMES = Object.keys(LEXICON_FILES) as LexiconFileName[];
const CODE_FILES = [
  "codesBiopsy",
  "codesExcision",
  "codesShave",
  "codesDestruction",
  "codesRepair",
  "codesOther",
] as const;
const TABLES: { file: string; table: CodeTable }[] = CODE_FILES.flatMap((f) =>
  lex[f].tables.map((table) => ({ file: LEXICON_FILES[f].path, table })),
);

/** Codes that were deleted or never existed: only lexicon/deleted-codes.json may name them. */
const NON_EXISTENT = [
  "11100",
  "11101",
  "11405",
  "11425",
  "11445",
  "11605",
  "11625",
  "11645",
  "11304",
  "11309",
  "17265",
  "17275",
  "17285",
  "96911",
  "12033",
  "12043",
  "13150",
];

/**
 * Duplicates found by this linter and reported to the lead (see the test report); each entry is
 * `kind: literal`. Remove an entry once the lexicon is fixed: any other duplicate fails.
 */
const KNOWN_DUPLICATES = new Set<string>([]);

/** Every JSON file under lexicon/ except the generated JSON Schemas. */
function lexiconJsonFiles(dir = join(ROOT, "lexicon")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === "schema" ? [] : lexiconJsonFiles(path);
    return d.name.endsWith(".json") ? [relative(ROOT, path)] : [];
  });
}

interface Entry {
  id: string;
  literals: readonly string[];
  /** What the trie hands back (procedure kind, site, ...): equal payloads may not share a literal. */
  payload?: string;
}

/** The literal lists of each phrase trie built by src/lexicon/compile.ts. */
const TRIE_KINDS: Record<string, Entry[]> = {
  procedures: lex.procedures.terms.map((t) => ({ ...t, payload: t.procedure })),
  techniques: lex.procedures.techniques,
  sites: [...lex.sites.sites, lex.sites.pseudo],
  laterality: lex.sites.laterality,
  histology: lex.histology.terms,
  pathologyStatus: lex.histology.pathologyStatus,
  units: lex.units.units,
  roles: lex.units.roles,
  numberWords: [{ id: "counts.numberWords", literals: Object.keys(lex.counts.numberWords) }],
  vague: lex.counts.vague,
  sameLesion: [{ id: "counts.sameLesion", literals: lex.counts.sameLesion }],
  totalCues: [{ id: "counts.totalCues", literals: lex.counts.totalCues }],
  sections: lex.sections.exact,
  sectionFields: [lex.sections.fields],
};

/** `kind: literal` for each literal written twice in one entry or reaching two entries. */
function duplicates(kind: string, entries: Entry[]): string[] {
  const owner = new Map<string, string>();
  const out: string[] = [];
  for (const e of entries) {
    const written = new Set<string>();
    for (const literal of e.literals) {
      const key = tokenizeLiteral(literal).join(" ");
      const twice = written.has(literal.toLowerCase());
      const other = owner.get(key);
      if (twice || (other !== undefined && other !== e.id)) out.push(`${kind}: ${literal}`);
      written.add(literal.toLowerCase());
      owner.set(key, e.id);
    }
  }
  return out;
}

function tableCodes(t: CodeTable): string[] {
  switch (t.kind) {
    case "band":
      return t.rows.flatMap((r) => [...r.codes, ...(r.addon ? [r.addon.code] : [])]);
    case "ladder":
      return t.steps.flatMap((s) => s.lines.map((l) => l.code));
    case "fixed":
      return t.rows.map((r) => r.code);
    case "biopsy":
      return [...Object.values(t.primary), ...Object.values(t.addon), ...Object.keys(t.labels)];
    case "mohs":
      return [...Object.values(t.groups).flatMap((g) => [g.first, g.additional]), t.blockAddon];
  }
}

function tableLabels(t: CodeTable): string[] {
  switch (t.kind) {
    case "band":
      return [
        ...t.bandLabels,
        ...t.rows.flatMap((r) => [
          r.label,
          ...(r.addon ? [r.addon.label] : []),
          ...(r.bandLabels ?? []),
        ]),
      ];
    case "ladder":
      return t.steps.flatMap((s) => s.lines.map((l) => l.label));
    case "fixed":
      return t.rows.map((r) => r.label);
    case "biopsy":
      return Object.values(t.labels);
    case "mohs":
      return [...Object.values(t.groups).map((g) => g.label), t.blockLabel];
  }
}

/** Codes and inclusive range ends ("11400-11446") named by an edit rule. */
function editCodes(rule: (typeof lex.edits.rules)[number]): string[] {
  const sets: string[][] = [];
  switch (rule.kind) {
    case "sameLesion":
      return [];
    case "exclusive":
      sets.push(rule.keep, rule.drop);
      break;
    case "addonRequires":
      sets.push([rule.addon], rule.primaries);
      break;
    case "unitLimit":
      sets.push(rule.codes);
      break;
    case "bundle":
      sets.push(rule.codes, rule.into);
      break;
    case "distinct":
      sets.push(rule.column1, rule.column2);
      break;
  }
  return sets.flat().flatMap((entry) => entry.split("-"));
}

describe("lexicon files", () => {
  it("loads and validates every file with loadLexicon()", () => {
    expect(() => loadLexicon()).not.toThrow();
  });

  it.each(FILE_NAMES)("parses %s with its zod schema", (name) => {
    const file = LEXICON_FILES[name];
    const parsed = file.schema.safeParse(file.raw);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("registers every JSON file under lexicon/ in src/lexicon/files.ts", () => {
    const registered = new Set<string>(Object.values(LEXICON_FILES).map((f) => f.path));
    expect(lexiconJsonFiles().filter((f) => !registered.has(f))).toEqual([]);
  });

  it("names the file and the JSON path when a replacement file is invalid", () => {
    const bad = {
      ...lex.units,
      units: [{ id: "unit.mm", unit: "inch", toCm: 2.54, literals: ["in"] }],
    };
    let error: unknown;
    try {
      loadLexicon({ units: bad });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).file).toBe("lexicon/units.json");
    expect((error as LexiconError).problems.map((p) => p.path)).toContain("units.0.unit");
  });

  it("gives every rule, term, table and row an id used only once across files", () => {
    const ids: string[] = [
      ...lex.procedures.terms.map((t) => t.id),
      ...lex.procedures.techniques.map((t) => t.id),
      ...lex.procedures.suppress.map((t) => t.id),
      ...lex.sites.sites.map((t) => t.id),
      ...lex.sites.laterality.map((t) => t.id),
      lex.sites.pseudo.id,
      ...lex.histology.terms.map((t) => t.id),
      ...lex.histology.pathologyStatus.map((t) => t.id),
      ...lex.units.units.map((t) => t.id),
      ...lex.units.roles.map((t) => t.id),
      ...lex.counts.vague.map((t) => t.id),
      ...lex.sections.exact.map((t) => t.id),
      ...lex.sections.contains.map((t) => t.id),
      lex.sections.fields.id,
      lex.sections.fields.endDiagnosis.id,
      lex.procedures.resultCues.id,
      ...lex.deletedCodes.codes.map((t) => t.id),
      ...lex.edits.rules.map((t) => t.id),
      ...TABLES.flatMap(({ table }) => [
        table.id,
        ...("rows" in table ? table.rows.map((r) => r.id) : []),
      ]),
    ];
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("site terms", () => {
  it("name only procedure kinds in unsupportedFor", () => {
    const kinds = new Set(lex.procedures.terms.map((t) => t.procedure));
    for (const site of lex.sites.sites)
      for (const kind of Object.keys(site.unsupportedFor ?? {}))
        expect(kinds.has(kind as never), `${site.id}: ${kind}`).toBe(true);
  });
});

describe("site parts", () => {
  it("name only literals of their site, each in one part", () => {
    for (const site of lex.sites.sites) {
      const named = Object.values(site.parts ?? {}).flat();
      for (const l of named) expect(site.literals, `${site.id}: ${l}`).toContain(l);
      expect(new Set(named).size, site.id).toBe(named.length);
    }
  });
});

describe("soft-tissue regions", () => {
  const table = lex.codesExcision.tables.find((t) => t.id === "table.soft-tissue");
  const rows = table?.kind === "band" ? table.rows : [];
  const regions = new Set(
    lex.sites.sites.flatMap((s) => [
      ...(s.softTissue ? [s.softTissue] : []),
      ...Object.keys(s.softTissueBy ?? {}),
    ]),
  );

  it("splits a site only into literals it has", () => {
    for (const site of lex.sites.sites)
      for (const literals of Object.values(site.softTissueBy ?? {}))
        for (const l of literals) expect(site.literals, `${site.id}: ${l}`).toContain(l);
  });

  it.each([...regions].map((r) => [r] as const))(
    "codes region %s at both depths, subfascial first",
    (region) => {
      const of = rows.filter((r) => r.when.softTissue?.includes(region));
      expect(of.map((r) => r.when.technique ?? [])).toEqual([["subfascial"], []]);
    },
  );

  it("names no region that no site has", () => {
    const named = rows.flatMap((r) => r.when.softTissue ?? []);
    expect(named.filter((r) => !regions.has(r))).toEqual([]);
    expect(rows.every((r) => r.when.tissue?.join() === "soft")).toBe(true);
  });
});

describe("procedure suppress rules", () => {
  it("name only existing terms of their own procedure", () => {
    const terms = new Map(lex.procedures.terms.map((t) => [t.id, t.procedure]));
    for (const rule of lex.procedures.suppress)
      for (const id of rule.terms ?? [])
        expect(terms.get(id), `${rule.id}: ${id}`).toBe(rule.procedure);
  });
});

describe("repair headings", () => {
  it("name only existing repair terms, one per repair type", () => {
    const terms = new Map(lex.procedures.terms.map((t) => [t.id, t]));
    const types = (lex.procedures.repairHeadings?.types ?? []).map(({ term }) => {
      expect(terms.get(term)?.procedure, term).toBe("repair");
      return terms.get(term)?.repairType;
    });
    expect(types.sort()).toEqual(["complex", "intermediate", "simple"]);
  });
});

describe("section fields", () => {
  it("lists every field that ends a diagnosis section among the fields", () => {
    const fields = new Set(lex.sections.fields.literals);
    expect(lex.sections.fields.endDiagnosis.literals.filter((f) => !fields.has(f))).toEqual([]);
  });
});

describe("lexicon literals", () => {
  it.each(Object.entries(TRIE_KINDS))("lists no %s literal twice", (kind, entries) => {
    const found = duplicates(kind, entries).filter((d) => !KNOWN_DUPLICATES.has(d));
    expect(found).toEqual([]);
  });

  it("maps no procedure literal to two different procedure kinds", () => {
    const kindOf = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of lex.procedures.terms) {
      for (const literal of t.literals) {
        const key = tokenizeLiteral(literal).join(" ");
        const prev = kindOf.get(key);
        if (prev !== undefined && prev !== t.procedure)
          clashes.push(`${literal}: ${prev} / ${t.procedure}`);
        kindOf.set(key, t.procedure);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("has no empty literal, label, description or message", () => {
    const texts: [string, string | undefined][] = [
      ...FILE_NAMES.map((n): [string, string | undefined] => [
        `${n}.description`,
        (LEXICON_FILES[n].raw as { description?: string }).description ?? "-",
      ]),
      ...TABLES.flatMap(({ table }) =>
        tableLabels(table).map((l): [string, string] => [table.id, l]),
      ),
      ...lex.deletedCodes.codes.flatMap((c): [string, string][] => [
        [c.id, c.message],
        [c.id, c.replacement],
      ]),
      ...lex.procedures.suppress.map((s): [string, string] => [s.id, s.reason]),
      ...lex.edits.rules.map((r): [string, string] => [r.id, r.source]),
      ...Object.entries(lex.confidence.factors).map(([k, f]): [string, string] => [k, f.note]),
      ...Object.values(TRIE_KINDS)
        .flat()
        .flatMap((e) => e.literals.map((l): [string, string] => [e.id, l])),
    ];
    expect(texts.filter(([, t]) => t === undefined || t.trim() === "")).toEqual([]);
  });
});

describe("lexicon codes", () => {
  const deleted = new Set(lex.deletedCodes.codes.map((c) => c.code));

  it.each(lexiconJsonFiles().filter((f) => f !== "lexicon/deleted-codes.json"))(
    "names no deleted or non-existent code in %s",
    (file) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      const found = NON_EXISTENT.filter((code) => new RegExp(`\\b${code}\\b`).test(text));
      expect(found).toEqual([]);
    },
  );

  it("warns about every non-existent code from lexicon/deleted-codes.json", () => {
    expect(NON_EXISTENT.filter((code) => !deleted.has(code))).toEqual([]);
  });

  it("never catalogues a deleted code", () => {
    expect(Object.keys(catalog).filter((code) => deleted.has(code))).toEqual([]);
  });

  it.each(TABLES.map(({ file, table }) => [table.id, file, table] as const))(
    "catalogues every code of %s (%s)",
    (_id, _file, table) => {
      expect(tableCodes(table).filter((code) => !(code in catalog))).toEqual([]);
    },
  );

  it.each(lex.edits.rules.map((r) => [r.id, r] as const))(
    "catalogues every code and range end of edit %s",
    (_id, rule) => {
      expect(editCodes(rule).filter((code) => !(code in catalog))).toEqual([]);
    },
  );

  it.each(Object.entries(catalog).filter(([, c]) => c.addon))(
    "has an addonRequires rule for add-on %s",
    (code) => {
      const rules = lex.edits.rules.filter((r) => r.kind === "addonRequires" && r.addon === code);
      expect(rules).toHaveLength(1);
    },
  );

  it.each(lex.edits.rules.flatMap((r) => (r.kind === "addonRequires" ? [[r.id, r] as const] : [])))(
    "lets %s follow at least one catalogued primary code",
    (_id, rule) => {
      const primaries = Object.keys(catalog).filter((c) => inCodeSet(rule.primaries, c));
      expect(primaries.filter((c) => !catalog[c]!.addon).length).toBeGreaterThan(0);
      expect(inCodeSet(rule.primaries, rule.addon)).toBe(false);
    },
  );
});

describe("code tables", () => {
  const bandTables = TABLES.flatMap(({ table }) => (table.kind === "band" ? [table] : []));

  it.each(bandTables.map((t) => [t.id, t] as const))(
    "gives %s strictly increasing band upper bounds and one label per band",
    (_id, t) => {
      for (let i = 1; i < t.bands.length; i++) expect(t.bands[i]!).toBeGreaterThan(t.bands[i - 1]!);
      expect(t.bandLabels).toHaveLength(t.bands.length + 1);
    },
  );

  it.each(
    bandTables.flatMap((t) =>
      t.rows.map((r) => [r.id, (r.bands ?? t.bands).length + 1, r] as const),
    ),
  )("gives row %s one code per band (%i)", (_id, n, row) => {
    expect(row.codes).toHaveLength(n);
    const bands = row.bands ?? [];
    for (let i = 1; i < bands.length; i++) expect(bands[i]!).toBeGreaterThan(bands[i - 1]!);
    if (row.bandLabels) expect(row.bandLabels).toHaveLength(n);
  });

  it.each(bandTables.flatMap((t) => t.rows.flatMap((r) => (r.addon ? [[r.id, r] as const] : []))))(
    "uses a catalogued add-on code for the add-on of %s",
    (_id, row) => {
      expect(catalog[row.addon!.code]?.addon).toBe(true);
      expect(row.codes.every((c) => catalog[c]?.addon === false)).toBe(true);
    },
  );

  it.each(
    TABLES.flatMap(({ table }) => (table.kind === "ladder" ? [[table.id, table] as const] : [])),
  )("gives ladder %s contiguous count steps from 1", (_id, t) => {
    let next = 1;
    for (const step of t.steps) {
      expect(step.from).toBe(next);
      next = (step.to ?? Number.POSITIVE_INFINITY) + 1;
    }
    expect(next).toBe(Number.POSITIVE_INFINITY);
  });

  it("ranks biopsy techniques that all have a primary and an add-on code", () => {
    const biopsy = TABLES.find(({ table }) => table.kind === "biopsy")!.table;
    if (biopsy.kind !== "biopsy") throw new Error("no biopsy table");
    for (const t of biopsy.rank) {
      expect(catalog[biopsy.primary[t]!]?.addon).toBe(false);
      expect(catalog[biopsy.addon[t]!]?.addon).toBe(true);
    }
    expect(biopsy.rank).toContain(biopsy.defaultTechnique);
  });
});

describe("histology terms named only in context", () => {
  const terms = lex.histology.terms.filter((t) => t.inContext);
  it("exist (the bare 'plate' of a nail)", () => {
    expect(terms.length).toBeGreaterThan(0);
  });
  it.each(terms.map((t) => [t.id, t] as const))(
    "%s: context words are single tokens, lesion types are histology types",
    (_id, t) => {
      for (const w of [...t.inContext!.digitWords, ...t.inContext!.notNear])
        expect(tokenizeLiteral(w)).toHaveLength(1);
      const types = new Set(lex.histology.terms.map((x) => x.histology));
      for (const type of t.inContext!.noteLesions) expect(types.has(type)).toBe(true);
    },
  );
});
