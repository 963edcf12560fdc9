/**
 * Loopback load test of `dermcode serve` (127.0.0.1 only). Bounded: stops by itself.
 *
 *   npx tsx bench/load.ts [--clients 50] [--duration 10] [--json] [--url http://127.0.0.1:PORT]
 *
 * 1. starts the server in a child process (unless --url points at one already running on loopback),
 * 2. runs --clients concurrent keep-alive clients for --duration seconds against POST /v1/suggest
 *    with real dermatology notes from ../shared/corpus/mtsamples.jsonl (built-in notes otherwise),
 *    and reports requests/s, p50/p90/p99/max latency and errors,
 * 3. sends 100 malformed requests interleaved with 100 valid ones and checks every answer,
 * 4. checks GET /healthz, stops the server. Exit status 0 when there were no errors.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { parseArgs } from "node:util";

const ROOT = new URL("../", import.meta.url);
const CORPUS = new URL("../shared/corpus/mtsamples.jsonl", ROOT);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const HARD_LIMIT_S = 120;

const FALLBACK_NOTES = [
  "Procedure: shave biopsy of a 0.6 cm pink papule on the left upper back. Hemostasis with aluminum chloride. Specimen to pathology.",
  "Four actinic keratoses on the scalp were treated with liquid nitrogen cryotherapy, two freeze-thaw cycles each.",
  "Excision of a 1.2 cm basal cell carcinoma of the right forearm with 4 mm margins; layered closure of the 2.5 cm defect.",
  "Punch biopsy (4 mm) of a changing nevus on the right calf; closed with two simple interrupted sutures.",
];

interface Args {
  clients: number;
  durationS: number;
  json: boolean;
  url?: string;
}

function parseCli(): Args {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "50" },
      duration: { type: "string", default: "10" },
      json: { type: "boolean", default: false },
      url: { type: "string" },
    },
  });
  const clients = Number(values.clients);
  const durationS = Number(values.duration);
  if (!(clients >= 1 && clients <= 500)) throw new Error("--clients must be 1..500");
  if (!(durationS > 0 && durationS <= 60)) throw new Error("--duration must be 0..60 seconds");
  if (values.url && !LOOPBACK.has(new URL(values.url).hostname)) {
    throw new Error("--url must be a loopback address (127.0.0.1, localhost, [::1])");
  }
  return { clients, durationS, json: values.json, ...(values.url ? { url: values.url } : {}) };
}

function loadNotes(): { notes: string[]; source: string } {
  if (!existsSync(CORPUS)) return { notes: FALLBACK_NOTES, source: "built-in notes" };
  const notes = readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter((line) => line.includes('"Dermatology"'))
    .map((line) => JSON.parse(line) as { specialty: string; text: string })
    .filter((record) => record.specialty === "Dermatology" && record.text.trim() !== "")
    .map((record) => record.text);
  return notes.length
    ? { notes, source: `${notes.length} Dermatology notes from mtsamples.jsonl` }
    : { notes: FALLBACK_NOTES, source: "built-in notes" };
}

/** Starts `dermcode serve --port 0` on 127.0.0.1 and resolves with its URL. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const cli = new URL("src/cli/index.ts", ROOT).pathname;
  const child = spawn(process.execPath, ["--import", "tsx", cli, "serve", "--port", "0"], {
    cwd: ROOT.pathname,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      if (seen.length < 4096) seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        seen = "\n".repeat(4096); // keep draining the access log, stop collecting it
        resolve({ child, url: match[1]!.replace(/\/$/, "") });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${code}): ${seen}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

interface Reply {
  status: number;
  body: string;
}

function send(
  url: string,
  agent: http.Agent | false,
  method: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve) => {
    const req = http.request(url, { method, agent, headers });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      res.on("error", () => resolve({ status: 0, body: "" }));
    });
    req.on("error", () => resolve({ status: 0, body: "" }));
    req.setTimeout(30_000, () => req.destroy());
    req.end(body);
  });
}

const percentile = (sorted: number[], q: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
    : Number.NaN;

async function loadPhase(url: string, notes: string[], args: Args) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: args.clients });
  const bodies = notes.map((text, i) => JSON.stringify({ id: `bench-${i}`, text }));
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const deadline = started + args.durationS * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const body = bodies[next++ % bodies.length]!;
      const t0 = performance.now();
      const reply = await send(`${url}/v1/suggest`, agent, "POST", body, {
        "content-type": "application/json",
      });
      latencies.push(performance.now() - t0);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: args.clients }, client));
  const elapsedS = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.toSorted((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    clients: args.clients,
    seconds: round(elapsedS),
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsedS),
    p50Ms: round(percentile(sorted, 0.5)),
    p90Ms: round(percentile(sorted, 0.9)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    errors: latencies.length - (statuses.get(200) ?? 0),
    statuses: Object.fromEntries(statuses),
  };
}

/** Sends raw bytes on a new connection; resolves with the status line's code (0: none). */
function rawStatus(url: string, payload: string, abortAfterMs?: number): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (c) => {
      answer += c.toString("latin1");
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.setTimeout(10_000, () => socket.destroy());
    socket.write(payload);
    if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
  });
}

/** [name, expected status, request]; 0 = the client hangs up, so no answer is expected. */
const MALFORMED: [string, number, (url: string) => Promise<number>][] = [
  [
    "bad JSON",
    400,
    async (u) => (await send(`${u}/v1/suggest`, false, "POST", '{"text": "a')).status,
  ],
  [
    "wrong shape",
    400,
    async (u) => (await send(`${u}/v1/suggest`, false, "POST", '{"note": 1}')).status,
  ],
  [
    "not UTF-8",
    400,
    async (u) => (await send(`${u}/v1/suggest`, false, "POST", Buffer.from([0xc3, 0x28]))).status,
  ],
  [
    "over 1 MB",
    413,
    async (u) =>
      (await send(`${u}/v1/suggest`, false, "POST", `{"text":"${"a".repeat(1_100_000)}"}`)).status,
  ],
  ["wrong method", 405, async (u) => (await send(`${u}/v1/suggest`, false, "GET")).status],
  ["unknown route", 404, async (u) => (await send(`${u}/v1/nothing`, false, "POST", "{}")).status],
  ["garbage bytes", 400, (u) => rawStatus(u, "\x00\x01GARBAGE\r\n\r\n")],
  [
    "bad Content-Length",
    400,
    (u) => rawStatus(u, "POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
  ],
  [
    "client hangs up mid-body",
    0,
    (u) =>
      rawStatus(u, 'POST /v1/suggest HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"te', 20),
  ],
  [
    "bad batch array",
    400,
    async (u) => (await send(`${u}/v1/batch`, false, "POST", "[{}, ")).status,
  ],
];

async function malformedPhase(url: string, notes: string[]) {
  const mismatches: string[] = [];
  let validOk = 0;
  for (let round = 0; round < 10; round += 1) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const [name, expected, run] = MALFORMED[(round * 10 + k) % MALFORMED.length]!;
        const status = await run(url);
        if (status !== expected) mismatches.push(`${name}: got ${status}, expected ${expected}`);
        const body = JSON.stringify({ text: notes[k % notes.length] });
        const ok = await send(`${url}/v1/suggest`, false, "POST", body);
        if (ok.status === 200) validOk += 1;
        else mismatches.push(`valid request after "${name}": got ${ok.status}`);
      }),
    );
  }
  return { malformed: 100, valid: 100, validOk, mismatches };
}

async function main(): Promise<number> {
  const args = parseCli();
  const { notes, source } = loadNotes();
  const started = args.url ? undefined : await startServer();
  const url = args.url?.replace(/\/$/, "") ?? started!.url;
  const watchdog = setTimeout(() => {
    process.stderr.write(`load: gave up after ${HARD_LIMIT_S} s\n`);
    started?.child.kill("SIGKILL");
    process.exit(1);
  }, HARD_LIMIT_S * 1000);
  try {
    process.stderr.write(
      `load: ${url}, ${source}, ${args.clients} clients for ${args.durationS} s\n`,
    );
    for (const text of notes.slice(0, 5))
      await send(`${url}/v1/suggest`, false, "POST", JSON.stringify({ text }));
    const load = await loadPhase(url, notes, args);
    const malformed = await malformedPhase(url, notes);
    const health = await send(`${url}/healthz`, false, "GET");
    const report = { url, notes: source, load, malformed, healthz: health.status };
    if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printReport(report);
    const failed = load.errors > 0 || malformed.mismatches.length > 0 || health.status !== 200;
    return failed ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    if (started) await stopServer(started.child);
  }
}

function printReport(r: {
  notes: string;
  load: Awaited<ReturnType<typeof loadPhase>>;
  malformed: Awaited<ReturnType<typeof malformedPhase>>;
  healthz: number;
}) {
  const { load, malformed } = r;
  const lines = [
    `notes        ${r.notes}`,
    `load         ${load.clients} clients, ${load.seconds} s, ${load.requests} requests`,
    `throughput   ${load.requestsPerSecond} requests/s`,
    `latency      p50 ${load.p50Ms} ms, p90 ${load.p90Ms} ms, p99 ${load.p99Ms} ms, max ${load.maxMs} ms`,
    `errors       ${load.errors} (statuses ${JSON.stringify(load.statuses)})`,
    `malformed    ${malformed.malformed} interleaved with ${malformed.valid} valid: ${malformed.validOk} valid answered 200, ${malformed.mismatches.length} unexpected answers`,
    ...malformed.mismatches.slice(0, 10).map((m) => `             ${m}`),
    `healthz      ${r.healthz}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

process.exitCode = await main();
