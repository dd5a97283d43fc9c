import express from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Answer } from "../../../../src/domain/answer.js";
import type { AskOptions } from "../../../../src/domain/assistant.js";
import { createSlackDoor } from "../../../../src/channels/slack/index.js";
import { loadConfig } from "../../../../src/platform/config.js";
import { silentLogger, type Logger } from "../../../../src/platform/logger.js";
import { FakeAssistant } from "../../../support/fakeAssistant.js";
import { MemoryFeedback } from "../../../support/memoryFeedback.js";
import { FakeSlack } from "./fakeSlack.js";
import { postSigned, type SignedPost } from "./signing.js";

export const SECRET = "test-signing-secret";

/**
 * The Slack door mounted on an express app like src/server.ts does (door first,
 * then a global JSON parser), with the Web API pointed at a FakeSlack.
 */
export class SlackHarness {
  readonly slack = new FakeSlack();
  readonly feedback = new MemoryFeedback();
  readonly assistant: FakeAssistant;
  private server?: Server;
  private url = "";
  private eventCount = 0;

  constructor(
    respond?: (question: string, options?: AskOptions) => Partial<Answer>,
    private readonly options: { logger?: Logger; env?: Record<string, string>; retries?: number } = {},
  ) {
    this.assistant = new FakeAssistant(respond);
  }

  async start(): Promise<this> {
    await this.slack.start();
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, ...this.options.env });
    const door = createSlackDoor(
      { assistant: this.assistant, config, logger: this.options.logger ?? silentLogger, feedback: this.feedback },
      { clientOptions: { slackApiUrl: this.slack.apiUrl, retryConfig: { retries: this.options.retries ?? 0 } } },
    );
    if (!door) throw new Error("expected an HTTP Slack door");
    const app = express();
    door.mount(app);
    app.use(express.json());
    this.server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/slack/events`;
    return this;
  }

  get eventsUrl(): string {
    return this.url;
  }

  post(post: SignedPost): Promise<Response> {
    return postSigned(this.url, SECRET, post);
  }

  /** An Events API envelope around `event`, as Slack sends it. */
  envelope(event: Record<string, unknown>): Record<string, unknown> {
    this.eventCount += 1;
    return {
      token: "legacy-token",
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: `Ev${this.eventCount}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
      authorizations: [{ enterprise_id: null, team_id: "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    await this.slack.close();
  }
}
