/**
 * Worker code as one plain-JavaScript file: esbuild bundles worker.ts (pipeline, lexicon JSON
 * and dependencies included) into a temp folder once per pool. A worker that loads the bundle
 * needs no TypeScript loader, which saves about 50 MB and a second of start-up per worker.
 * When esbuild is unavailable or bundling fails, workers fall back to worker-entry.js, which
 * registers tsx and imports the TypeScript directly (same behaviour, more memory).
 * The bundle is kept in node_modules/.cache/dermcode under a digest of everything it is built
 * from (sources, lexicons, locked dependencies, Node version), so later runs skip the ~0.3 s
 * build; a change to any of those makes a new digest, and the old bundle is removed.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
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

const ROOT = new URL("../../", import.meta.url);
const CACHE = fileURLToPath(new URL("node_modules/.cache/dermcode/", ROOT));

/** Digest of what the bundle is built from; undefined when a part cannot be read. */
function sourceDigest(): string | undefined {
  try {
    const hash = createHash("sha256");
    for (const dir of ["src", "lexicon"]) {
      const base = fileURLToPath(new URL(`${dir}/`, ROOT));
      const files = readdirSync(base, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => join(f.parentPath, f.name))
        .sort();
      for (const file of files) hash.update(file.slice(base.length)).update(readFileSync(file));
    }
    hash.update(readFileSync(fileURLToPath(new URL("package-lock.json", ROOT))));
    return hash.update(process.version).digest("hex").slice(0, 20);
  } catch {
    return undefined;
  }
}

/** Keeps a fresh bundle as the cached one (atomically), dropping older ones; false on failure. */
function keep(built: string, cached: string): boolean {
  try {
    mkdirSync(CACHE, { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    copyFileSync(built, partial);
    renameSync(partial, cached);
    const entries = readdirSync(CACHE)
      .filter((name) => name.startsWith("worker-"))
      .map((name) => ({
        name,
        mtimeMs: statSync(join(CACHE, name), { throwIfNoEntry: false })?.mtimeMs ?? 0,
      }));
    for (const name of staleCacheFiles(entries, basename(cached), Date.now()))
      rmSync(join(CACHE, name), { force: true });
    return true;
  } catch {
    return false;
  }
}

/** How old another bundle in the cache must be before a fresh one removes it. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Cached bundles other than `keep` old enough to remove. A younger one may belong to a batch of
 * another source version running right now (checkouts sharing one node_modules, a lexicon edited
 * during a run), whose workers still load it.
 */
export function staleCacheFiles(
  entries: readonly { name: string; mtimeMs: number }[],
  keep: string,
  now: number,
): string[] {
  return entries
    .filter((e) => e.name.startsWith("worker-") && e.name !== keep && now - e.mtimeMs > STALE_MS)
    .map((e) => e.name);
}

/** The script pool workers run: the bundle, or the tsx entry when bundling is not possible. */
export async function workerScript(): Promise<WorkerScript> {
  if (process.env.DERMCODE_WORKER_BUNDLE === "0") return { url: TYPESCRIPT_ENTRY, dispose() {} };
  const digest = sourceDigest();
  const cached = digest ? join(CACHE, `worker-${digest}.mjs`) : undefined;
  if (cached && existsSync(cached)) return { url: pathToFileURL(cached), dispose() {} };
  const dir = mkdtempSync(join(tmpdir(), "dermcode-worker-"));
  const dispose = () => {
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", dispose);
  };
  process.on("exit", dispose);
  try {
    const url = await bundle(dir);
    if (cached && keep(fileURLToPath(url), cached)) {
      dispose();
      return { url: pathToFileURL(cached), dispose() {} };
    }
    return { url, dispose };
  } catch {
    dispose();
    return { url: TYPESCRIPT_ENTRY, dispose() {} };
  }
}
