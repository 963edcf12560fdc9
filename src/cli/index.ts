#!/usr/bin/env node
/**
 * dermcode command line: a thin dispatcher. Each command lives in ./commands/<name>.ts and
 * exports `run(argv): Promise<number>` returning the exit status.
 * Exit status: 0 success, 2 usage or input error, 1 anything else.
 */
import { UsageError } from "./usage.ts";

const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  suggest: () => import("./commands/suggest.ts"),
  batch: () => import("./commands/batch.ts"),
  eval: () => import("./commands/eval.ts"),
  context: () => import("./commands/context.ts"),
  serve: () => import("./commands/serve.ts"),
};

const HELP = `dermcode: suggest CPT codes from dermatology notes (offline)

Usage:
  dermcode suggest [FILE|-] [--text "..."] [--json] [--explain] [--format text|json|fhir]
  dermcode batch INPUT [-o OUTPUT] [--format jsonl|csv|fhir] [--jobs N] [--resume]
                 [--id-column C] [--text-column C]
  dermcode eval GOLD.jsonl [--json] [--tag TAG] [--plot FILE.svg] [--accept 0.95]
  dermcode context FILE.tsv [--eval]
  dermcode serve [--port N]
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    const { LEXICON_VERSION } = await import("../lexicon/files.ts");
    process.stdout.write(`${LEXICON_VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`dermcode: unknown command "${name}" (try dermcode --help)\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`dermcode ${name}: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`dermcode ${name}: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
