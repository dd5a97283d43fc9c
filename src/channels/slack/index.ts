import type { Door, DoorDeps } from "../../http/door.js";
import { createSlackApp, EVENTS_PATH, type SlackAppOptions, type SlackMode } from "./app.js";
import { SLASH_COMMAND } from "./subscriptions.js";

/**
 * Which way Slack reaches us, from the configuration: Socket Mode when an app
 * token (xapp-) is set, the Events API over HTTP with a signing secret,
 * otherwise no Slack at all.
 */
export function slackMode(config: DoorDeps["config"]): SlackMode | null {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = config;
  if (!botToken) return null;
  if (appToken) return { kind: "socket", botToken, appToken };
  if (signingSecret) return { kind: "http", botToken, signingSecret };
  return null;
}

/**
 * The Slack door. Null without credentials. In HTTP mode it mounts POST
 * /slack/events (before any body parser: the signature covers the raw body);
 * in Socket Mode start() opens the WebSocket and close() shuts it.
 */
export function createSlackDoor(deps: DoorDeps, options: SlackAppOptions = {}): Door | null {
  const mode = slackMode(deps.config);
  if (!mode) {
    if (deps.config.SLACK_BOT_TOKEN || deps.config.SLACK_APP_TOKEN || deps.config.SLACK_SIGNING_SECRET) {
      deps.logger.warn("Slack is off: set SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)");
    }
    return null;
  }
  const { app, router } = createSlackApp(deps, mode, options);
  if (mode.kind === "http") {
    return {
      description: `Slack      POST ${EVENTS_PATH} (Events API, interactivity, ${SLASH_COMMAND})`,
      mount(server) {
        if (router) server.use(router);
      },
    };
  }
  let started = false;
  return {
    description: "Slack      Socket Mode (outbound WebSocket, no public URL needed)",
    mount() {
      // Socket Mode has no HTTP route.
    },
    async start() {
      await app.start();
      started = true;
    },
    async close() {
      if (started) await app.stop();
      started = false;
    },
  };
}
