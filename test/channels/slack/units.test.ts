import { describe, expect, it } from "vitest";
import { ignoreReason } from "../../../src/channels/slack/ignore.js";
import { createSlackDoor, slackMode } from "../../../src/channels/slack/index.js";
import { stripMention } from "../../../src/channels/slack/mentions.js";
import { suggestedPrompts } from "../../../src/channels/slack/texts.js";
import { loadConfig } from "../../../src/platform/config.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";

const deps = (env: Record<string, string>) => ({
  assistant: new FakeAssistant(),
  config: loadConfig(env),
  logger: silentLogger,
  feedback: new MemoryFeedback(),
});

describe("Slack door pieces", () => {
  it("strips only the bot's own mention", () => {
    expect(stripMention("<@UBOT> Welke schaal?", "UBOT")).toBe("Welke schaal?");
    expect(stripMention("Hoi <@UBOT|functiewijzer>, wat doet <@U2>?", "UBOT")).toBe("Hoi , wat doet <@U2>?");
    expect(stripMention("<@UBOT> vraag", undefined)).toBe("vraag");
    expect(stripMention("<@UBOT>", "UBOT")).toBe("");
  });

  it("tells questions from bots, edits and noise", () => {
    expect(ignoreReason({ type: "message", channel_type: "im", user: "U1", text: "x" })).toBeUndefined();
    expect(ignoreReason({ type: "app_mention", user: "U1", text: "x" })).toBeUndefined();
    expect(ignoreReason({ type: "message", channel_type: "im", user: "U1", bot_id: "B1" })).toBe("bot message");
    expect(ignoreReason({ type: "message", channel_type: "im", user: "UBOT" }, "UBOT")).toBe("own message");
    expect(ignoreReason({ type: "message", channel_type: "im", subtype: "message_changed" })).toBe("message subtype message_changed");
    expect(ignoreReason({ type: "message", channel_type: "channel", user: "U1" })).toBe("message outside a DM");
    expect(ignoreReason({ type: "assistant_thread_started" })).toBeUndefined();
  });

  it("offers suggested prompts made from the loaded documents, Dutch and English, and generic ones without documents", () => {
    const fromDocuments = {
      examples: (l: "nl" | "en") =>
        l === "en" ? ["Which scale fits X?", "Tips for Y", "What changes from A to B?"] : ["Welke schaal past bij X?", "Geef toetsvragen voor Y"],
    };
    expect(suggestedPrompts(fromDocuments).map((p) => p.message)).toEqual(["Welke schaal past bij X?", "Geef toetsvragen voor Y", "What changes from A to B?"]);
    const none = suggestedPrompts({ examples: () => [] });
    expect(none).toHaveLength(3);
    expect(none.map((p) => p.message).join(" ")).toMatch(/Welke functies.*What can you do/);
  });

  it("picks no door, HTTP or Socket Mode from the configuration", () => {
    expect(slackMode(loadConfig({}))).toBeNull();
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }))).toBeNull();
    expect(slackMode(loadConfig({ SLACK_SIGNING_SECRET: "s" }))).toBeNull();
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }))).toEqual({ kind: "http", botToken: "xoxb-1", signingSecret: "s" });
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: "s" }))).toEqual({
      kind: "socket",
      botToken: "xoxb-1",
      appToken: "xapp-1",
    });

    expect(createSlackDoor(deps({}))).toBeNull();
    expect(createSlackDoor(deps({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }))?.description).toContain("POST /slack/events");
    const socket = createSlackDoor(deps({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }));
    expect(socket?.description).toContain("Socket Mode");
    expect(typeof socket?.start).toBe("function");
    expect(typeof socket?.close).toBe("function");
  });

  it("closes a Socket Mode door that never started without touching the network", async () => {
    const socket = createSlackDoor(deps({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }));
    await expect(socket!.close!()).resolves.toBeUndefined();
  });
});
