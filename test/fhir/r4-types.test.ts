/**
 * Compile-time conformance of real output to the R4 types of @types/fhir: the bundle of every
 * fixture note is written out as an object literal typed `R4.Bundle<ChargeItem | Condition |
 * DocumentReference>` and type-checked with tsc (excess properties, value sets such as
 * ChargeItem.status, element types). Needs a release of @types/fhir that ships `r4.d.ts`
 * (0.0.x); skipped with a message when the installed one has no R4 types.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/index.ts";
import { suggest } from "../../src/index.ts";
import { fixtureNames, readFixture } from "../incremental/fixture-note.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const R4_TYPES = join(ROOT, "node_modules/@types/fhir/r4.d.ts");
const HAVE_R4 = existsSync(R4_TYPES);
if (!HAVE_R4) {
  console.warn(
    "r4-types: skipped, the installed @types/fhir has no r4.d.ts (a 0.0.x release ships it)",
  );
}

describe.skipIf(!HAVE_R4)("FHIR output against @types/fhir R4", () => {
  it("type-checks the bundle of every fixture note", () => {
    const dir = mkdtempSync(join(tmpdir(), "dermcode-r4-"));
    try {
      const bundles = fixtureNames().map((name) => {
        const note = readFixture(name);
        return JSON.stringify(toFhirBundle(suggest(note, { id: name }), note));
      });
      writeFileSync(
        join(dir, "bundles.ts"),
        `import type * as R4 from "fhir/r4";\nexport const bundles: R4.Bundle<R4.ChargeItem | R4.Condition | R4.DocumentReference>[] = [\n${bundles.join(",\n")}\n];\n`,
      );
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            module: "ESNext",
            moduleResolution: "Bundler",
            skipLibCheck: true,
            types: [],
            paths: { "fhir/r4": [R4_TYPES] },
          },
          files: ["bundles.ts"],
        }),
      );
      const tsc = spawnSync(
        process.execPath,
        [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir],
        { encoding: "utf8" },
      );
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
