import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskOptions, Assistant } from "../../src/domain/assistant.js";
import { doorKit } from "../../src/channels/shared/doorKit.js";
import { slackUserTurn } from "../../src/channels/slack/userTurn.js";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { buildAssistant } from "../support/knowledge.js";

const SLACK_THREAD = "C0SLACK01:1700000000.000100";
const PRIVATE_QUESTION = "Welke schaal heeft de medewerker ICT techniek informatiebeheer bij het Rijk?";

describe("conversation ids are the server's and each door's own (issue 26, finding 6)", () => {
  let base: Assistant;
  let server: Listening;

  beforeAll(async () => {
    base = (await buildAssistant()).assistant;
    server = await listen(createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => base, feedback: new MemoryFeedback() }));
  }, 60_000);
  afterAll(() => server?.close());

  it("a web client naming a Slack thread gets a new conversation, not the Slack user's passages", async () => {
    const slack = doorKit("slack", base);
    const inSlack = await slack.ask(PRIVATE_QUESTION, { conversation: SLACK_THREAD, channel: "slack" });
    expect(inSlack.citations.length).toBeGreaterThan(0);
    // In Slack itself, "waarom?" explains the earlier answer from its passages.
    const slackWhy = await slack.ask("waarom?", { conversation: SLACK_THREAD, channel: "slack" });
    expect(slackWhy.citations.length).toBeGreaterThan(0);

    // The red team's request.
    const web = await postJson(`${server.url}/api/ask`, { question: "waarom?", conversation: SLACK_THREAD });
    expect(web.status).toBe(200);
    const issued = web.headers.get("x-conversation-id")!;
    expect(issued).not.toContain(SLACK_THREAD);
    expect(issued).toMatch(/^[\w-]{22}\.[0-9a-f]{16}$/);
    expect(web.body.citations).toEqual([]);
    // Nor can the web write into that thread: Slack's next "waarom?" still explains its own answer.
    const after = await slack.ask("waarom?", { conversation: SLACK_THREAD, channel: "slack" });
    expect(after.citations.map((c) => c.source)).toEqual(slackWhy.citations.map((c) => c.source));
  });

  it("the id the server issued carries a web conversation on, and a made-up one does not", async () => {
    const first = await postJson(`${server.url}/api/ask`, { question: PRIVATE_QUESTION });
    const issued = first.headers.get("x-conversation-id")!;
    const why = await postJson(`${server.url}/api/ask`, { question: "waarom?", conversation: issued });
    expect(why.headers.get("x-conversation-id")).toBe(issued);
    expect(why.body.citations.length).toBeGreaterThan(0);
    const forged = await postJson(`${server.url}/api/ask`, { question: "waarom?", conversation: `${issued.split(".")[0]}.0000000000000000` });
    expect(forged.headers.get("x-conversation-id")).not.toBe(issued);
    expect(forged.body.citations).toEqual([]);
  });
});

describe("per-user question limits in the Slack door (issue 26, finding 7)", () => {
  it("one user's 30 mentions use up only that user's minute; the next user is answered", async () => {
    const calls: string[] = [];
    const counting: Assistant = {
      ask: async (question: string, options?: AskOptions) => {
        calls.push(options?.conversation ?? "");
        return { question, answer: "ok", language: "nl", intent: "help", answered: true, mode: "offline", citations: [], followUps: [], latencyMs: 0 };
      },
    } as unknown as Assistant;
    const slack = doorKit("slack", counting, { questionsPerMinute: 20, tooMany: "te veel" });
    const mention = (user: string, i: number) =>
      new Promise<string>((resolve) => {
        const body = { team_id: "T1", event: { type: "app_mention", user, text: `vraag ${i}`, ts: `${i}` } };
        const args = { body, next: async () => resolve((await slack.ask(`vraag ${i}`, { conversation: `C1:${i}`, channel: "slack" })).answer) };
        void slackUserTurn()(args as unknown as Parameters<ReturnType<typeof slackUserTurn>>[0]);
      });
    const first: string[] = [];
    for (let i = 0; i < 30; i++) first.push(await mention("U1", i));
    expect(first.filter((a) => a === "ok")).toHaveLength(20);
    expect(first.slice(20)).toEqual(Array(10).fill("te veel"));
    expect(await mention("U2", 99)).toBe("ok");
    expect(calls).toHaveLength(21);
    expect(calls[0]).toBe("slack:C1:0");
  });
});
