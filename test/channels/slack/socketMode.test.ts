import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createSlackDoor } from "../../../src/channels/slack/index.js";
import { createHttpApp } from "../../../src/http/app.js";
import { listen } from "../../support/http.js";
import type { Door } from "../../../src/channels/door.js";
import { loadConfig } from "../../../src/platform/config.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { FakeSlack } from "./support/fakeSlack.js";

/** Waits until `check` holds, polling; Socket Mode is asynchronous end to end. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("Slack door in Socket Mode", () => {
  const slack = new FakeSlack();
  const assistant = new FakeAssistant();
  let sockets: WebSocketServer;
  let client: WebSocket | undefined;
  const received: Record<string, unknown>[] = [];
  let door: Door;

  beforeAll(async () => {
    await slack.start();
    // Slack's side of the socket: says hello, then receives the acks.
    sockets = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => sockets.once("listening", () => resolve()));
    sockets.on("connection", (socket) => {
      client = socket;
      socket.on("message", (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "fake" } }));
    });
    slack.webSocketUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test" });
    door = createSlackDoor(
      { assistant, config, logger: silentLogger, feedback: new MemoryFeedback() },
      { clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } } },
    )!;
  });
  afterAll(async () => {
    await door?.close?.();
    sockets?.close();
    await slack.close();
  });

  it("connects with the app token, acknowledges an envelope and answers a mention in its thread", async () => {
    expect(door.description).toMatch(/Socket Mode/);
    await door.start!();
    expect(slack.called("apps.connections.open")[0]?.authorization).toBe("Bearer xapp-test");
    await eventually(() => client !== undefined);
    client!.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "events_api",
        accepts_response_payload: false,
        payload: {
          type: "event_callback",
          team_id: "T1",
          api_app_id: "A1",
          event_id: "Ev1",
          event_time: Math.floor(Date.now() / 1000),
          event: {
            type: "app_mention",
            user: "U1",
            text: "<@UBOT> Welke schaal past bij een servicedesk medewerker?",
            ts: "100.1",
            channel: "C1",
            event_ts: "100.1",
          },
        },
      }),
    );
    await eventually(() => slack.called("chat.postMessage").length > 0);
    expect(received).toContainEqual(expect.objectContaining({ envelope_id: "env-1" }));
    expect(assistant.calls.at(-1)).toMatchObject({
      question: "Welke schaal past bij een servicedesk medewerker?",
      options: { channel: "slack", conversation: "C1:100.1" },
    });
    const post = slack.called("chat.postMessage").at(-1)!.body;
    expect(post).toMatchObject({ channel: "C1", thread_ts: "100.1" });
    expect(JSON.stringify(post.blocks)).toContain("Competenties › Onderhandelen");
  });
});

describe("Slack Socket Mode readiness and start-up", () => {
  it("/readyz is 503 until the socket is connected, 503 while it is dropped, 200 again once reconnected", async () => {
    const slack = await new FakeSlack().start();
    const sockets = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => sockets.once("listening", () => resolve()));
    let hello = false;
    let current: WebSocket | undefined;
    sockets.on("connection", (socket) => {
      current = socket;
      // Slack's hello is held back until the test allows it: connected means hello received.
      const sendHello = () => socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
      if (hello) sendHello();
      (socket as WebSocket & { sendHello?: () => void }).sendHello = sendHello;
    });
    slack.webSocketUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
    const assistant = new FakeAssistant();
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test", SLACK_API_URL: slack.apiUrl });
    const deps = { assistant, config, logger: silentLogger, feedback: new MemoryFeedback() };
    // No clientOptions.slackApiUrl here: SLACK_API_URL alone must reach both the Web API and Socket Mode.
    const door = createSlackDoor(deps, { clientOptions: { retryConfig: { retries: 0 } }, socketStartWaitMs: 300, socketPingTimeoutMs: 300 })!;
    const server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: deps.feedback, doors: [door] }));
    const readyz = async () => {
      const res = await fetch(`${server.url}/readyz`);
      return { status: res.status, body: (await res.json()) as { ready: boolean; doors?: Record<string, boolean> } };
    };
    try {
      expect(await readyz()).toMatchObject({ status: 503, body: { ready: false, doors: { slack: false } } });
      // Start-up does not wait for Slack longer than socketStartWaitMs: the banner can print.
      const started = Date.now();
      await door.start!();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(door.description).toMatch(/Socket Mode via 127\.0\.0\.1:\d+ .*not connected yet; still trying/);
      expect(slack.called("apps.connections.open")[0]?.authorization).toBe("Bearer xapp-test");
      expect((await readyz()).status).toBe(503);

      hello = true;
      (current as WebSocket & { sendHello: () => void }).sendHello();
      await eventually(async () => (await readyz()).status === 200);
      expect(await readyz()).toMatchObject({ status: 200, body: { ready: true, doors: { slack: true } } });
      expect(door.description).toMatch(/connected$/);

      // Slack drops the socket: not ready until the client has reconnected by itself.
      const opens = slack.called("apps.connections.open").length;
      current!.terminate();
      await eventually(async () => (await readyz()).status === 503);
      await eventually(async () => (await readyz()).status === 200, 10_000);
      expect(slack.called("apps.connections.open").length).toBeGreaterThan(opens);
    } finally {
      await door.close?.();
      await server.close();
      sockets.close();
      await slack.close();
    }
  }, 30_000);

  it("with Slack unreachable, start-up returns, says why in the banner line, and keeps readiness false", async () => {
    // A port nothing listens on: every apps.connections.open fails.
    const slack = await new FakeSlack().start();
    const deadUrl = slack.apiUrl;
    await slack.close();
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test", SLACK_API_URL: deadUrl });
    const assistant = new FakeAssistant();
    const door = createSlackDoor(
      { assistant, config, logger: silentLogger, feedback: new MemoryFeedback() },
      { clientOptions: { retryConfig: { retries: 0 } }, socketStartWaitMs: 3000 },
    )!;
    try {
      const started = Date.now();
      await door.start!();
      expect(Date.now() - started).toBeLessThan(2500);
      expect(door.description).toMatch(/not connected \(.+\); retrying in the background/);
      expect(door.readiness!()).toEqual({ name: "slack", ready: false });
    } finally {
      await door.close?.();
    }
  }, 15_000);
});
