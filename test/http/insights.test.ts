import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerId } from "../../src/answer/answerId.js";
import type { Assistant } from "../../src/domain/assistant.js";
import { loadConfig, type Config } from "../../src/platform/config.js";
import { JsonlFeedbackLog } from "../../src/feedback/feedbackLog.js";
import { createHttpApp } from "../../src/http/app.js";
import { insightsFromConfig } from "../../src/insights/index.js";
import { recordingAssistant } from "../../src/insights/recordingAssistant.js";
import { silentLogger, type Logger } from "../../src/platform/logger.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { buildAssistant, copyKnowledge, tempDir } from "../support/knowledge.js";

const TOKEN = "insights-admin-token-0123456789";
const REFUSED = [
  "Wat verdient een servicedesk medewerker in euro per maand?",
  "Wat verdient een servicedesk medewerker per maand in euro's?",
  "How many holiday days do I get?",
];

/** The server as `npm start` wires it: one recording Assistant behind every door. */
async function serve(
  base: Assistant,
  env: Record<string, string>,
  logger: Logger = silentLogger,
): Promise<{ server: Listening; config: Config; assistant: Assistant }> {
  const config = loadConfig({ ADMIN_TOKEN: TOKEN, DATA_DIR: tempDir("fw-data-"), ...env });
  const insights = insightsFromConfig(config);
  const assistant = recordingAssistant(base, { logger, answers: insights.answers, unanswered: insights.unanswered });
  const server = await listen(
    createHttpApp({ config, logger, assistant: () => assistant, feedback: new JsonlFeedbackLog(`${config.DATA_DIR}/feedback.jsonl`), insights }),
  );
  return { server, config, assistant };
}

async function signIn(url: string): Promise<string> {
  const response = await postJson(`${url}/admin/session`, { token: TOKEN });
  expect(response.status).toBe(204);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

async function overview(url: string, cookie: string): Promise<any> {
  const response = await fetch(`${url}/admin/api/overview`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.json();
}

/** Waits for the recorder's background writes (they never delay the answer). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("insights page (/admin) over a real index", () => {
  let base: Assistant;
  let on: Awaited<ReturnType<typeof serve>>;
  let off: Awaited<ReturnType<typeof serve>>;
  let knowledgeDir: string;

  beforeAll(async () => {
    knowledgeDir = copyKnowledge();
    writeFileSync(join(knowledgeDir, "kapot.pdf"), "dit is geen pdf");
    base = (await buildAssistant(knowledgeDir)).assistant;
    on = await serve(base, { RECORD_UNANSWERED: "true", UNANSWERED_RETENTION_DAYS: "14", KNOWLEDGE_DIR: knowledgeDir });
    off = await serve(base, { KNOWLEDGE_DIR: knowledgeDir });
  }, 60_000);
  afterAll(async () => {
    await on?.server.close();
    await off?.server.close();
  });

  it("is off (404) without ADMIN_TOKEN", async () => {
    const server = await listen(
      createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => base, feedback: new JsonlFeedbackLog(join(tempDir(), "f.jsonl")) }),
    );
    try {
      for (const path of ["/admin", "/admin/api/overview", "/admin/assets/admin.js"]) expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
      expect((await postJson(`${server.url}/admin/session`, { token: "x" })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("refuses without the token: no data for a wrong token, a token in the URL, a bare token or a forged cookie", async () => {
    const url = on.server.url;
    expect((await fetch(`${url}/admin/api/overview`)).status).toBe(401);
    expect((await fetch(`${url}/admin/api/overview?token=${TOKEN}`)).status).toBe(401);
    expect((await fetch(`${url}/admin/api/overview`, { headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await fetch(`${url}/admin/api/overview`, { headers: { cookie: `fw_admin=${Date.now() + 1e7}.abc.forged` } })).status).toBe(401);
    expect((await postJson(`${url}/admin/session`, { token: "wrong-token" })).status).toBe(401);
    expect((await postJson(`${url}/admin/api/reindex`, {})).status).toBe(401);
    // The page itself carries no data; it asks to sign in.
    const page = await fetch(`${url}/admin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('type="password"');
  });

  it("signs in with the token in the body: an HttpOnly, SameSite=Strict session cookie for /admin; or a Bearer header", async () => {
    const response = await postJson(`${on.server.url}/admin/session`, { token: TOKEN });
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^fw_admin=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/admin");
    expect(cookie).not.toContain(TOKEN);
    expect((await fetch(`${on.server.url}/admin/api/overview`, { headers: { cookie: cookie.split(";")[0]! } })).status).toBe(200);
    expect((await fetch(`${on.server.url}/admin/api/overview`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    // A session signed for another token is worthless.
    const [value] = cookie.split(";")[0]!.slice("fw_admin=".length).split(".");
    expect((await fetch(`${on.server.url}/admin/api/overview`, { headers: { cookie: `fw_admin=${value}.x.${"A".repeat(43)}` } })).status).toBe(401);
  });

  it("shows the indexed documents with title, system, levels and competencies, and the skipped file with its reason", async () => {
    const data = await overview(on.server.url, await signIn(on.server.url));
    const inventory = base.inventory();
    expect(data.inventory.documents).toHaveLength(inventory.documents.length);
    const sla = data.inventory.documents.find((doc: any) => doc.source === "ufo-service-level-manager-ict.txt");
    expect(sla).toMatchObject({ system: expect.stringMatching(/ufo/i), title: expect.stringMatching(/service level manager/i) });
    expect(sla.levels.length).toBeGreaterThan(0);
    expect(sla.competencies).toBeGreaterThan(0);
    expect(data.inventory.skipped).toEqual([{ file: "kapot.pdf", reason: expect.any(String) }]);
    expect(data.inventory.skipped[0].reason.length).toBeGreaterThan(3);
    expect(data.status.builtAt).toBeTruthy();
  });

  it("counts a 👎 from the web chat and one recorded by the Teams door, per intent", async () => {
    const url = on.server.url;
    const question = "Welke schaal past bij een servicedesk medewerker?";
    const web = await postJson(`${url}/api/ask`, { question });
    expect((await postJson(`${url}/api/feedback`, { answerId: web.headers.get("x-answer-id"), question, vote: "down" })).status).toBe(204);
    // The Teams door asks the same Assistant and writes to the same feedback log.
    const teamsAnswer = await on.assistant.ask("Welke schaal heeft de medewerker ICT bij het Rijk?", { channel: "teams", conversation: "teams-1" });
    await new JsonlFeedbackLog(`${on.config.DATA_DIR}/feedback.jsonl`).record({
      channel: "teams",
      conversation: "teams-1",
      question: teamsAnswer.question,
      answerId: answerId(teamsAnswer),
      vote: "down",
      user: "aad-1",
    });
    await new JsonlFeedbackLog(`${on.config.DATA_DIR}/feedback.jsonl`).record({
      channel: "slack",
      conversation: "C1",
      question: "oud antwoord",
      answerId: "00000000deadbeef",
      vote: "up",
    });
    await settle();

    const { feedback } = await overview(url, await signIn(url));
    expect(feedback.total).toEqual({ up: 1, down: 2 });
    const scale = feedback.byIntent.find((row: any) => row.intent === web.body.intent);
    expect(web.body.intent).toBe(teamsAnswer.intent);
    expect(scale).toEqual({ intent: web.body.intent, up: 0, down: 2 });
    expect(feedback.byIntent.find((row: any) => row.intent === null)).toEqual({ intent: null, up: 1, down: 0 });
    expect(feedback.recentDown.map((vote: any) => vote.channel).sort()).toEqual(["teams", "web"]);
    expect(feedback.recentDown.map((vote: any) => vote.question)).toContain(question);
    const today = new Date().toISOString().slice(0, 10);
    expect(feedback.days.at(-1)).toBe(today);
    expect(feedback.daily.filter((row: any) => row.day === today).reduce((sum: number, row: any) => sum + row.down, 0)).toBe(2);
  });

  it("lists refused questions, grouped by similarity, only when RECORD_UNANSWERED is on", async () => {
    for (const server of [on, off]) {
      for (const question of REFUSED) {
        const answer = await postJson(`${server.server.url}/api/ask`, { question });
        expect(answer.body.answered, question).toBe(false);
      }
    }
    await settle();
    const recorded = await overview(on.server.url, await signIn(on.server.url));
    expect(recorded.unanswered).toMatchObject({ recording: true, retentionDays: 14, total: 3 });
    expect(recorded.unanswered.groups).toHaveLength(2);
    expect(recorded.unanswered.groups[0]).toMatchObject({ count: 2, question: REFUSED[1], examples: [REFUSED[0]] });
    expect(recorded.unanswered.groups[1]).toMatchObject({ count: 1, question: REFUSED[2] });

    const notRecorded = await overview(off.server.url, await signIn(off.server.url));
    expect(notRecorded.unanswered).toMatchObject({ recording: false, total: 0, groups: [] });
    expect(existsSync(join(off.config.DATA_DIR, "unanswered.jsonl"))).toBe(false);
    // Answer metadata is kept either way, and holds no question text.
    expect(existsSync(join(off.config.DATA_DIR, "answers.jsonl"))).toBe(true);
  });

  it("runs a reindex from the page with progress, one at a time", async () => {
    const cookie = await signIn(on.server.url);
    const post = () => fetch(`${on.server.url}/admin/api/reindex`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" });
    const started = await post();
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ running: true, startedAt: expect.any(String) });
    expect((await post()).status).toBe(409);
    let state: any;
    await expect
      .poll(async () => (state = await (await fetch(`${on.server.url}/admin/api/reindex`, { headers: { cookie } })).json()).running, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(false);
    expect(state.summary.documents).toBe(base.inventory().documents.length);
    expect(state.summary.skipped.map((s: any) => s.file)).toEqual(["kapot.pdf"]);
    expect((await overview(on.server.url, cookie)).reindex.previousSeconds).toBe(state.summary.seconds);
  });

  it("never writes question text to the log, even when recording fails", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
    const blocked = tempDir("fw-blocked-");
    writeFileSync(join(blocked, "data"), "a file where a folder should be");
    const { server } = await serve(base, { RECORD_UNANSWERED: "true", DATA_DIR: join(blocked, "data") }, logger);
    try {
      const question = "Hoeveel verdient mijn collega Jan Jansen per maand?";
      const response = await postJson(`${server.url}/api/ask`, { question });
      expect(response.status).toBe(200);
      await settle();
      expect(lines.some((line) => line.includes("insights record not written"))).toBe(true);
      expect(lines.join("\n")).not.toContain("Jan Jansen");
    } finally {
      await server.close();
    }
  });
});
