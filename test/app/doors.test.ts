import { describe, expect, it } from "vitest";
import { CHANNELS, createDoors, DOOR_REGISTRY, type DoorContext, type DoorRegistration } from "../../src/app/doors.js";
import { JsonlFeedbackLog } from "../../src/feedback/feedbackLog.js";
import { loadConfig } from "../../src/platform/config.js";
import { silentLogger } from "../../src/platform/logger.js";
import { LocalSeenEvents } from "../../src/state/seenEvents.js";
import { buildAssistant, tempDir } from "../support/knowledge.js";

async function context(env: Record<string, string>): Promise<DoorContext> {
  const { assistant } = await buildAssistant();
  const config = loadConfig({ HOST: "127.0.0.1", LOG_LEVEL: "silent", ...env });
  return { assistant, config, logger: silentLogger, feedback: new JsonlFeedbackLog(`${tempDir()}/feedback.jsonl`), seenEvents: new LocalSeenEvents() };
}

describe("door registry", () => {
  it("makes the doors of the configured platforms only, in registry order", async () => {
    const teamsOnly = await createDoors(await context({}));
    expect(teamsOnly.map((door) => door.description.split(/\s+/)[0])).toEqual(["Teams"]);
    const both = await createDoors(await context({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "s".repeat(32) }));
    expect(both.map((door) => door.description.split(/\s+/)[0])).toEqual(["Teams", "Slack"]);
    expect(both[1]!.description).toContain("/slack/events");
  });

  it("takes a new platform from one registry line, and derives the channel list from the registry", async () => {
    const mounted: string[] = [];
    const chat: DoorRegistration = {
      channel: "chat",
      create: async () => ({ description: "Chat       POST /chat/events", mount: () => void mounted.push("chat") }),
    };
    const doors = await createDoors(await context({}), [...DOOR_REGISTRY, chat]);
    expect(doors.map((door) => door.description.split(/\s+/)[0])).toEqual(["Teams", "Chat"]);
    for (const door of doors) door.mount({ use() {}, post() {}, get() {} } as never);
    expect(mounted).toEqual(["chat"]);
    expect(CHANNELS).toEqual(["web", "cli", ...DOOR_REGISTRY.map((door) => door.channel)]);
  });
});
