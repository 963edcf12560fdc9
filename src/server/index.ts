/**
 * dermcode HTTP service on node:http: POST /v1/suggest, POST /v1/batch, GET /healthz,
 * GET /openapi.json and the paste-a-note page at /. Thin: parse, validate with the zod schemas of
 * src/schemas/api.ts, call `suggest`, format. See docs/server.md.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { suggest as librarySuggest } from "../index.ts";
import { formatAccessLine, logWhenDone } from "./access-log.ts";
import { handleBatch } from "./batch.ts";
import { buildOpenApi } from "./openapi.ts";
import { type ResolvedServerOptions, resolveServerOptions, type ServerOptions } from "./options.ts";
import { loadPageAssets, PAGE_HEADERS } from "./page.ts";
import {
  HttpError,
  newContext,
  type RequestContext,
  sendBody,
  sendError,
  sendJson,
} from "./respond.ts";
import { handleSuggest } from "./suggest-route.ts";

export { DEFAULT_SERVER_OPTIONS, type ServerOptions } from "./options.ts";

type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => unknown;

interface Route {
  methods: Record<string, Handler>;
  /** Counts against maxConcurrent (the API calls; the page and health checks stay cheap). */
  limited: boolean;
}

function buildRoutes(opts: ResolvedServerOptions, inFlight: () => number): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const [path, asset] of loadPageAssets()) {
    const serve: Handler = (_req, res, ctx) =>
      sendBody(res, ctx, 200, asset.type, asset.body, PAGE_HEADERS);
    routes.set(path, { methods: { GET: serve }, limited: false });
  }
  let openapi: string | undefined;
  const serveOpenApi: Handler = (_req, res, ctx) => {
    openapi ??= JSON.stringify(buildOpenApi());
    sendBody(res, ctx, 200, "application/json; charset=utf-8", openapi);
  };
  const started = Date.now();
  const health = opts.suggest("");
  const serveHealth: Handler = (_req, res, ctx) =>
    sendJson(res, ctx, 200, {
      status: "ok",
      codeSet: health.codeSet,
      lexiconVersion: health.lexiconVersion,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      inFlight: inFlight(),
    });
  routes.set("/openapi.json", { methods: { GET: serveOpenApi }, limited: false });
  routes.set("/healthz", { methods: { GET: serveHealth }, limited: false });
  routes.set("/v1/suggest", {
    methods: { POST: (req, res, ctx) => handleSuggest(req, res, ctx, opts) },
    limited: true,
  });
  routes.set("/v1/batch", {
    methods: { POST: (req, res, ctx) => handleBatch(req, res, ctx, opts) },
    limited: true,
  });
  return routes;
}

function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

function fail(res: ServerResponse, ctx: RequestContext, error: unknown): void {
  const known = error instanceof HttpError;
  sendError(res, ctx, known ? error : new HttpError(500, "internal", "unexpected server error"));
}

/** Malformed HTTP that never reaches a handler (bad request line, header overflow, timeouts). */
function answerClientError(
  error: Error & { code?: string },
  socket: Socket,
  opts: ResolvedServerOptions,
) {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const [status, kind, reason] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "headers_too_large", "Request Header Fields Too Large"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "timeout", "Request Timeout"]
        : [400, "bad_http", "Bad Request"];
  const body = JSON.stringify({
    error: { kind, message: `malformed HTTP request (${error.code ?? "unknown"})` },
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  const ctx = {
    method: "?",
    path: "?",
    startedAt: process.hrtime.bigint(),
    bytesIn: 0,
    bytesOut: body.length,
    errorKind: kind,
  };
  opts.accessLog(formatAccessLine(ctx, status, true));
}

/** Counts API requests in flight; `enter` refuses past the limit. */
function concurrencyLimit(max: number) {
  let inFlight = 0;
  return {
    inFlight: () => inFlight,
    enter(res: ServerResponse): HttpError | undefined {
      if (inFlight >= max) {
        const message = `server busy: ${inFlight} requests in flight (limit ${max})`;
        return new HttpError(503, "overloaded", message, { "retry-after": "1" });
      }
      inFlight += 1;
      res.once("close", () => {
        inFlight -= 1;
      });
      return undefined;
    },
  };
}

/** The handler for this request, or why there is none (404, 405, 503 past the concurrency limit). */
function findHandler(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  routes: Map<string, Route>,
  limit: ReturnType<typeof concurrencyLimit>,
): Handler | HttpError {
  const route = routes.get(ctx.path);
  if (!route) return new HttpError(404, "not_found", `no route ${ctx.path}`);
  const handler = route.methods[req.method === "HEAD" ? "GET" : (req.method ?? "")];
  if (!handler) {
    const allow = Object.keys(route.methods).join(", ");
    const message = `${req.method} is not allowed on ${ctx.path}; use ${allow}`;
    return new HttpError(405, "method_not_allowed", message, { allow });
  }
  return (route.limited ? limit.enter(res) : undefined) ?? handler;
}

/** An http.Server serving the dermcode API and page; call `.listen()` on it (port 0 in tests). */
export function createServer(options: ServerOptions = {}): http.Server {
  const opts = resolveServerOptions(options, librarySuggest);
  const limit = concurrencyLimit(opts.maxConcurrent);
  const routes = buildRoutes(opts, limit.inFlight);
  const server = http.createServer(
    {
      requestTimeout: opts.requestTimeoutMs + 1_000,
      headersTimeout: Math.min(opts.requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, opts.requestTimeoutMs / 2)),
    },
    (req, res) => {
      const ctx = newContext(req, pathOf(req));
      logWhenDone(res, ctx, opts.accessLog);
      const handler = findHandler(req, res, ctx, routes, limit);
      if (handler instanceof HttpError) return fail(res, ctx, handler);
      Promise.resolve()
        .then(() => handler(req, res, ctx))
        .catch((error: unknown) => fail(res, ctx, error));
    },
  );
  server.on("clientError", (error, socket) => answerClientError(error, socket as Socket, opts));
  return server;
}

export interface StartServerOptions extends ServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only); "0.0.0.0" or "::" to serve other machines. */
  host?: string;
}

export interface RunningServer {
  server: http.Server;
  /** e.g. http://127.0.0.1:8787/ */
  url: string;
  /** Stops accepting connections, ends idle ones, and resolves once every request is done. */
  close: () => Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const server = createServer(options);
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(":") ? `[${address}]` : address;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
  return { server, url: `http://${shown}:${port}/`, close };
}
