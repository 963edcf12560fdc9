/**
 * Builds the browser bundle: src/browser.ts -> dist/browser/dermcode.js (ESM, minified, lexicon
 * inlined) and reports its size, raw and gzipped, with the largest contributors.
 *
 *   npx tsx scripts/build-browser.ts [--outdir DIR] [--sourcemap] [--json]
 *
 * The build fails, naming the importing file, if anything on the path pulls in a Node built-in
 * (fs, path, node:*): the core must run unchanged in a browser.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type Plugin } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

export interface BrowserBuild {
  outfile: string;
  bytes: number;
  gzipBytes: number;
  /** Output bytes by package (or "src", "lexicon"), largest first. */
  contributors: { name: string; bytes: number }[];
}

/** Fails the build on any Node built-in import, naming the importer. */
const noNodeBuiltins: Plugin = {
  name: "no-node-builtins",
  setup(b) {
    b.onResolve({ filter: /^[a-z_:]+(\/.*)?$/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) && !NODE_BUILTINS.has(args.path.split("/")[0]!))
        return undefined;
      return {
        errors: [
          {
            text: `Node built-in "${args.path}" imported by ${relative(ROOT, args.importer)}: the browser bundle cannot include it`,
          },
        ],
      };
    });
  },
};

export async function buildBrowserBundle(
  options: { outdir?: string; sourcemap?: boolean } = {},
): Promise<BrowserBuild> {
  const outfile = join(options.outdir ?? join(ROOT, "dist", "browser"), "dermcode.js");
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, "src", "browser.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: options.sourcemap ? "linked" : false,
    legalComments: "eof",
    metafile: true,
    logLevel: "silent",
    plugins: [noNodeBuiltins],
  });
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(".js"))!;
  const code = readFileSync(outfile);
  return {
    outfile,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    contributors: contributors(output[1].inputs),
  };
}

function contributors(inputs: Metafile["outputs"][string]["inputs"]): BrowserBuild["contributors"] {
  const by = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split("/")[0]!;
    by.set(pkg, (by.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...by].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      outdir: { type: "string" },
      sourcemap: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const built = await buildBrowserBundle({
    ...(values.outdir ? { outdir: resolve(values.outdir) } : {}),
    sourcemap: values.sourcemap,
  });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ ...built, outfile: relative(process.cwd(), built.outfile) })}\n`,
    );
    return;
  }
  process.stdout.write(
    `${relative(process.cwd(), built.outfile)}: ${kb(built.bytes)} minified, ${kb(built.gzipBytes)} gzipped\n`,
  );
  for (const c of built.contributors.slice(0, 8))
    process.stdout.write(`  ${c.name.padEnd(16)} ${kb(c.bytes).padStart(10)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `build-browser: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
