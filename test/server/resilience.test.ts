import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggest } from "../../src/index.ts";
import { listen, postJson, request, type TestServer } from "./helpers.ts";

const NOTE =
  "Procedure: tangential biopsy of a 0.4 cm lesion on the right forearm. Specimen to pathology.";

/** Writes raw bytes on a fresh connection; resolves with whatever came back before it closed. */
function raw(port: number, payload: string | Buffer, abortAfterMs?: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(answer));
    socket.write(payload);
    if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

type Malformed = (s: TestServer) => Promise<number>;

/** Twelve kinds of bad request; each resolves with the status the server gave (0: none). */
const MALFORMED: Malformed[] = [
  async (s) =>
    (await request(`${s.url}/v1/suggest`, { method: "POST", body: '{"text": "a' })).status,
  async (s) => (await postJson(`${s.url}/v1/suggest`, { notes: ["a"] })).status,
  async (s) =>
    (await request(`${s.url}/v1/suggest`, { method: "POST", body: Buffer.from([0xc3, 0x28]) }))
      .status,
  async (s) => (await postJson(`${s.url}/v1/suggest`, { text: "x".repeat(5000) })).status,
  async (s) => (await request(`${s.url}/v1/suggest`, { method: "DELETE" })).status,
  async (s) => (await request(`${s.url}/../../etc/passwd`)).status,
  async (s) => statusOf(await raw(s.port, "GARBAGE\r\n\r\n")),
  async (s) =>
    statusOf(
      await raw(s.port, "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{", 20),
    ),
  async (s) =>
    statusOf(
      await raw(s.port, "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}"),
    ),
  async (s) =>
    statusOf(
      await raw(s.port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`),
    ),
  async (s) => (await request(`${s.url}/v1/batch`, { method: "POST", body: "[1, 2" })).status,
  async (s) =>
    statusOf(
      await raw(s.port, "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{"),
    ),
];
const EXPECTED = [400, 400, 400, 413, 405, 404, 400, 0, 400, 431, 400, 408];

describe("resilience", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await listen({ maxBodyBytes: 2048, requestTimeoutMs: 400 });
  });
  afterAll(() => s.close());

  it("keeps answering valid requests while 100 malformed ones are interleaved", async () => {
    const expected = JSON.parse(JSON.stringify(suggest(NOTE)));
    const statuses: number[] = [];
    const valid: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      const work = Array.from({ length: 10 }, async (_, k) => {
        const i = round * 10 + k;
        statuses[i] = await MALFORMED[i % MALFORMED.length]!(s);
        const ok = await postJson(`${s.url}/v1/suggest`, { text: NOTE });
        valid.push(ok.status);
        expect(ok.json()).toEqual(expected);
      });
      await Promise.all(work);
    }
    expect(valid).toHaveLength(100);
    expect(new Set(valid)).toEqual(new Set([200]));
    expect(statuses.map((status, i) => [i % MALFORMED.length, status])).toEqual(
      statuses.map((_, i) => [i % MALFORMED.length, EXPECTED[i % MALFORMED.length]]),
    );
    const health = await request(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: "ok", inFlight: 0 });
    expect(s.server.listening).toBe(true);
  });
});
