import { Redis } from "ioredis";
import type { Logger } from "../platform/logger.js";

export type SharedRedisOptions = {
  url: string;
  /** Every key starts with it, so deployments can share one Redis. */
  keyPrefix: string;
  /** A command slower than this fails, and the caller uses its per-process fallback. */
  timeoutMs: number;
  logger: Logger;
};

/** Thrown instead of sending a command while Redis is away: callers fall back at once. */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

/**
 * The one Redis connection of a process, and whether it can be used right now.
 * Commands never queue and never wait for a reconnect: while Redis is away
 * every store answers from its per-process fallback, so no request fails or
 * hangs. ioredis keeps reconnecting in the background; the first successful
 * connection afterwards makes the state shared again. One warning when Redis
 * goes away, one info line when it is back.
 */
export class SharedRedis {
  readonly client: Redis;
  readonly keyPrefix: string;
  private up = false;
  private warned = false;
  private closed = false;
  private probe?: NodeJS.Timeout;
  private readonly logger: Logger;

  constructor(options: SharedRedisOptions) {
    this.keyPrefix = options.keyPrefix;
    this.logger = options.logger;
    this.client = new Redis(options.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(options.timeoutMs, 1000),
      // Keep trying, at most every 2 s, for as long as the process runs.
      retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
      enableAutoPipelining: true,
    });
    this.client.on("ready", () => this.markUp());
    this.client.on("error", (error: Error) => this.markDown(error));
    this.client.on("close", () => this.markDown(new Error("connection closed")));
  }

  /** Connects once; a Redis that is not there yet is not an error (the fallback serves until it is). */
  async connect(): Promise<void> {
    await this.client.connect().catch((error: Error) => this.markDown(error));
  }

  get available(): boolean {
    return this.up && this.client.status === "ready";
  }

  /** Runs a command against Redis, or throws RedisUnavailableError at once while it is away. */
  async run<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    if (!this.available) throw new RedisUnavailableError("Redis is unavailable");
    try {
      return await command(this.client);
    } catch (error) {
      // A timeout or a lost connection; a reply error (a bug of ours) does not make Redis "away".
      if (!(error instanceof Error && error.name === "ReplyError")) this.markDown(error as Error);
      throw error;
    }
  }

  key(...parts: string[]): string {
    return this.keyPrefix + parts.join(":");
  }

  async close(): Promise<void> {
    this.closed = true;
    this.up = false;
    this.stopProbing();
    if (this.client.status === "end") return;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private markUp(): void {
    this.stopProbing();
    if (this.up || this.closed) return;
    this.up = true;
    if (this.warned) this.logger.info("shared state is back: conversation memory, rate limits and de-duplication are shared in Redis again");
    this.warned = false;
  }

  private markDown(error: Error): void {
    this.up = false;
    this.startProbing();
    if (this.warned || this.closed) return;
    this.warned = true;
    // The message only: ioredis errors can carry the URL, and a URL can carry a password.
    this.logger.warn({ err: redactUrls(error.message) }, "shared state unavailable: Redis is away; answering with per-process state until it is back");
  }

  /**
   * A command that timed out leaves the connection open, so no "ready" event
   * will say Redis is back: while it is marked away, a PING each second on a
   * live connection decides (a lost connection is ioredis's to re-establish).
   */
  private startProbing(): void {
    if (this.probe || this.closed) return;
    this.probe = setInterval(() => {
      if (this.client.status !== "ready") return;
      this.client.ping().then(
        () => this.markUp(),
        () => {},
      );
    }, 1000);
    this.probe.unref();
  }

  private stopProbing(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }
}

/** Removes credentials from any URL in a message. */
export function redactUrls(message: string): string {
  return message.replace(/\b(rediss?:\/\/)[^@\s/]*@/g, "$1***@");
}
