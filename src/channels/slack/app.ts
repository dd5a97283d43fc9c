import { slackUserTurn } from "./userTurn.js";
import { App, ExpressReceiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import express, { type Router } from "express";
import type { DoorDeps } from "../door.js";
import { registerActions } from "./actions.js";
import { createAssistantPane } from "./assistantPane.js";
import { singleWorkspaceAuthorize, type BotIdentity } from "./authorize.js";
import { boltLogger } from "./boltLogger.js";
import { registerCommand } from "./command.js";
import { dropRepeats } from "./dedupe.js";
import { registerEvents } from "./events.js";
import { ignoreNonQuestions } from "./ignore.js";
import { eventsRateLimit, limitedBody, timestampWindow } from "./requestGuard.js";
import { InProcessSeenEvents, type SeenEvents } from "./seenEvents.js";
import { SlackAudiences } from "./audience.js";
import { AccessFile } from "../../ingest/accessFile.js";

/** The Events API, interactivity and slash commands all arrive here (one Request URL in the manifest). */
export const EVENTS_PATH = "/slack/events";

export type SlackMode = { kind: "http"; botToken: string; signingSecret: string } | { kind: "socket"; botToken: string; appToken: string };

/** Knobs for tests and special deployments; production needs none of them. */
export type SlackAppOptions = {
  /** WebClient options; SLACK_API_URL (GovSlack, a fake Slack in tests) is applied on top when set. */
  clientOptions?: webApi.WebClientOptions;
  /** Known bot ids skip the auth.test call. */
  identity?: BotIdentity;
  /** Which deliveries were handled already; in-process unless a shared store is given (several replicas). */
  seenEvents?: SeenEvents;
  /** Socket Mode's ping timeout, which also spaces its reconnects (Slack's default 5 s; tests use less). */
  socketPingTimeoutMs?: number;
};

export type SlackApp = { app: App; router?: Router; socket?: SocketModeReceiver };

/**
 * Builds the Bolt app with every listener. HTTP mode uses Bolt's
 * ExpressReceiver on a Router we create and mount on the main express 5 app
 * (Bolt 5 itself uses express 5): it brings signature checking,
 * url_verification, ssl_check and Slack's 3-second ack handling, without Bolt
 * opening a second port; our guard runs first on the same Router (rate limit,
 * timestamp window, body limit). receiver.start() is never called.
 * Socket Mode gets its receiver made here so its connection can be watched.
 */
export function createSlackApp(doorDeps: DoorDeps, mode: SlackMode, options: SlackAppOptions = {}): SlackApp {
  const access = new AccessFile(doorDeps.config.KNOWLEDGE_DIR);
  const deps = { ...doorDeps, audiences: new SlackAudiences(() => access.current(), doorDeps.logger, doorDeps.config.GROUP_CACHE_SECONDS * 1000) };
  const logger = boltLogger(deps.logger, { logBodies: deps.config.LOG_MESSAGE_BODIES });
  const authorize = singleWorkspaceAuthorize(mode.botToken, () => app.client, options.identity);
  const apiUrl = deps.config.SLACK_API_URL;
  const clientOptions: webApi.WebClientOptions = { ...options.clientOptions, ...(apiUrl ? { slackApiUrl: apiUrl } : {}) };
  const common = { authorize, logger, clientOptions, convoStore: false as const };
  let router: Router | undefined;
  let socket: SocketModeReceiver | undefined;
  let app: App;
  if (mode.kind === "http") {
    router = express.Router();
    router.post(EVENTS_PATH, eventsRateLimit(deps.config.SLACK_RATE_LIMIT_PER_MINUTE), timestampWindow(), limitedBody());
    const receiver = new ExpressReceiver({ signingSecret: mode.signingSecret, endpoints: EVENTS_PATH, router, logger, processBeforeResponse: false });
    app = new App({ ...common, receiver });
  } else {
    // Bolt hands clientOptions to the Socket Mode client too: apps.connections.open goes to SLACK_API_URL.
    socket = new SocketModeReceiver({ appToken: mode.appToken, logger, clientPingTimeout: options.socketPingTimeoutMs, installerOptions: { clientOptions } });
    app = new App({ ...common, socketMode: true, appToken: mode.appToken, receiver: socket });
  }

  // Listener errors: logged without the payload (it holds the user's message).
  app.error(async (error) => {
    deps.logger.error({ channel: "slack", code: error.code, err: error.message }, "slack listener failed");
  });
  app.use(dropRepeats(options.seenEvents ?? new InProcessSeenEvents()));
  app.use(slackUserTurn());
  app.use(ignoreNonQuestions());
  app.assistant(createAssistantPane(deps));
  registerEvents(app, deps);
  registerCommand(app, deps);
  registerActions(app, deps);
  return { app, router, socket };
}
