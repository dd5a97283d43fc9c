import type { Express } from "express";

/**
 * A chat platform's entry point on the main HTTP server. Each door turns its
 * platform's messages into Assistant.ask() calls and renders the Answer back.
 */
export interface Door {
  /** Shown at start-up, e.g. "Teams (emulator mode, auth off)". */
  readonly description: string;
  /** Adds the door's routes to the server. Called before the server listens. */
  mount(app: Express): void;
  /** For doors with a connection of their own (Slack Socket Mode): /readyz is 503 while it is down. */
  readiness?(): { name: string; ready: boolean };
  /** Starts anything that is not HTTP (e.g. Slack Socket Mode). */
  start?(): Promise<void>;
  close?(): Promise<void>;
}

import type { Assistant } from "../domain/assistant.js";
import type { Config } from "../platform/config.js";
import type { FeedbackStore } from "../feedback/feedbackLog.js";
import type { Logger } from "../platform/logger.js";

/** What every door is built from. */
export type DoorDeps = {
  assistant: Assistant;
  config: Config;
  logger: Logger;
  feedback: FeedbackStore;
};
