import http from "node:http";
import type { AddressInfo } from "node:net";
import { createServer, type ServerOptions } from "../../src/server/index.ts";

export interface TestServer {
  url: string;
  port: number;
  logs: string[];
  server: http.Server;
  close: () => Promise<void>;
}

/** A server on 127.0.0.1, port 0, whose access log is collected instead of printed. */
export async function listen(options: ServerOptions = {}): Promise<TestServer> {
  const logs: string[] = [];
  const server = createServer({ accessLog: (line) => logs.push(line), ...options });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}`, port, logs, server, close };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => unknown;
}

/**
 * One HTTP request with node:http (no pooling). Resolves with the response even when the server
 * answers before the body is fully sent (413, 503), which fetch reports as a network error.
 */
export function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: init.method ?? "GET",
      headers: init.headers,
      agent: false,
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: () => JSON.parse(text),
        });
      });
      res.on("error", reject);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // Writing the rest of a refused body can fail after the response already arrived.
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    req.end(init.body);
  });
}

export function postJson(url: string, value: unknown): Promise<Reply> {
  return request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(value),
  });
}
