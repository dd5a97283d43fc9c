import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/domain/assistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { JsonlFeedbackLog } from "../../src/feedback/feedbackLog.js";
import { createHttpApp } from "../../src/http/app.js";
import { insightsFromConfig } from "../../src/insights/index.js";
import { silentLogger } from "../../src/platform/logger.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { buildAssistant, tempDir } from "../support/knowledge.js";

const TOKEN = "Zq8v-overview-admin-token-7Hk2pW";

/** 5,000 refused questions, as varied as people ask them: few share enough words to group. */
function refusedQuestions(count: number): string {
  const topics = ["verlof", "thuiswerken", "pensioen", "reiskosten", "bonus", "ziekte", "vakantie", "opleiding", "parkeren", "laptop"];
  const now = Date.now();
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      at: new Date(now - i * 1000).toISOString(),
      question: `Hoe zit het met ${topics[i % topics.length]} ${i} en regeling ${Math.floor(i / 7)} voor afdeling ${i % 613}?`,
      channel: "web",
      intent: "unknown",
      language: "nl",
    }),
  ).join("\n");
}

describe("insights overview with 5,000 refused questions (issue 26, finding 5)", () => {
  let server: Listening;
  let assistant: Assistant;

  beforeAll(async () => {
    assistant = (await buildAssistant()).assistant;
    const dataDir = tempDir("fw-overview-");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "unanswered.jsonl"), `${refusedQuestions(5000)}\n`);
    const config = loadConfig({ ADMIN_TOKEN: TOKEN, DATA_DIR: dataDir, RECORD_UNANSWERED: "true" });
    server = await listen(
      createHttpApp({
        config,
        logger: silentLogger,
        assistant: () => assistant,
        feedback: new JsonlFeedbackLog(join(dataDir, "feedback.jsonl")),
        insights: insightsFromConfig(config),
      }),
    );
  }, 60_000);
  afterAll(() => server?.close());

  it("answers GET /admin/api/overview while /healthz keeps answering within 1 s", async () => {
    const cookie = (await postJson(`${server.url}/admin/session`, { token: TOKEN })).headers.get("set-cookie")!.split(";")[0]!;
    let done = false;
    const overview = fetch(`${server.url}/admin/api/overview`, { headers: { cookie } })
      .then((r) => r.json() as Promise<{ unanswered: { total: number; groups: { count: number }[] } }>)
      .finally(() => (done = true));
    let slowest = 0;
    let polls = 0;
    while (!done) {
      const started = performance.now();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
      polls++;
    }
    const body = await overview;
    expect(body.unanswered.total).toBe(5000);
    expect(body.unanswered.groups.length).toBeGreaterThan(0);
    expect(polls).toBeGreaterThan(1);
    expect(slowest).toBeLessThan(1000);
  });
});
