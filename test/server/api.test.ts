import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { ErrorBodySchema, type SuggestResult, SuggestResultSchema } from "../../src/schemas/api.ts";
import { fakeSuggest } from "./fake-result.ts";
import { listen, postJson, request, type TestServer } from "./helpers.ts";

const NOTE =
  "Procedure: shave biopsy of a 0.6 cm pink papule on the left upper back. " +
  "Hemostasis with aluminum chloride. No other lesions treated.";

function errorOf(reply: { json: () => unknown }) {
  return ErrorBodySchema.parse(reply.json()).error;
}

describe("HTTP API", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await listen({ maxBodyBytes: 4096, maxBatchBodyBytes: 16_384 });
  });
  afterAll(() => s.close());

  it("answers POST /v1/suggest with the library's SuggestResult and echoes the id", async () => {
    const reply = await postJson(`${s.url}/v1/suggest`, { text: NOTE, id: "note-1" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    const body = SuggestResultSchema.parse(reply.json());
    expect(body.id).toBe("note-1");
    expect(reply.json()).toEqual(JSON.parse(JSON.stringify(suggest(NOTE, { id: "note-1" }))));
  });

  it("passes request options to the library", async () => {
    const reply = await postJson(`${s.url}/v1/suggest`, {
      text: NOTE,
      options: { modifierStyle: "59" },
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual(
      JSON.parse(JSON.stringify(suggest(NOTE, { modifierStyle: "59" }))),
    );
  });

  it("gives 400 invalid_json naming the problem for a body that is not JSON", async () => {
    const reply = await request(`${s.url}/v1/suggest`, { method: "POST", body: '{"text": "abc' });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ kind: "invalid_json" });
    expect(errorOf(reply).message).toMatch(/not valid JSON/);
    const empty = await request(`${s.url}/v1/suggest`, { method: "POST", body: "" });
    expect(errorOf(empty).message).toMatch(/empty/);
  });

  it.each([
    [{ txt: "x" }, /^text: /],
    [{ text: 5 }, /^text: .*expected string/],
    [{ text: "x", options: { minConfidence: 3 } }, /options\.minConfidence/],
    [{ text: "x", options: { modifierStyle: "XX" } }, /options\.modifierStyle/],
    [[], /\(root\): .*expected object/],
    [null, /\(root\)/],
  ])("gives 400 invalid_request for the wrong shape %j", async (value, message) => {
    const reply = await postJson(`${s.url}/v1/suggest`, value);
    expect(reply.status).toBe(400);
    expect(errorOf(reply).kind).toBe("invalid_request");
    expect(errorOf(reply).message).toMatch(message);
  });

  it("gives 400 invalid_options when the library rejects the options", async () => {
    const reply = await postJson(`${s.url}/v1/suggest`, {
      text: NOTE,
      options: { codeSet: "1999" },
    });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).kind).toBe("invalid_options");
    expect(errorOf(reply).message).toMatch(/1999/);
  });

  it("keeps the id in an error body when the request had one", async () => {
    const reply = await postJson(`${s.url}/v1/suggest`, { id: "n-9", text: 1 });
    expect(ErrorBodySchema.parse(reply.json()).id).toBe("n-9");
  });

  it("gives 400 invalid_encoding for a body that is not UTF-8", async () => {
    const body = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const reply = await request(`${s.url}/v1/suggest`, { method: "POST", body });
    expect(reply.status).toBe(400);
    expect(errorOf(reply).kind).toBe("invalid_encoding");
  });

  it("gives 413 past the configured body limit, declared or streamed", async () => {
    const big = JSON.stringify({ text: "a".repeat(10_000) });
    const declared = await request(`${s.url}/v1/suggest`, { method: "POST", body: big });
    expect(declared.status).toBe(413);
    expect(errorOf(declared)).toMatchObject({ kind: "body_too_large" });
    expect(errorOf(declared).message).toMatch(/4096 bytes/);
    const chunked = await request(`${s.url}/v1/suggest`, {
      method: "POST",
      headers: { "transfer-encoding": "chunked" },
      body: big,
    });
    expect(chunked.status).toBe(413);
    const fine = await postJson(`${s.url}/v1/suggest`, { text: "a".repeat(3000) });
    expect(fine.status).toBe(200);
  });

  it("gives 404 for an unknown route and 405 with Allow for a wrong method", async () => {
    const missing = await request(`${s.url}/v2/suggest`);
    expect(missing.status).toBe(404);
    expect(errorOf(missing).kind).toBe("not_found");
    const wrong = await request(`${s.url}/v1/suggest`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
    expect(errorOf(wrong).kind).toBe("method_not_allowed");
    const put = await request(`${s.url}/healthz`, { method: "PUT", body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET");
  });

  it("answers GET /healthz with the code set", async () => {
    const reply = await request(`${s.url}/healthz?probe=1`);
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ status: "ok", codeSet: suggest("").codeSet });
    const head = await request(`${s.url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
  });

  it("serves an OpenAPI 3.1 document generated from the zod schemas", async () => {
    const reply = await request(`${s.url}/openapi.json`);
    expect(reply.status).toBe(200);
    const doc = reply.json() as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { required?: string[]; properties?: object }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/v1/suggest", "/v1/batch", "/healthz"]);
    const { SuggestRequest, SuggestResult, ErrorBody } = doc.components.schemas;
    expect(SuggestRequest?.required).toEqual(["text"]);
    expect(SuggestResult?.required).toEqual(
      expect.arrayContaining(["codeSet", "codes", "procedures", "diagnoses", "warnings"]),
    );
    expect(ErrorBody?.required).toEqual(["error"]);
    expect(JSON.stringify(doc)).not.toMatch(
      /"\$ref":"#\/components\/schemas\/(?!SuggestRequest|SuggestResult|CodeLine|Procedure|Diagnosis|Warning|Span|ErrorBody)/,
    );
  });

  it("serves the page, its script and stylesheet with a same-origin content policy", async () => {
    const page = await request(`${s.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    expect(page.text).toContain("<textarea");
    for (const [path, type] of [
      ["/app.js", /javascript/],
      ["/style.css", /text\/css/],
    ] as const) {
      const asset = await request(`${s.url}${path}`);
      expect(asset.status).toBe(200);
      expect(asset.headers["content-type"]).toMatch(type);
    }
    expect(page.text).not.toMatch(/https?:\/\//);
  });
});

describe("POST /v1/batch", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await listen({ maxBatchBodyBytes: 16_384 });
  });
  afterAll(() => s.close());

  const lines = (text: string) =>
    text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));

  it("streams one JSONL line per record in input order, a bad record in its place", async () => {
    const body = [
      JSON.stringify({ id: "a", text: NOTE }),
      "{not json",
      "",
      JSON.stringify({ id: "c", text: 42 }),
      JSON.stringify({ id: "d", text: "No procedure today." }),
      "   ",
      JSON.stringify({ text: NOTE }),
    ].join("\n");
    const reply = await request(`${s.url}/v1/batch`, { method: "POST", body });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    const out = lines(reply.text);
    expect(out).toHaveLength(5);
    expect(out.map((line) => line.id)).toEqual(["a", undefined, "c", "d", undefined]);
    expect(out[0]).toEqual(JSON.parse(JSON.stringify(suggest(NOTE, { id: "a" }))));
    expect(ErrorBodySchema.parse(out[1]).error).toMatchObject({ kind: "invalid_json" });
    expect(out[1].error.message).toMatch(/^line 2 /);
    expect(ErrorBodySchema.parse(out[2]).error).toMatchObject({ kind: "invalid_request" });
    expect(out[2].error.message).toMatch(/^record 3: text: /);
    SuggestResultSchema.parse(out[3]);
    SuggestResultSchema.parse(out[4]);
  });

  it("accepts a JSON array and rejects an array that is not valid JSON", async () => {
    const body = JSON.stringify([{ id: "x", text: NOTE }, 7, { id: "z", text: "" }]);
    const reply = await request(`${s.url}/v1/batch`, { method: "POST", body });
    const out = lines(reply.text);
    expect(out.map((line) => line.id)).toEqual(["x", undefined, "z"]);
    expect(out[1].error.kind).toBe("invalid_request");
    const broken = await request(`${s.url}/v1/batch`, { method: "POST", body: '[{"text": "a"},' });
    expect(broken.status).toBe(400);
    expect(errorOf(broken).kind).toBe("invalid_json");
  });

  it("answers an empty batch with an empty stream and refuses one past its limit", async () => {
    const empty = await request(`${s.url}/v1/batch`, { method: "POST", body: "" });
    expect(empty.status).toBe(200);
    expect(empty.text).toBe("");
    const big = `${JSON.stringify({ text: "a".repeat(20_000) })}\n`;
    const tooBig = await request(`${s.url}/v1/batch`, { method: "POST", body: big });
    expect(tooBig.status).toBe(413);
  });

  it("keeps serving /v1/suggest while a long batch streams", async () => {
    const many = Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `r${i}`, text: NOTE }));
    const batch = request(`${s.url}/v1/batch`, { method: "POST", body: many.join("\n") });
    const single = await postJson(`${s.url}/v1/suggest`, { text: NOTE });
    expect(single.status).toBe(200);
    const out = lines((await batch).text);
    expect(out.map((line) => line.id)).toEqual(many.map((_, i) => `r${i}`));
  });
});

describe("limits and failures", () => {
  it("gives 503 with Retry-After when maxConcurrent requests are in flight", async () => {
    const s = await listen({ maxConcurrent: 1, requestTimeoutMs: 5_000 });
    const socket = net.connect(s.port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write("POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = await postJson(`${s.url}/v1/suggest`, { text: NOTE });
    expect(busy.status).toBe(503);
    expect(busy.headers["retry-after"]).toBe("1");
    expect(errorOf(busy).kind).toBe("overloaded");
    expect((await request(`${s.url}/healthz`)).status).toBe(200);
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await postJson(`${s.url}/v1/suggest`, { text: NOTE })).status).toBe(200);
    await s.close();
  });

  it("gives 408 when the body does not arrive within the request timeout", async () => {
    const s = await listen({ requestTimeoutMs: 300 });
    const socket = net.connect(s.port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    socket.write("POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{");
    await new Promise((resolve) => socket.once("close", resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"kind":"timeout"');
    await s.close();
  });

  it("gives 500 internal when the library throws, 500 invalid_result on a bad result", async () => {
    const throwing = await listen({
      suggest: (text) => {
        if (text === "boom") throw new Error("pipeline exploded");
        return fakeSuggest(text);
      },
    });
    const reply = await postJson(`${throwing.url}/v1/suggest`, { text: "boom" });
    expect(reply.status).toBe(500);
    expect(errorOf(reply).kind).toBe("internal");
    await throwing.close();
    const broken = await listen({
      suggest: (text) =>
        text
          ? ({ ...fakeSuggest(text), codes: [{ code: "1" }] } as unknown as SuggestResult)
          : fakeSuggest(text),
    });
    const bad = await postJson(`${broken.url}/v1/suggest`, { text: "x" });
    expect(bad.status).toBe(500);
    expect(errorOf(bad)).toMatchObject({ kind: "invalid_result" });
    expect(errorOf(bad).message).toMatch(/codes\.0/);
    await broken.close();
  });

  it("logs one line per request with id, sizes, timing and status, and never the note", async () => {
    const s = await listen();
    const secret = "Patient Zebediah Quux had a shave biopsy of the left ear";
    await postJson(`${s.url}/v1/suggest`, { text: secret, id: "log-1" });
    await request(`${s.url}/v1/suggest`, { method: "POST", body: `{"text": "${secret}` });
    await request(`${s.url}/v1/batch`, {
      method: "POST",
      body: JSON.stringify({ id: "b", text: secret }),
    });
    await request(`${s.url}/nope`);
    await s.close();
    expect(s.logs).toHaveLength(4);
    const entries = s.logs.map((line) => JSON.parse(line));
    expect(entries[0]).toMatchObject({
      method: "POST",
      path: "/v1/suggest",
      status: 200,
      id: "log-1",
    });
    expect(entries[0].bytesIn).toBeGreaterThan(secret.length);
    expect(entries[0].bytesOut).toBeGreaterThan(0);
    expect(typeof entries[0].ms).toBe("number");
    expect(entries[1]).toMatchObject({ status: 400, error: "invalid_json" });
    expect(entries[2]).toMatchObject({
      path: "/v1/batch",
      status: 200,
      records: 1,
      recordErrors: 0,
    });
    expect(entries[3]).toMatchObject({ status: 404 });
    for (const line of s.logs) {
      expect(line).not.toMatch(/Zebediah|biopsy|left ear/);
    }
  });
});
