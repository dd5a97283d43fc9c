import { Router } from "express";
import { z } from "zod";
import { AnswerSchema } from "../domain/answer.js";
import { AskBody } from "./routes/ask.js";
import { FeedbackBody } from "./routes/feedback.js";
import { DocumentQuery, SectionQuery } from "./routes/sources.js";

type JsonSchema = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 schema (JSON Schema 2020-12), for what a client sends or what it receives. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** Query parameters from a zod object: one parameter per field. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const ErrorBody = z.object({ error: z.string() });
const json = (schema: z.ZodType, io: "input" | "output") => ({ "application/json": { schema: schemaOf(schema, io) } });
const error = (description: string) => ({ description, content: json(ErrorBody, "output") });

/**
 * The JSON API as an OpenAPI 3.1 document, generated from the same zod
 * schemas the routes validate with: what the document says a request may be
 * is what the server accepts.
 */
export function openApiDocument(version: string): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Functiewijzer API",
      version,
      description:
        "Answers HR questions from the organisation's job descriptions, with citations. Answers are verified before they are returned; the stream endpoint's `token` events are provisional drafts.",
    },
    paths: {
      "/api/ask": {
        post: {
          summary: "Answer one question",
          description: "Questions with the same `conversation` are one chat, so follow-ups resolve against earlier turns.",
          requestBody: { required: true, content: json(AskBody, "input") },
          responses: {
            "200": {
              description: "The answer (answered or not); its id for feedback is in the X-Answer-Id header.",
              headers: { "X-Answer-Id": { schema: { type: "string" } } },
              content: json(AnswerSchema, "output"),
            },
            "400": error("The body is not a question."),
            "429": error("Too many requests from this address."),
            "503": error("The index is still loading."),
          },
        },
      },
      "/api/ask/stream": {
        post: {
          summary: "Answer one question as Server-Sent Events",
          description:
            "Events: `token` ({delta, provisional: true}) while a generated answer is written (unverified: show only as a draft), then one `answer` event with the verified Answer and its id.",
          requestBody: { required: true, content: json(AskBody, "input") },
          responses: {
            "200": { description: "An event stream.", content: { "text/event-stream": { schema: { type: "string" } } } },
            "400": error("The body is not a question."),
            "503": error("The index is still loading."),
          },
        },
      },
      "/api/feedback": {
        post: {
          summary: "Record 👍/👎 on an answer",
          requestBody: { required: true, content: json(FeedbackBody, "input") },
          responses: { "204": { description: "Recorded." }, "400": error("Not a vote.") },
        },
      },
      "/api/examples": {
        get: {
          summary: "Example questions the loaded documents can answer",
          responses: {
            "200": { description: "Per language.", content: json(z.object({ nl: z.array(z.string()), en: z.array(z.string()) }), "output") },
          },
        },
      },
      "/api/section": {
        get: {
          summary: "The whole text of a cited section",
          parameters: queryParameters(SectionQuery),
          responses: { "200": { description: "The section." }, "400": error("Missing source or section."), "404": error("No such section.") },
        },
      },
      "/api/document": {
        get: {
          summary: "The cited document itself (read-only)",
          parameters: queryParameters(DocumentQuery),
          responses: { "200": { description: "The file." }, "404": error("No such document.") },
        },
      },
      "/api/reindex": {
        post: {
          summary: "Re-read the knowledge folder (only with ADMIN_TOKEN)",
          security: [{ adminToken: [] }],
          responses: { "200": { description: "What the reindex did." }, "401": error("Invalid admin token."), "404": error("Reindexing over HTTP is off.") },
        },
      },
      "/healthz": { get: { summary: "Liveness", responses: { "200": { description: "The process runs." } } } },
      "/readyz": {
        get: {
          summary: "Readiness: the index is loaded and every door with a connection of its own is connected",
          responses: { "200": { description: "Ready." }, "503": { description: "Not ready." } },
        },
      },
    },
    components: { securitySchemes: { adminToken: { type: "http", scheme: "bearer" } } },
  };
}

/** GET /openapi.json: the document above, built once. */
export function openApiRoutes(version: string): Router {
  const document = openApiDocument(version);
  const router = Router();
  router.get("/openapi.json", (_req, res) => void res.json(document));
  return router;
}
