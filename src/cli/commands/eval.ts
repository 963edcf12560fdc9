import { writeFileSync } from "node:fs";
import { type CaseOutcome, scoreCase, summarise } from "../../eval/coding.ts";
import { type GoldCase, readGold } from "../../eval/gold.ts";
import { reliabilitySvg } from "../../eval/plot.ts";
import { suggest } from "../../pipeline/suggest.ts";
import { parseCommandArgs, UsageError } from "../usage.ts";

/** dermcode eval GOLD.jsonl|FIXTURES_DIR [--json] [--tag T]... [--plot FILE.svg] [--accept 0.95] [--show N] */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: "boolean", default: false },
    tag: { type: "string", multiple: true },
    plot: { type: "string" },
    accept: { type: "string" },
    show: { type: "string" },
  });
  if (positionals.length !== 1)
    throw new UsageError("eval needs exactly one GOLD.jsonl (or fixtures folder)");
  let cases: GoldCase[];
  try {
    cases = readGold(positionals[0]!);
  } catch (error) {
    throw new UsageError(`cannot read gold file ${positionals[0]}: ${(error as Error).message}`);
  }
  const tags = values.tag ?? [];
  cases = cases.filter((c) => tags.every((t) => c.tags.includes(t)));
  const accept = values.accept !== undefined ? Number(values.accept) : undefined;
  if (accept !== undefined && !(accept >= 0 && accept <= 1))
    throw new UsageError("--accept takes a number in [0, 1]");
  const outcomes = cases.map((c) => scoreCase(c, suggest(c.note, { id: c.id })));
  const report = summarise(outcomes, accept ?? 0.95);
  if (values.plot)
    writeFileSync(
      values.plot,
      reliabilitySvg(
        report.calibration.bins,
        report.calibration.ece,
        `dermcode eval ${positionals[0]}`,
      ),
    );
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ gold: positionals[0], tags, ...report }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(formatReport(report, tags, Number(values.show ?? 20)));
  return 0;
}

function formatReport(r: ReturnType<typeof summarise>, tags: string[], show: number): string {
  const lines: string[] = [];
  for (const o of r.wrong.slice(0, show)) lines.push(formatCase(o));
  if (r.wrong.length > show)
    lines.push(`... and ${r.wrong.length - show} more wrong cases (--show N)`);
  const p = (x: { precision: number; recall: number; f1: number }) =>
    `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;
  lines.push("");
  lines.push(`cases ${r.cases}${tags.length > 0 ? ` (tags: ${tags.join(", ")})` : ""}`);
  lines.push(`code          ${p(r.code)}`);
  lines.push(`code+units    ${p(r.codeUnits)}`);
  if (r.diagnosis) lines.push(`diagnosis     ${p(r.diagnosis)}`);
  lines.push(
    `exact match   ${r.exactMatch.toFixed(3)}   modifier agreement ${r.modifierAgreement.toFixed(3)}`,
  );
  lines.push(
    `calibration   ECE ${r.calibration.ece.toFixed(3)} over ${r.calibration.bins.reduce((s, b) => s + b.n, 0)} lines`,
  );
  if (r.accept)
    lines.push(
      `auto-accept   >= ${r.accept.threshold}: coverage ${r.accept.coverage.toFixed(3)} (${r.accept.accepted} notes, ${r.accept.acceptedWithLines} with lines), entirely right ${r.accept.precision.toFixed(3)}`,
      `              on confidence alone (review warnings ignored): coverage ${r.accept.byConfidence.coverage.toFixed(3)}, entirely right ${r.accept.byConfidence.precision.toFixed(3)}`,
    );
  return `${lines.join("\n")}\n`;
}

function formatCase(o: CaseOutcome): string {
  const fmt = (l: { code: string; units: number; modifiers: string[] }) =>
    `${l.code}x${l.units}${l.modifiers.length ? `-${l.modifiers.join("-")}` : ""}`;
  return `WRONG ${o.id}\n  expected:  ${o.expected.map(fmt).join(" ") || "(none)"}\n  suggested: ${o.suggested.map((l) => `${fmt(l)}@${l.confidence}`).join(" ") || "(none)"}`;
}
