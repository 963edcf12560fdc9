/**
 * Writes lexicon/schema/context.json, the JSON Schema of lexicon/context.json, from the zod
 * schema (src/schemas/context.ts), so editors validate the file while curators edit it.
 * Run: npx tsx scripts/lexicon-schema-context.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ContextLexiconSchema } from "../src/schemas/context.ts";

const target = fileURLToPath(new URL("../lexicon/schema/context.json", import.meta.url));
const schema = z.toJSONSchema(ContextLexiconSchema, { io: "input", unrepresentable: "any" });
mkdirSync(fileURLToPath(new URL("../lexicon/schema/", import.meta.url)), { recursive: true });
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
process.stderr.write(`wrote ${target}\n`);
