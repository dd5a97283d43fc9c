import type { SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../platform/logger.js";

export type ConnectionState = "idle" | "connecting" | "connected" | "disconnected";

/** Waits between start attempts after a failure: 1 s, 2 s, 4 s … up to 60 s. */
const backoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));

/**
 * Tracks the Socket Mode WebSocket for readiness, and keeps (re)starting it in
 * the background: start() returns as soon as the socket is up, fails, or
 * `waitMs` passes, so the server's start-up is never held hostage by Slack.
 * The client reconnects by itself after a drop; a failed start is retried here.
 */
export class SocketConnection {
  private current: ConnectionState = "idle";
  private lastError?: string;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private attempts = 0;

  constructor(
    private readonly receiver: SocketModeReceiver,
    private readonly startApp: () => Promise<unknown>,
    private readonly stopApp: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {
    const client = receiver.client;
    client.on("connecting", () => this.set("connecting"));
    client.on("reconnecting", () => this.set("connecting"));
    client.on("connected", () => this.set("connected"));
    client.on("disconnected", () => this.set("disconnected"));
    // A dropped socket emits only "close" while the client waits to reconnect: not ready meanwhile.
    client.on("close", () => this.set("disconnected"));
  }

  get state(): ConnectionState {
    return this.current;
  }

  get connected(): boolean {
    return this.current === "connected";
  }

  /** One line for the start-up banner. */
  describe(): string {
    if (this.connected) return "connected";
    if (this.lastError) return `not connected (${this.lastError}); retrying in the background`;
    return "not connected yet; still trying (/readyz is 503 until it is)";
  }

  async start(waitMs: number): Promise<void> {
    this.stopped = false;
    const settled = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.receiver.client.once("connected", done);
      this.attempt(done);
    });
    await settled;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    if (this.current !== "idle") await this.stopApp().catch(() => undefined);
    this.set("idle");
  }

  private attempt(onFailure?: () => void): void {
    if (this.stopped) return;
    this.set("connecting");
    this.startApp().then(
      () => {
        this.attempts = 0;
        this.lastError = undefined;
      },
      (error: unknown) => {
        this.lastError = (error as Error).message || String(error);
        this.set("disconnected");
        this.logger.warn({ channel: "slack", err: this.lastError }, "slack socket mode could not connect; retrying");
        onFailure?.();
        if (this.stopped) return;
        this.retry = setTimeout(() => this.attempt(), backoff(this.attempts++));
        this.retry.unref();
      },
    );
  }

  private set(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.logger.info({ channel: "slack", state }, "slack socket mode");
  }
}
