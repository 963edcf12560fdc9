import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvHeader, formatLines, neutralise } from "../../src/io/format.ts";
import type { OutputLine } from "../../src/io/records.ts";
import type { CodeLine, SuggestResult } from "../../src/schemas/api.ts";
import { batch, tempDir, writeFile } from "./helpers.ts";

function codeLine(code: string, procedure: number, modifiers: string[] = []): CodeLine {
  return {
    code,
    units: 1,
    modifiers,
    confidence: 0.9,
    description: "Own-words description, with a comma",
    rationale: 'Says "shave" and gives a size',
    procedure,
    evidence: [],
    diagnoses: [],
    factors: [],
    ruleIds: [],
  };
}

function result(
  id: string,
  codes: CodeLine[],
  warnings: SuggestResult["warnings"] = [],
): SuggestResult {
  return {
    id,
    codeSet: "2026",
    lexiconVersion: "0.0.0",
    codes,
    procedures: [],
    diagnoses: [],
    warnings,
  };
}

const LINES: OutputLine[] = [
  result(
    "two-codes",
    [codeLine("11102", 0), codeLine("11103", 1, ["59", "RT"])],
    [
      { kind: "size_missing", message: "no size", procedure: 1 },
      { kind: "note_wide", message: "applies to all" },
    ],
  ),
  result("no-codes", [], [{ kind: "pathology_pending", message: "await path" }]),
  { id: "bad", error: { kind: "empty_text", message: "text is empty" } },
];

describe("JSONL output", () => {
  it("writes one JSON object a line with the id first", () => {
    const text = formatLines(LINES, "jsonl");
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith('{"id":'))).toBe(true);
    expect(JSON.parse(lines[2]!)).toEqual(LINES[2]);
  });
});

describe("CSV output", () => {
  const rows = parse(csvHeader() + formatLines(LINES, "csv"), { columns: true }) as Record<
    string,
    string
  >[];

  it("has the documented columns", () => {
    expect(csvHeader().trimEnd().split(",")).toEqual([...CSV_COLUMNS]);
  });

  it("writes one row per code line, with space-joined modifiers", () => {
    expect(rows.slice(0, 2)).toMatchObject([
      { id: "two-codes", code: "11102", units: "1", modifiers: "", confidence: "0.9" },
      {
        id: "two-codes",
        code: "11103",
        modifiers: "59 RT",
        rationale: 'Says "shave" and gives a size',
      },
    ]);
  });

  it("puts a line's own and the note-wide warnings on its row", () => {
    expect(rows[0]!.warnings).toBe("note_wide: applies to all");
    expect(rows[1]!.warnings).toBe("size_missing: no size; note_wide: applies to all");
  });

  it("gives a note without codes one row with an empty code", () => {
    expect(rows[2]).toMatchObject({
      id: "no-codes",
      code: "",
      warnings: "pathology_pending: await path",
    });
  });

  it("gives an error record one row with its kind and message", () => {
    expect(rows[3]).toMatchObject({
      id: "bad",
      code: "",
      error_kind: "empty_text",
      error_message: "text is empty",
    });
  });

  const dir = tempDir();

  it("is what batch writes to a .csv OUTPUT, header first", async () => {
    const input = writeFile(
      dir,
      "in.jsonl",
      '{"id":"a","text":"Shave biopsy."}\n{"id":"b","text":""}\n',
    );
    const { text } = await batch(input, { output: `${dir}/out.csv`, format: "csv" });
    const written = parse(text, { columns: true }) as Record<string, string>[];
    expect(text.startsWith("id,code,units,")).toBe(true);
    expect(written.at(-1)).toMatchObject({ id: "b", error_kind: "empty_text" });
    expect(new Set(written.map((row) => row.id))).toEqual(new Set(["a", "b"]));
  });
});

describe("CSV formula injection", () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ["+1+1", "'+1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["\tcmd", "'\tcmd"],
    ["-5", "-5"],
    ["note-17", "note-17"],
    ["11102", "11102"],
  ])("writes the cell %j as %j", (cell, expected) => {
    expect(neutralise(cell)).toBe(expected);
  });

  it("neutralises ids and messages in written rows, and leaves numbers alone", () => {
    const text = formatLines(
      [{ id: "=cmd|'/c calc'!A1", error: { kind: "empty_text", message: "@bad" } }],
      "csv",
    );
    const [row] = parse(csvHeader() + text, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ id: "'=cmd|'/c calc'!A1", error_message: "'@bad" });
  });
});
