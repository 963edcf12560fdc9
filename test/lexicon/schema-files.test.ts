import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LEXICON_FILES } from "../../src/lexicon/files.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("lexicon JSON Schemas for editors", () => {
  it.each(Object.entries(LEXICON_FILES))(
    "%s names a $schema file that matches its zod schema (npm run lexicon:schema)",
    (_name, file) => {
      const ref = (file.raw as { $schema?: string }).$schema;
      expect(ref).toMatch(/schema\/[a-z0-9-]+\.json$/);
      const onDisk = JSON.parse(readFileSync(join(root, dirname(file.path), ref!), "utf8"));
      expect(onDisk).toEqual(z.toJSONSchema(file.schema, { io: "input" }));
    },
  );
});
