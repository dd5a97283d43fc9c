import type { Door, DoorDeps } from "../door.js";
import { createSlackApp, EVENTS_PATH, type SlackAppOptions, type SlackMode } from "./app.js";
import { SocketConnection } from "./socketConnection.js";
import { SLASH_COMMAND } from "./subscriptions.js";

/** How long start-up waits for the Socket Mode connection before printing its banner anyway. */
const SOCKET_START_WAIT_MS = 5000;

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

export type SlackDoorOptions = SlackAppOptions & {
  /** Start-up waits at most this long for Socket Mode to connect (it keeps trying afterwards). */
  socketStartWaitMs?: number;
};

/**
 * The Slack door. Null without credentials. In HTTP mode it mounts POST
 * /slack/events (before any body parser: the signature covers the raw body);
 * in Socket Mode start() opens the WebSocket, readiness follows the
 * connection, and close() shuts it.
 */
export function createSlackDoor(deps: DoorDeps, options: SlackDoorOptions = {}): Door | null {
  const mode = slackMode(deps.config);
  if (!mode) {
    if (deps.config.SLACK_BOT_TOKEN || deps.config.SLACK_APP_TOKEN || deps.config.SLACK_SIGNING_SECRET) {
      deps.logger.warn("Slack is off: set SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)");
    }
    return null;
  }
  const { app, router, socket } = createSlackApp(deps, mode, options);
  const where = deps.config.SLACK_API_URL ? ` via ${new URL(deps.config.SLACK_API_URL).host}` : "";
  if (mode.kind === "http" || !socket) {
    return {
      description: `Slack      POST ${EVENTS_PATH} (Events API, interactivity, ${SLASH_COMMAND})${where}`,
      mount(server) {
        if (router) server.use(router);
      },
    };
  }
  const connection = new SocketConnection(
    socket,
    () => app.start(),
    () => app.stop(),
    deps.logger,
  );
  return {
    get description() {
      return `Slack      Socket Mode${where} (outbound WebSocket, no public URL needed): ${connection.describe()}`;
    },
    mount() {
      // Socket Mode has no HTTP route.
    },
    readiness: () => ({ name: "slack", ready: connection.connected }),
    async start() {
      await connection.start(options.socketStartWaitMs ?? SOCKET_START_WAIT_MS);
    },
    async close() {
      await connection.stop();
    },
  };
}
