import { beforeAll, describe, expect, it } from "vitest";
import type { BatchSummary } from "../../src/io/run-batch.ts";
import { checkText } from "../../src/io/text-checks.ts";
import { ErrorBodySchema, SuggestResultSchema } from "../../src/schemas/api.ts";
import { batch, parseJsonl, tempDir, writeFile } from "./helpers.ts";

const dir = tempDir();
const note = "Shave biopsy of a 0.6 cm lesion on the left forearm.";

/** Each entry: one raw JSONL line and the error kind it must produce (undefined = coded). */
const LINES: [string, string | Buffer, string | undefined][] = [
  ["good", JSON.stringify({ id: "good-1", text: note }), undefined],
  ["invalid JSON", '{"id": "x", "text": "unterminated', "invalid_json"],
  ["not an object", "[1, 2, 3]", "invalid_json"],
  ["missing text", JSON.stringify({ id: "no-text" }), "missing_text"],
  ["non-string text", JSON.stringify({ id: "num-text", text: 42 }), "missing_text"],
  ["null text", JSON.stringify({ id: "null-text", text: null }), "missing_text"],
  ["empty text", JSON.stringify({ id: "empty", text: "" }), "empty_text"],
  ["blank text", JSON.stringify({ id: "blank", text: " \n\t " }), "empty_text"],
  ["NUL byte", JSON.stringify({ id: "nul", text: "abc\u0000def" }), "binary"],
  ["control soup", JSON.stringify({ id: "ctl", text: "\u0001\u0002\u0003\u0004 abc" }), "binary"],
  ["lone surrogate", '{"id": "surrogate", "text": "bad \\ud800 pair"}', "invalid_utf8"],
  [
    "invalid UTF-8",
    Buffer.concat([
      Buffer.from('{"id": "latin1", "text": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]),
    "invalid_utf8",
  ],
  ["too large", JSON.stringify({ id: "big", text: "x".repeat(1024 * 1024 + 1) }), "too_large"],
  [
    "10 MB line",
    JSON.stringify({ id: "huge", text: "word ".repeat(2 * 1024 * 1024) }),
    "too_large",
  ],
  ["good again", JSON.stringify({ id: "good-2", text: note }), undefined],
];

describe("bad JSONL records", () => {
  let lines: Record<string, unknown>[] = [];
  let summary: BatchSummary;
  beforeAll(async () => {
    const content = Buffer.concat(
      LINES.flatMap(([, line]) => [Buffer.from(line), Buffer.from("\n")]),
    );
    const run = await batch(writeFile(dir, "bad.jsonl", content));
    lines = parseJsonl(run.text);
    summary = run.summary;
  });

  it("writes exactly one line per record, in input order", () => {
    expect(lines).toHaveLength(LINES.length);
    expect(lines[0]!.id).toBe("good-1");
    expect(lines.at(-1)!.id).toBe("good-2");
  });

  it.each(LINES.map((entry, index) => [entry[0], index, entry[2]] as const))(
    "reports %s as its own line",
    (_name, index, kind) => {
      const line = lines[index]!;
      if (kind === undefined) expect(SuggestResultSchema.safeParse(line).success).toBe(true);
      else {
        expect(ErrorBodySchema.parse(line).error.kind).toBe(kind);
        expect(typeof line.id).toBe("string");
      }
    },
  );

  it("keeps the note's id when it can be found, else uses the line number", () => {
    expect(lines[1]!.id).toBe("x");
    expect(lines[2]!.id).toBe("line:3");
    expect(lines[11]!.id).toBe("latin1");
    expect(lines[13]!.id).toBe("huge");
  });

  it("counts the errors in the summary", () => {
    expect(summary.records).toBe(LINES.length);
    expect(summary.errors).toBe(LINES.filter(([, , kind]) => kind).length);
  });
});

describe("JSONL input details", () => {
  it("skips blank lines but keeps physical line numbers for ids", async () => {
    const input = writeFile(
      dir,
      "blank.jsonl",
      `\n${JSON.stringify({ id: "a", text: note })}\r\n\n{oops\n`,
    );
    const lines = parseJsonl((await batch(input)).text);
    expect(lines.map((line) => line.id)).toEqual(["a", "line:4"]);
  });

  it("reads a last line without a line feed and a leading BOM", async () => {
    const input = writeFile(dir, "bom.jsonl", `\ufeff${JSON.stringify({ id: 7, text: note })}`);
    const lines = parseJsonl((await batch(input)).text);
    expect(lines).toMatchObject([{ id: "7" }]);
  });

  it("codes duplicate ids but reports them", async () => {
    const input = writeFile(
      dir,
      "dup.jsonl",
      `${JSON.stringify({ id: "d", text: note })}\n`.repeat(3),
    );
    const { summary, text } = await batch(input);
    const lines = parseJsonl(text);
    expect(lines).toHaveLength(3);
    expect(summary.duplicates).toBe(2);
    expect(JSON.stringify(lines[0]!.warnings)).not.toContain("duplicate_id");
    expect(JSON.stringify(lines[2]!.warnings)).toContain("duplicate_id");
  });
});

describe("checkText", () => {
  it.each([
    ["accepts tabs and CRLF line breaks", "plain\ttext\r\nwith breaks", undefined],
    ["accepts an emoji (a valid surrogate pair)", "an emoji 😀 here", undefined],
    ["accepts a form feed and a vertical tab", "page \f break \v here", undefined],
    [
      "accepts one stray escape in a long note",
      `one stray \u001b escape ${"x".repeat(200)}`,
      undefined,
    ],
    ["rejects a trailing high surrogate", "trailing \ud83d", "invalid_utf8"],
    ["rejects a leading low surrogate", "\udc00 leading", "invalid_utf8"],
    ["rejects empty text", "", "empty_text"],
    ["measures the limit in UTF-8 bytes", "é".repeat(600), "too_large"],
  ])("%s", (_name, text, kind) => {
    expect(checkText(text, 1000)?.kind).toBe(kind);
  });
});
