/**
 * Throughput of the assertion detector: assertConcept over every row of the NegEx/ConText dev
 * TSV, after a warm-up, over several timed passes. Prints sentences per second.
 * Run: npx tsx bench/context.ts [FILE.tsv] [--passes N]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { assertConcept, compileContext } from "../src/context/index.ts";
import { readContextLexicon } from "../src/context/lexicon-file.ts";
import { parseContextTsv } from "../src/eval/context.ts";

const DEFAULT_TSV = fileURLToPath(
  new URL("../../shared/eval/context/negex-context-dev.tsv", import.meta.url),
);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { passes: { type: "string", default: "20" } },
});
const file = positionals[0] ?? DEFAULT_TSV;
const passes = Number(values.passes);
const rows = parseContextTsv(readFileSync(file, "utf8"));
const ctx = compileContext(readContextLexicon());

function pass(): number {
  let negated = 0;
  for (const row of rows) {
    if (assertConcept(row.sentence, row.concept, ctx).negation === "negated") negated++;
  }
  return negated;
}

for (let i = 0; i < 3; i++) pass();
const rates: number[] = [];
for (let i = 0; i < passes; i++) {
  const start = process.hrtime.bigint();
  pass();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(rows.length / seconds);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
const total = rows.length * passes;
process.stdout.write(
  `context: ${rows.length} sentences x ${passes} passes (${total}); ` +
    `median ${Math.round(median).toLocaleString("en")} sentences/s ` +
    `(min ${Math.round(rates[0]!).toLocaleString("en")}, max ${Math.round(rates.at(-1)!).toLocaleString("en")})\n`,
);
