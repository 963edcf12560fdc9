/**
 * dermcode context FILE.tsv          one JSON object a row: {"negation","temporality","experiencer"}
 * dermcode context --eval FILE.tsv   accuracy, precision, recall, F1 against the gold columns
 *                  [--json]          the scores as one JSON object
 * FILE may be "-" for standard input.
 */
import { readFileSync } from "node:fs";
import { compileContext } from "../../context/index.ts";
import { readContextLexicon } from "../../context/lexicon-file.ts";
import {
  type BinaryScore,
  type ContextScores,
  ContextTsvError,
  parseContextTsv,
  predictRows,
  scoreContext,
} from "../../eval/context.ts";
import { parseCommandArgs, UsageError } from "../usage.ts";

function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

const pct = (x: number) => x.toFixed(3);

function row(name: string, s: BinaryScore): string {
  const cells = [pct(s.accuracy), pct(s.precision), pct(s.recall), pct(s.f1)];
  const counts = `tp=${s.tp} fp=${s.fp} fn=${s.fn} tn=${s.tn}`;
  return `${name.padEnd(26)}${cells.map((c) => c.padStart(10)).join("")}   ${counts}`;
}

/** The readable table printed by `--eval`. */
export function formatScores(file: string, scores: ContextScores): string {
  const head = `${"".padEnd(26)}${["accuracy", "precision", "recall", "F1"].map((h) => h.padStart(10)).join("")}`;
  return [
    `${file}: ${scores.rows} rows`,
    head,
    row("negation (negated)", scores.negation),
    row("temporality: historical", scores.temporality.historical),
    row("temporality: hypothetical", scores.temporality.hypothetical),
    `${"temporality (3 classes)".padEnd(26)}${pct(scores.temporality.accuracy).padStart(10)}`,
    row("experiencer (other)", scores.experiencer),
    "",
  ].join("\n");
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    eval: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError("missing FILE.tsv (usage: dermcode context [--eval] FILE.tsv)");
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  let rows: ReturnType<typeof parseContextTsv>;
  try {
    rows = parseContextTsv(readInput(file), values.eval);
  } catch (error) {
    if (error instanceof ContextTsvError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  const ctx = compileContext(readContextLexicon());
  const predicted = predictRows(rows, ctx);
  if (!values.eval) {
    const lines = predicted.map(({ negation, temporality, experiencer }) =>
      JSON.stringify({ negation, temporality, experiencer }),
    );
    process.stdout.write(lines.length ? `${lines.join("\n")}\n` : "");
    return 0;
  }
  const scores = scoreContext(rows, predicted);
  process.stdout.write(values.json ? `${JSON.stringify(scores)}\n` : formatScores(file, scores));
  return 0;
}
