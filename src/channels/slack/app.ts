import { App, ExpressReceiver, type webApi } from "@slack/bolt";
import express, { type Router } from "express";
import type { DoorDeps } from "../../http/door.js";
import { registerActions } from "./actions.js";
import { createAssistantPane } from "./assistantPane.js";
import { singleWorkspaceAuthorize, type BotIdentity } from "./authorize.js";
import { boltLogger } from "./boltLogger.js";
import { registerCommand } from "./command.js";
import { registerEvents } from "./events.js";
import { ignoreNonQuestions } from "./ignore.js";

/** The Events API, interactivity and slash commands all arrive here (one Request URL in the manifest). */
export const EVENTS_PATH = "/slack/events";

export type SlackMode =
  | { kind: "http"; botToken: string; signingSecret: string }
  | { kind: "socket"; botToken: string; appToken: string };

/** Knobs for tests and special deployments; production needs none of them. */
export type SlackAppOptions = {
  /** E.g. `{ slackApiUrl: "http://127.0.0.1:1234/api/" }` to talk to a fake Slack. */
  clientOptions?: webApi.WebClientOptions;
  /** Known bot ids skip the auth.test call. */
  identity?: BotIdentity;
};

export type SlackApp = { app: App; router?: Router };

/**
 * Builds the Bolt app with every listener. HTTP mode uses Bolt's
 * ExpressReceiver on a Router we create and mount on the main express 5 app
 * (Bolt 5 itself uses express 5): it brings raw-body signature checking,
 * url_verification, ssl_check and Slack's 3-second ack handling for free,
 * without Bolt opening a second port. receiver.start() is never called.
 */
export function createSlackApp(deps: DoorDeps, mode: SlackMode, options: SlackAppOptions = {}): SlackApp {
  const logger = boltLogger(deps.logger, { logBodies: deps.config.LOG_MESSAGE_BODIES });
  const authorize = singleWorkspaceAuthorize(mode.botToken, () => app.client, options.identity);
  let router: Router | undefined;
  const common = { authorize, logger, clientOptions: options.clientOptions, convoStore: false as const };
  let app: App;
  if (mode.kind === "http") {
    router = express.Router();
    const receiver = new ExpressReceiver({ signingSecret: mode.signingSecret, endpoints: EVENTS_PATH, router, logger, processBeforeResponse: false });
    app = new App({ ...common, receiver });
  } else {
    app = new App({ ...common, socketMode: true, appToken: mode.appToken });
  }

  // Listener errors: logged without the payload (it holds the user's message).
  app.error(async (error) => {
    deps.logger.error({ channel: "slack", code: error.code, err: error.message }, "slack listener failed");
  });
  app.use(ignoreNonQuestions());
  app.assistant(createAssistantPane(deps));
  registerEvents(app, deps);
  registerCommand(app, deps);
  registerActions(app, deps);
  return { app, router };
}
