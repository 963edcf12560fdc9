/**
 * Writes the JSON Schema of every lexicon file (for editors) from its zod schema, at the path the
 * file's own "$schema" names (lexicon/schema/*.json). Run: npm run lexicon:schema
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { LEXICON_FILES } from "../src/lexicon/files.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const written = new Set<string>();
for (const file of Object.values(LEXICON_FILES)) {
  const ref = (file.raw as { $schema?: string }).$schema;
  if (!ref) continue;
  const target = join(root, dirname(file.path), ref);
  if (written.has(target)) continue;
  mkdirSync(dirname(target), { recursive: true });
  const schema = z.toJSONSchema(file.schema, { io: "input" });
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  written.add(target);
}
process.stderr.write(`wrote ${written.size} schemas under lexicon/schema\n`);
