/**
 * Worker code as one plain-JavaScript file: esbuild bundles worker.ts (pipeline, lexicon JSON
 * and dependencies included) into a temp folder once per pool. A worker that loads the bundle
 * needs no TypeScript loader, which saves about 50 MB and a second of start-up per worker.
 * When esbuild is unavailable or bundling fails, workers fall back to worker-entry.js, which
 * registers tsx and imports the TypeScript directly (same behaviour, more memory).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface WorkerScript {
  url: URL;
  /** Removes the temp files (idempotent). */
  dispose(): void;
}

const TYPESCRIPT_ENTRY = new URL("./worker-entry.js", import.meta.url);
/** Bundled CommonJS dependencies may call require() for Node built-ins. */
const REQUIRE_SHIM =
  'import { createRequire as __dermcodeRequire } from "node:module"; const require = __dermcodeRequire(import.meta.url);';

async function bundle(dir: string): Promise<URL> {
  const esbuild = await import("esbuild");
  const outfile = join(dir, "worker.mjs");
  const built = esbuild.build({
    entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: { js: REQUIRE_SHIM },
    logLevel: "silent",
  });
  await built.finally(() => esbuild.stop()); // ends esbuild's helper process (~80 MB)
  return pathToFileURL(outfile);
}

/** The script pool workers run: the bundle, or the tsx entry when bundling is not possible. */
export async function workerScript(): Promise<WorkerScript> {
  if (process.env.DERMCODE_WORKER_BUNDLE === "0") return { url: TYPESCRIPT_ENTRY, dispose() {} };
  const dir = mkdtempSync(join(tmpdir(), "dermcode-worker-"));
  const dispose = () => {
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", dispose);
  };
  process.on("exit", dispose);
  try {
    return { url: await bundle(dir), dispose };
  } catch {
    dispose();
    return { url: TYPESCRIPT_ENTRY, dispose() {} };
  }
}
