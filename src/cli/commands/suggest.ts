import { readFileSync } from "node:fs";
import { renderResult } from "../../output/render.ts";
import { InputError, suggest } from "../../pipeline/suggest.ts";
import { readStdin } from "../stdin.ts";
import { parseCommandArgs, UsageError } from "../usage.ts";

/**
 * dermcode suggest [FILE|-] [--text "..."] [--json | --format json|text|human|fhir] [--explain]
 *   [--id ID] [--modifier-style 59|X] [--min-confidence P]
 * --format text (or human, the default) prints the human-readable result; json (same as --json)
 * one SuggestResult; fhir one FHIR R4 Bundle (docs/fhir.md). Any other format is a usage error.
 */
type SuggestFormat = "text" | "json" | "fhir";

const FORMATS: Record<string, SuggestFormat> = {
  text: "text",
  human: "text",
  json: "json",
  fhir: "fhir",
};

function formatOf(format: string | undefined, json: boolean): SuggestFormat {
  if (format === undefined) return json ? "json" : "text";
  const chosen = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (chosen === undefined)
    throw new UsageError(`--format must be json, text, human or fhir, got "${format}"`);
  if (json && chosen !== "json")
    throw new UsageError(`--json contradicts --format ${format}; give one of them`);
  return chosen;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    text: { type: "string" },
    json: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
    id: { type: "string" },
    format: { type: "string" },
    "modifier-style": { type: "string" },
    "min-confidence": { type: "string" },
  });
  if (positionals.length > 1) throw new UsageError("suggest takes at most one FILE");
  const format = formatOf(values.format, values.json);
  const style = values["modifier-style"];
  if (style !== undefined && style !== "59" && style !== "X")
    throw new UsageError("--modifier-style must be 59 or X");
  const text = values.text ?? (await readNote(positionals[0]));
  const minConfidence =
    values["min-confidence"] !== undefined ? Number(values["min-confidence"]) : undefined;
  let result: ReturnType<typeof suggest>;
  try {
    result = suggest(text, {
      ...(values.id ? { id: values.id } : {}),
      ...(style ? { modifierStyle: style } : {}),
      ...(minConfidence !== undefined ? { minConfidence } : {}),
      trace: values.explain && format === "json",
    });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
  if (format === "fhir") {
    const { toFhirBundle } = await import("../../fhir/index.ts");
    process.stdout.write(`${JSON.stringify(toFhirBundle(result, text), null, 2)}\n`);
  } else if (format === "json") process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    process.stdout.write(
      renderResult(result, text, { color: process.stdout.isTTY === true, explain: values.explain }),
    );
  return 0;
}

async function readNote(file: string | undefined): Promise<string> {
  if (file === undefined || file === "-") return readStdin();
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
