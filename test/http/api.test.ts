import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema } from "../../src/domain/answer.js";
import type { Assistant } from "../../src/domain/assistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { JsonlFeedbackLog } from "../../src/feedback/feedbackLog.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeAssistant } from "../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { buildAssistant, tempDir } from "../support/knowledge.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

describe("HTTP API over the seed knowledge", () => {
  let server: Listening;
  const feedbackFile = join(tempDir("fw-feedback-"), "feedback.jsonl");

  beforeAll(async () => {
    const { assistant } = await buildAssistant();
    const config = loadConfig({ ADMIN_TOKEN: "s3cret-admin-token-0123456789" });
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new JsonlFeedbackLog(feedbackFile) }));
  });
  afterAll(() => server.close());

  it("answers a question with a valid, cited Answer and an answer id", async () => {
    const { status, body, headers } = await postJson(`${server.url}/api/ask`, { question: "Welke schaal past bij een servicedesk medewerker?" });
    expect(status).toBe(200);
    const answer = AnswerSchema.parse(body);
    expect(answer.intent).toBe("scale");
    expect(answer.answered).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(headers.get("x-answer-id")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("offers example questions made from the loaded documents, each of which the documents answer", async () => {
    const response = await fetch(`${server.url}/api/examples`);
    const examples = (await response.json()) as { nl: string[]; en: string[] };
    expect(examples.nl.length).toBeGreaterThanOrEqual(3);
    expect(examples.en.length).toBe(examples.nl.length);
    for (const question of examples.nl) {
      const { body } = await postJson(`${server.url}/api/ask`, { question });
      expect(AnswerSchema.parse(body).answered, question).toBe(true);
    }
  });

  it("resolves a follow-up within one conversation, and not across conversations", async () => {
    await postJson(`${server.url}/api/ask`, { question: "Geef toetsvragen voor onderhandelen", conversation: "web-1" });
    const followUp = await postJson(`${server.url}/api/ask`, { question: "en voor klantgerichtheid?", conversation: "web-1" });
    expect(followUp.body.intent).toBe("interview");
    expect(followUp.body.answer.toLowerCase()).toContain("klantgericht");
    const fresh = await postJson(`${server.url}/api/ask`, { question: "en voor klantgerichtheid?", conversation: "web-2" });
    expect(fresh.body.intent).not.toBe("interview");
  });

  it("streams Server-Sent Events ending in the full answer", async () => {
    const response = await fetch(`${server.url}/api/ask/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "Give interview questions for negotiating" }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.text();
    const last = /event: answer\ndata: (.*)\n\n$/.exec(text);
    expect(last).not.toBeNull();
    const answer = JSON.parse(last![1]!);
    expect(AnswerSchema.safeParse(answer).success).toBe(true);
    expect(answer.answerId).toMatch(/^[0-9a-f]{16}$/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it("records feedback as a JSON line and validates the vote", async () => {
    const ok = await postJson(`${server.url}/api/feedback`, { answerId: "0123456789abcdef", question: "q", vote: "up", conversation: "web-1" });
    expect(ok.status).toBe(204);
    const lines = (await readFile(feedbackFile, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ channel: "web", answerId: "0123456789abcdef", vote: "up", conversation: "web-1" });
    const bad = await postJson(`${server.url}/api/feedback`, { answerId: "0123456789abcdef", question: "q", vote: "meh" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("vote");
  });

  it("rejects malformed JSON, a missing question, a wrong type and an oversized body with a clear 4xx", async () => {
    const malformed = await postJson(`${server.url}/api/ask`, "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/malformed json/i);
    const missing = await postJson(`${server.url}/api/ask`, { conversation: "x" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/question/);
    const wrongType = await postJson(`${server.url}/api/ask`, { question: 42 });
    expect(wrongType.status).toBe(400);
    const empty = await postJson(`${server.url}/api/ask`, { question: "   " });
    expect(empty.body.error).toMatch(/empty/);
    const oversized = await postJson(`${server.url}/api/ask`, { question: "a".repeat(40_000) });
    expect(oversized.status).toBe(413);
    expect(oversized.body.error).toMatch(/too large/i);
    const notJson = await fetch(`${server.url}/api/ask`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" });
    expect(notJson.status).toBe(400);
  });

  it("politely refuses a question above the character limit that still fits the body limit", async () => {
    const { status, body } = await postJson(`${server.url}/api/ask`, { question: "schaal ".repeat(1000) });
    expect(status).toBe(200);
    expect(body.answered).toBe(false);
    expect(body.answer).toMatch(/te lang|too long/);
  });

  it("protects reindexing with the admin token", async () => {
    expect((await postJson(`${server.url}/api/reindex`, {})).status).toBe(401);
    expect((await postJson(`${server.url}/api/reindex`, {}, { authorization: "Bearer wrong" })).status).toBe(401);
    const ok = await postJson(`${server.url}/api/reindex`, {}, { authorization: "Bearer s3cret-admin-token-0123456789" });
    expect(ok.status).toBe(200);
    expect(ok.body.documents).toBe(5);
    expect(ok.body.embedded).toBe(0);
  });

  it("serves the chat page, its libraries and security headers; unknown API paths are JSON 404s", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Functiewijzer");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    for (const path of ["/app.js", "/style.css", "/vendor/marked.js", "/vendor/purify.js"]) {
      const asset = await fetch(`${server.url}${path}`);
      expect(asset.status, path).toBe(200);
    }
    const unknown = await fetch(`${server.url}/api/nope`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBeTruthy();
  });
});

describe("HTTP server lifecycle and limits", () => {
  it("is live at once, and ready only after the index loads", async () => {
    let assistant: Assistant | undefined;
    const server = await listen(createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect((await postJson(`${server.url}/api/ask`, { question: "schaal?" })).status).toBe(503);
      assistant = new FakeAssistant();
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ready: true, documents: 1, chunks: 3 });
    } finally {
      await server.close();
    }
  });

  it("answers 429 once a client exceeds the rate limit", async () => {
    const assistant = new FakeAssistant();
    const server = await listen(
      createHttpApp({ config: loadConfig({ RATE_LIMIT_PER_MINUTE: "3" }), logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }),
    );
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await postJson(`${server.url}/api/ask`, { question: `vraag ${i}` })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(assistant.calls).toHaveLength(3);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("keeps reindexing off when no admin token is configured", async () => {
    const server = await listen(
      createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => new FakeAssistant(), feedback: new MemoryFeedback() }),
    );
    try {
      expect((await postJson(`${server.url}/api/reindex`, {}, { authorization: "Bearer anything" })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
