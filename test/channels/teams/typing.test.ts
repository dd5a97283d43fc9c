import { describe, expect, it } from "vitest";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { listen, postJson } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { activity, fakeConnector } from "./fakeConnector.js";

describe("Teams typing indicator", () => {
  it("keeps showing it every 4 s while a slow answer is written in a group chat, and stops at the answer", async () => {
    const assistant = new FakeAssistant();
    const slow = assistant.ask.bind(assistant);
    assistant.ask = async (question, options) => (await new Promise((r) => setTimeout(r, 10_000)), slow(question, options));
    const config = loadConfig({});
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback: new MemoryFeedback() });
    const server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }));
    const connector = await fakeConnector();
    try {
      const group = { id: "group-typing", conversationType: "groupChat" };
      await postJson(
        `${server.url}/api/messages`,
        activity(connector.url, { conversation: group, text: "<at>F</at> Welke schaal?", entities: [{ type: "mention", mentioned: { id: "bot-1" } }] }),
      );
      await new Promise((r) => setTimeout(r, 4_500));
      expect(connector.posted.map((p) => p.body.type)).toEqual(["typing", "typing", "typing", "message"]);
    } finally {
      await server.close();
      await connector.close();
    }
  }, 30_000);
});
