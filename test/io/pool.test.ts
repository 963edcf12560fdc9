import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { batch, parseJsonl, tempDir, writeFile } from "./helpers.ts";

const SNIPPETS = [
  "Shave biopsy of a 0.5 cm lesion, left forearm.",
  "Excision of a 1.2 cm basal cell carcinoma of the nose with 0.3 cm margins. ".repeat(4),
  "Cryotherapy of six actinic keratoses on the scalp.",
];

/** Many records of uneven size, with a bad one every 37 lines. */
function manyRecords(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 37 === 5) lines.push(`{"id": "broken-${i}", "text": `);
    else
      lines.push(
        JSON.stringify({ id: `n${i}`, text: SNIPPETS[i % SNIPPETS.length]!.repeat(1 + (i % 5)) }),
      );
  }
  return `${lines.join("\n")}\n`;
}

describe("worker pool", () => {
  const dir = tempDir();
  const count = 1500;
  const input = writeFile(dir, "many.jsonl", manyRecords(count));

  it("keeps input order with --jobs 2 and small chunks, and matches --jobs 1 byte for byte", async () => {
    const pooled = await batch(input, { jobs: 2, chunk: { records: 7, chars: 20_000 } });
    const inline = await batch(input, { jobs: 1 });
    const ids = parseJsonl(pooled.text).map((line) => line.id);
    expect(ids).toHaveLength(count);
    expect(ids.every((id, i) => id === (i % 37 === 5 ? `broken-${i}` : `n${i}`))).toBe(true);
    expect(pooled.text).toBe(inline.text);
    expect(pooled.summary).toMatchObject({ records: count, errors: inline.summary.errors });
  });

  it("writes CSV through the pool in order too", async () => {
    const pooled = await batch(input, { jobs: 2, format: "csv", output: `${dir}/pool.csv` });
    const inline = await batch(input, { jobs: 1, format: "csv", output: `${dir}/inline.csv` });
    expect(pooled.text).toBe(inline.text);
  });
});

describe("worker start-up without the bundle", () => {
  const dir = tempDir();

  it("runs TypeScript workers through the tsx bootstrap (worker-entry.js)", async () => {
    const input = writeFile(dir, "few.jsonl", manyRecords(200));
    process.env.DERMCODE_WORKER_BUNDLE = "0";
    try {
      const pooled = await batch(input, { jobs: 2, chunk: { records: 5, chars: 10_000 } });
      const inline = await batch(input, { jobs: 1 });
      expect(pooled.text).toBe(inline.text);
    } finally {
      delete process.env.DERMCODE_WORKER_BUNDLE;
    }
  });
});

describe("worker bundle cache", () => {
  it("removes only other bundles older than an hour (another version may be running)", async () => {
    const { staleCacheFiles } = await import("../../src/io/worker-bundle.ts");
    const now = 10 * 60 * 60 * 1000;
    const entries = [
      { name: "worker-aaa.mjs", mtimeMs: now - 2 * 60 * 60 * 1000 },
      { name: "worker-bbb.mjs", mtimeMs: now - 5 * 60 * 1000 },
      { name: "worker-ccc.mjs.123.partial", mtimeMs: now - 1000 },
      { name: "worker-keep.mjs", mtimeMs: now - 3 * 60 * 60 * 1000 },
      { name: "other.txt", mtimeMs: 0 },
    ];
    expect(staleCacheFiles(entries, "worker-keep.mjs", now)).toEqual(["worker-aaa.mjs"]);
  });

  it("builds the worker bundle once into node_modules/.cache and reuses it", async () => {
    const { workerScript } = await import("../../src/io/worker-bundle.ts");
    const first = await workerScript();
    const second = await workerScript();
    try {
      expect(first.url.pathname).toMatch(/node_modules\/\.cache\/dermcode\/worker-[0-9a-f]+\.mjs$/);
      expect(second.url.href).toBe(first.url.href);
      expect(existsSync(first.url)).toBe(true);
    } finally {
      first.dispose();
      second.dispose();
    }
  });
});
