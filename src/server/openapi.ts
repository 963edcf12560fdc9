import { z } from "zod";
import {
  CodeLineSchema,
  DiagnosisSchema,
  ErrorBodySchema,
  ProcedureSchema,
  SpanSchema,
  SuggestRequestSchema,
  SuggestResultSchema,
  WarningSchema,
} from "../schemas/api.ts";

type Components = Record<string, unknown>;

/** JSON Schemas of the given zod schemas, cross-referenced as #/components/schemas/<name>. */
function componentSchemas(schemas: Record<string, z.ZodType>, io: "input" | "output"): Components {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io,
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Components = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
    out[id] = rest;
  }
  return out;
}

const json = (ref: string) => ({ schema: { $ref: `#/components/schemas/${ref}` } });
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": json("ErrorBody") },
});
const ERRORS = {
  "400": errorResponse("Bad JSON, not UTF-8, or a body of the wrong shape; the message names it."),
  "405": errorResponse("Wrong method for this path."),
  "408": errorResponse("The body was not received within the request timeout."),
  "413": errorResponse("The body is larger than the configured limit."),
  "500": errorResponse("The pipeline failed or returned an invalid result."),
  "503": errorResponse("Too many requests in flight; retry after the Retry-After delay."),
};

function paths() {
  const batchLine = { oneOf: [json("SuggestResult").schema, json("ErrorBody").schema] };
  return {
    "/v1/suggest": {
      post: {
        operationId: "suggest",
        summary: "Suggest CPT codes for one note",
        requestBody: { required: true, content: { "application/json": json("SuggestRequest") } },
        responses: {
          "200": {
            description: "The codes.",
            content: { "application/json": json("SuggestResult") },
          },
          ...ERRORS,
        },
      },
    },
    "/v1/batch": {
      post: {
        operationId: "batch",
        summary: "Suggest codes for many notes; one JSONL result line per record, in input order",
        description:
          "The body is JSONL (one SuggestRequest a line) or a JSON array of SuggestRequest. " +
          "A record that cannot be processed gets an ErrorBody line in its place.",
        requestBody: {
          required: true,
          content: {
            "application/x-ndjson": json("SuggestRequest"),
            "application/json": { schema: { type: "array", items: json("SuggestRequest").schema } },
          },
        },
        responses: {
          "200": {
            description: "Streamed JSONL: each line a SuggestResult or an ErrorBody.",
            content: { "application/x-ndjson": { schema: batchLine } },
          },
          ...ERRORS,
        },
      },
    },
    "/healthz": {
      get: {
        operationId: "health",
        summary: "Liveness and the code set in use",
        responses: { "200": { description: "Serving.", content: { "application/json": {} } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document served at /openapi.json, generated from the zod schemas. */
export function buildOpenApi(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "dermcode",
      version: "1",
      description:
        "Suggests CPT codes, units and modifiers, with evidence, from dermatology notes.",
    },
    paths: paths(),
    components: {
      schemas: {
        ...componentSchemas({ SuggestRequest: SuggestRequestSchema }, "input"),
        ...componentSchemas(
          {
            SuggestResult: SuggestResultSchema,
            CodeLine: CodeLineSchema,
            Procedure: ProcedureSchema,
            Diagnosis: DiagnosisSchema,
            Warning: WarningSchema,
            Span: SpanSchema,
            ErrorBody: ErrorBodySchema,
          },
          "output",
        ),
      },
    },
  };
}
