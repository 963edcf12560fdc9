import { readFileSync } from "node:fs";

/** The page's files, served from memory under fixed paths (nothing else on disk is reachable). */
const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
  "/favicon.svg": { file: "favicon.svg", type: "image/svg+xml" },
};

/** Same-origin only: no CDN, no inline script, nothing framed. */
export const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cache-control": "no-cache",
} as const;

export interface PageAsset {
  type: string;
  body: Buffer;
}

export function pagePaths(): string[] {
  return Object.keys(ASSETS);
}

/** Reads the page files once, when the server is created. */
export function loadPageAssets(): Map<string, PageAsset> {
  const dir = new URL("./page/", import.meta.url);
  const assets = new Map<string, PageAsset>();
  for (const [path, { file, type }] of Object.entries(ASSETS)) {
    assets.set(path, { type, body: readFileSync(new URL(file, dir)) });
  }
  return assets;
}
