/** Writes lexicon/schema/icd10.json (JSON Schema for editors) from the zod schema. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Icd10LexiconSchema } from "../src/schemas/icd10.ts";

const target = fileURLToPath(new URL("../lexicon/schema/icd10.json", import.meta.url));
const schema = z.toJSONSchema(Icd10LexiconSchema, { io: "input" });
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
process.stderr.write(`wrote ${target}\n`);
