import { createHash } from "node:crypto";
import type { Logger } from "../platform/logger.js";
import type { SharedRedis } from "./sharedRedis.js";

/**
 * Remembers chat-platform event ids, so a retried or replayed delivery is
 * answered once. The same shape as the Slack door's `SeenEvents`
 * (src/channels/slack/seenEvents.ts): `firstSeen` is true the first time an
 * id is offered within `ttlMs`, false afterwards.
 */
export interface SeenEvents {
  firstSeen(id: string, ttlMs: number): Promise<boolean>;
}

/** Event ids in this process, bounded in number and age. */
export class LocalSeenEvents implements SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxIds = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const expires = this.seen.get(id);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(id);
    this.seen.set(id, now + ttlMs);
    // Map order is insertion order: the oldest ids go first.
    for (const [old, until] of this.seen) {
      if (this.seen.size <= this.maxIds && until > now) break;
      this.seen.delete(old);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

/**
 * Event ids in Redis, shared by all replicas: SET key NX PX ttl succeeds only
 * for the first delivery. While Redis is away each process de-duplicates on
 * its own (a retry that lands on another replica may then be answered twice,
 * which is better than not answering at all).
 */
export class RedisSeenEvents implements SeenEvents {
  constructor(
    private readonly redis: SharedRedis,
    private readonly local: LocalSeenEvents,
    private readonly logger: Logger,
  ) {}

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const locally = await this.local.firstSeen(id, ttlMs);
    if (!this.redis.available) return locally;
    try {
      const reply = await this.redis.run((client) =>
        client.set(this.redis.key("seen", createHash("sha256").update(id).digest("base64url")), "1", "PX", Math.max(1, Math.round(ttlMs)), "NX"),
      );
      return reply === "OK";
    } catch (error) {
      this.logger.debug({ err: (error as Error).message }, "event de-duplication: using this process's memory");
      return locally;
    }
  }
}
