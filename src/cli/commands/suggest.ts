import { readFileSync } from "node:fs";
import { renderResult } from "../../output/render.ts";
import { InputError, suggest } from "../../pipeline/suggest.ts";
import { readStdin } from "../stdin.ts";
import { parseCommandArgs, UsageError } from "../usage.ts";

/** dermcode suggest [FILE|-] [--text "..."] [--json] [--explain] [--id ID] [--modifier-style 59|X] */
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
  const text = values.text ?? (await readNote(positionals[0]));
  const style = values["modifier-style"];
  if (style !== undefined && style !== "59" && style !== "X")
    throw new UsageError("--modifier-style must be 59 or X");
  const minConfidence =
    values["min-confidence"] !== undefined ? Number(values["min-confidence"]) : undefined;
  let result: ReturnType<typeof suggest>;
  try {
    result = suggest(text, {
      ...(values.id ? { id: values.id } : {}),
      ...(style ? { modifierStyle: style } : {}),
      ...(minConfidence !== undefined ? { minConfidence } : {}),
      trace: values.explain && values.json,
    });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
  if (values.format === "fhir") {
    const { toFhirBundle } = await import("../../fhir/index.ts");
    process.stdout.write(`${JSON.stringify(toFhirBundle(result, text), null, 2)}\n`);
  } else if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
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
