import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Assistant } from "../../src/domain/assistant.js";
import { createSlackDoor } from "../../src/channels/slack/index.js";
import { loadConfig } from "../../src/platform/config.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeSlack } from "../channels/slack/support/fakeSlack.js";
import { form, json, postSigned } from "../channels/slack/support/signing.js";
import { listen, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import { HIDDEN_QUESTION, HIDDEN_SECTION, HIDDEN_SOURCE, HIDDEN_TITLE, HIDDEN_WORD, setsAssistant, setsKnowledge } from "./setsKnowledge.js";

const SECRET = "sets-signing-secret";

/** The Slack door over the real assistant, Slack's Web API faked on 127.0.0.1 (with user group members). */
describe("document sets in Slack: the HR channel and HR's user group see hr-only, other channels and users do not", () => {
  const knowledgeDir = setsKnowledge();
  const slack = new FakeSlack();
  let assistant: Assistant;
  let server: Listening;
  let events = 0;

  const post = (body: ReturnType<typeof json>) => postSigned(`${server.url}/slack/events`, SECRET, body);
  const envelope = (event: Record<string, unknown>) => ({
    token: "legacy-token",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `EvSets${++events}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ enterprise_id: null, team_id: "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
  });
  /** Posts a message event and returns the text of the answer the door posted in reply. */
  const answerTo = async (event: Record<string, unknown>): Promise<string> => {
    const before = slack.called("chat.postMessage").length;
    expect((await post(json(envelope({ team: "T1", ts: `${500 + events}.1`, ...event })))).status).toBe(200);
    await vi.waitFor(() => expect(slack.called("chat.postMessage").length).toBeGreaterThan(before), { timeout: 10_000 });
    // The question itself comes back in the feedback buttons: what counts is everything else.
    return JSON.stringify(
      slack
        .called("chat.postMessage")
        .slice(before)
        .map((call) => call.body),
    ).replaceAll(HIDDEN_QUESTION, "");
  };
  const mention = (channel: string, user: string) =>
    answerTo({ type: "app_mention", channel, channel_type: "channel", user, text: `<@UBOT> ${HIDDEN_QUESTION}` });
  const dm = (channel: string, user: string) => answerTo({ type: "message", channel, channel_type: "im", user, text: HIDDEN_QUESTION });

  beforeAll(async () => {
    ({ assistant } = await setsAssistant(knowledgeDir));
    await slack.start();
    slack.usergroups.set("S0HR", ["UHR"]);
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, KNOWLEDGE_DIR: knowledgeDir });
    const door = createSlackDoor(
      { assistant, config, logger: silentLogger, feedback: new MemoryFeedback() },
      { clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } } },
    );
    const app = express();
    door!.mount(app);
    server = await listen(app);
  });
  afterAll(async () => {
    await server?.close();
    await slack.close();
  });

  it("answers a mention in the HR channel from the set, and the same mention elsewhere without it (whoever asks)", async () => {
    expect(await mention("C0HR", "UOUT")).toMatch(HIDDEN_WORD);
    const general = await mention("CGEN", "UHR");
    expect(general).not.toMatch(HIDDEN_WORD);
    expect(general).not.toContain(HIDDEN_SOURCE);
  });

  it("answers a DM as the user: a member of the HR user group sees the set, anyone else does not, and membership is looked up once", async () => {
    expect(await dm("DHR1", "UHR")).toMatch(HIDDEN_WORD);
    const outsider = await dm("DOUT1", "UOUT");
    expect(outsider).not.toMatch(HIDDEN_WORD);
    expect(await dm("DHR1", "UHR")).toMatch(HIDDEN_WORD);
    expect(slack.called("usergroups.users.list").filter((call) => call.body.usergroup === "S0HR")).toHaveLength(1);
  });

  it("suggests prompts in the assistant pane from the sets its user may use", async () => {
    const prompts = async (user: string, channel: string) => {
      const before = slack.called("assistant.threads.setSuggestedPrompts").length;
      const thread = {
        user_id: user,
        context: { channel_id: "CGEN", team_id: "T1", enterprise_id: null },
        channel_id: channel,
        thread_ts: `${700 + events}.1`,
      };
      await post(json(envelope({ type: "assistant_thread_started", assistant_thread: thread, event_ts: `${700 + events}.2` })));
      await vi.waitFor(() => expect(slack.called("assistant.threads.setSuggestedPrompts").length).toBeGreaterThan(before));
      return JSON.stringify(slack.called("assistant.threads.setSuggestedPrompts").at(-1)!.body.prompts);
    };
    expect(await prompts("UHR", "DHR1")).toContain(HIDDEN_TITLE.slice(0, 30));
    expect(await prompts("UOUT", "DOUT1")).not.toMatch(HIDDEN_WORD);
  });

  it("answers a slash command (ephemeral, seen by the asker alone) by the asker's own groups", async () => {
    const ask = async (user: string, id: string) => {
      const response = await post(
        form({ team_id: "T1", channel_id: "CGEN", user_id: user, command: "/functiewijzer", text: HIDDEN_QUESTION, response_url: slack.responseUrl(id) }),
      );
      expect(response.status).toBe(200);
      await vi.waitFor(() => expect(slack.called(`response_url/respond/${id}`).length).toBeGreaterThan(0), { timeout: 10_000 });
      return JSON.stringify(slack.called(`response_url/respond/${id}`).map((call) => call.body)).replaceAll(HIDDEN_QUESTION, "");
    };
    expect(await ask("UHR", "cmd-hr")).toMatch(HIDDEN_WORD);
    expect(await ask("UOUT", "cmd-out")).not.toMatch(HIDDEN_WORD);
  });

  it("opens a source dialog only where the set may be read: a crafted button elsewhere shows no section text", async () => {
    let clicks = 0;
    const click = async (channel: string) => {
      clicks++;
      const before = slack.called("views.open").length;
      const payload = {
        type: "block_actions",
        team: { id: "T1", domain: "test" },
        user: { id: "UOUT", username: "out", team_id: "T1" },
        api_app_id: "A1",
        token: "t",
        trigger_id: `1.2.${clicks}`,
        channel: { id: channel, name: "x" },
        container: { type: "message", message_ts: "600.2", channel_id: channel, is_ephemeral: false, thread_ts: "600.1" },
        message: { type: "message", ts: "600.2", thread_ts: "600.1", bot_id: "BBOT", text: "…" },
        actions: [
          {
            type: "button",
            block_id: "b",
            action_ts: `600.${clicks}`,
            action_id: "fw_source_0",
            value: JSON.stringify({ source: HIDDEN_SOURCE, section: HIDDEN_SECTION }),
          },
        ],
      };
      expect((await post(form({ payload: JSON.stringify(payload) }))).status).toBe(200);
      await vi.waitFor(() => expect(slack.called("views.open").length).toBeGreaterThan(before));
      return JSON.stringify(slack.called("views.open").at(-1)!.body);
    };
    expect(await click("C0HR")).toMatch(/organogram/);
    expect(await click("CGEN")).not.toMatch(/organogram/);
  });
});
