import { z } from "zod";
import { LexiconHeader } from "./common.ts";

export const MetaLexiconSchema = z.object({
  ...LexiconHeader,
  codeSet: z.string().regex(/^\d{4}$/),
  codeSets: z.array(z.string().regex(/^\d{4}$/)).min(1),
});
export type MetaLexicon = z.infer<typeof MetaLexiconSchema>;
