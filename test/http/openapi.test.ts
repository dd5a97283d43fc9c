import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeAssistant } from "../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

type Operation = { requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe("OpenAPI document for the JSON API", () => {
  let server: Listening;
  let document: Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  beforeAll(async () => {
    const assistant = new FakeAssistant();
    const config = loadConfig({});
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });
  afterAll(() => server.close());

  const requestSchema = (path: string) => ajv.compile(document.paths[path]!.post!.requestBody!.content["application/json"]!.schema);
  const responseSchema = (path: string, status: string) => ajv.compile(document.paths[path]!.post!.responses[status]!.content!["application/json"]!.schema);

  it("is served as OpenAPI 3.1 and names every JSON endpoint", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/ask",
        "/api/ask/stream",
        "/api/feedback",
        "/api/examples",
        "/api/section",
        "/api/document",
        "/api/reindex",
        "/healthz",
        "/readyz",
      ]),
    );
  });

  it("describes POST /api/ask as the server takes it: bodies the schema accepts get 200 and a valid Answer, bodies it refuses get 400", async () => {
    const validRequest = requestSchema("/api/ask");
    const validAnswer = responseSchema("/api/ask", "200");
    const accepted = [{ question: "Welke schaal past bij een beleidsadviseur?" }, { question: "En voor schaal 7?", conversation: "c-1" }];
    for (const body of accepted) {
      expect(validRequest(body), JSON.stringify(validRequest.errors)).toBe(true);
      const response = await postJson(`${server.url}/api/ask`, body);
      expect(response.status).toBe(200);
      expect(validAnswer(response.body), JSON.stringify(validAnswer.errors)).toBe(true);
    }
    const refused = [{}, { question: "" }, { question: "   " }, { question: 42 }, { question: "x", conversation: "c".repeat(201) }, ["question"]];
    for (const body of refused) {
      expect(validRequest(body)).toBe(false);
      expect((await postJson(`${server.url}/api/ask`, body)).status).toBe(400);
    }
  });

  it("describes POST /api/feedback's body: a vote the schema accepts is recorded (204), one it refuses is a 400", async () => {
    const validRequest = requestSchema("/api/feedback");
    const vote = { answerId: "0123456789abcdef", question: "Welke schaal?", vote: "up" };
    expect(validRequest(vote)).toBe(true);
    expect((await postJson(`${server.url}/api/feedback`, vote)).status).toBe(204);
    const bad = { ...vote, vote: "maybe" };
    expect(validRequest(bad)).toBe(false);
    expect((await postJson(`${server.url}/api/feedback`, bad)).status).toBe(400);
  });
});
