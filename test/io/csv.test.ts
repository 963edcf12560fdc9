import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/io/csv-reader.ts";
import { InputError, type InputRecord } from "../../src/io/records.ts";
import { batch, parseJsonl, tempDir, writeFile } from "./helpers.ts";

const dir = tempDir();

/** Reads CSV text (given in pieces, to cross chunk boundaries) into records. */
async function records(
  pieces: (string | Buffer)[],
  options: { idColumn?: string; textColumn?: string; maxRowBytes?: number } = {},
): Promise<InputRecord[]> {
  const source = Readable.from(
    pieces.map((piece) => (typeof piece === "string" ? Buffer.from(piece) : piece)),
  );
  const out: InputRecord[] = [];
  const columns = { idColumn: "id", textColumn: "text", maxBytes: 1024 * 1024 };
  for await (const { at, ...record } of readCsv(source, { ...columns, ...options })) {
    expect(at).toBeGreaterThan(0); // input position, for the ETA
    out.push(record);
  }
  return out;
}

describe("CSV input", () => {
  it("reads quoted fields with commas, doubled quotes and embedded newlines", async () => {
    const csv = 'id,text\nn1,"Excision, left ""cheek""\nPath: BCC."\nn2,plain\n';
    expect(await records([csv])).toEqual([
      { id: "n1", text: 'Excision, left "cheek"\nPath: BCC.' },
      { id: "n2", text: "plain" },
    ]);
  });

  it("accepts a BOM (even split across chunks) and CRLF line ends", async () => {
    const csv = Buffer.from('\ufeffid,text\r\nn1,"two\r\nlines"\r\nn2,b\r\n');
    const got = await records([
      csv.subarray(0, 1),
      csv.subarray(1, 2),
      csv.subarray(2, 30),
      csv.subarray(30),
    ]);
    expect(got).toEqual([
      { id: "n1", text: "two\r\nlines" },
      { id: "n2", text: "b" },
    ]);
  });

  it("picks custom id and text columns, ignoring the others", async () => {
    const csv = "mrn,note_id,Note Text\n111,A,first\n222,B,second\n";
    const got = await records([csv], { idColumn: "note_id", textColumn: "note text" });
    expect(got).toEqual([
      { id: "A", text: "first" },
      { id: "B", text: "second" },
    ]);
  });

  it("reports rows with too many or too few fields in their place", async () => {
    const csv = "id,text,site\nn1,ok,arm\nn2,too,many,fields\nn3,few\nn4,ok,leg\n";
    const got = await records([csv]);
    expect(got.map((record) => record.id)).toEqual(["n1", "n2", "n3", "n4"]);
    expect(got[1]).toMatchObject({ error: { kind: "bad_csv_row" } });
    expect(got[2]).toMatchObject({ error: { kind: "bad_csv_row" } });
    expect(got[3]).toEqual({ id: "n4", text: "ok" });
  });

  it("keeps a stray quote inside an unquoted field as text", async () => {
    expect(await records(['id,text\nn1,a 5" scar\n'])).toEqual([{ id: "n1", text: 'a 5" scar' }]);
  });

  it("reports invalid UTF-8 in the text field and goes on", async () => {
    const csv = [Buffer.from("id,text\nn1,caf"), Buffer.from([0xe9]), Buffer.from("\nn2,ok\n")];
    const got = await records(csv);
    expect(got[0]).toMatchObject({ id: "n1", error: { kind: "invalid_utf8" } });
    expect(got[1]).toEqual({ id: "n2", text: "ok" });
  });

  it("gives a row without an id cell the id row:N", async () => {
    expect(await records(["id,text\n,first\nb,second\n"])).toEqual([
      { id: "row:1", text: "first" },
      { id: "b", text: "second" },
    ]);
  });

  it("reports a quote left open at the end as one bad row", async () => {
    const got = await records(['id,text\nn1,ok\nn2,"never closed\nn3,lost\n']);
    expect(got).toHaveLength(2);
    expect(got[1]).toMatchObject({ id: "row:2", error: { kind: "bad_csv_row" } });
  });

  it("stops buffering a row that outgrows the row limit", async () => {
    const got = await records(
      ['id,text\nn1,ok\nn2,"', "x".repeat(5000), "\nn3,y\n", "z".repeat(5000)],
      {
        maxRowBytes: 1000,
      },
    );
    expect(got[0]).toEqual({ id: "n1", text: "ok" });
    expect(got[1]).toMatchObject({ error: { kind: "bad_csv_row" } });
    expect(got).toHaveLength(2);
  });

  it("rejects a header without the text column", async () => {
    await expect(records(["id,body\nn1,x\n"])).rejects.toBeInstanceOf(InputError);
  });

  it("runs end to end through batch with empty-text and blank lines", async () => {
    const input = writeFile(
      dir,
      "notes.csv",
      'id,text\r\nn1,"Shave biopsy, arm"\r\n\r\nn2,""\r\nn3,x,y\r\n',
    );
    const lines = parseJsonl((await batch(input)).text);
    expect(
      lines.map((line) => [line.id, (line.error as { kind?: string } | undefined)?.kind]),
    ).toEqual([
      ["n1", undefined],
      ["n2", "empty_text"],
      ["n3", "bad_csv_row"],
    ]);
  });
});
