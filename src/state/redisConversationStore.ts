import { createHash } from "node:crypto";
import { z } from "zod";
import { type ConversationLimits, DEFAULT_CONVERSATION_LIMITS, type Stamped } from "./conversationStore.js";
import type { SharedRedis } from "./sharedRedis.js";

const StampedJson = z.object({ at: z.number(), turn: z.unknown() });

/**
 * Conversations in Redis, one list per conversation: RPUSH the turn, LTRIM to
 * the last turns, PEXPIRE by the time to live, in one MULTI. The key is a
 * hash of the conversation id (ids are chat-platform ids: personal data and
 * of any length). Throws when Redis is away; FallbackConversationStore
 * decides what to do then.
 */
export class RedisConversationStore<T> {
  private readonly limits: ConversationLimits;

  constructor(
    private readonly redis: SharedRedis,
    /** Checks a turn read back from Redis (data from outside the process). */
    private readonly parseTurn: (value: unknown) => T,
    limits: Partial<ConversationLimits> = {},
  ) {
    this.limits = { ...DEFAULT_CONVERSATION_LIMITS, ...limits };
  }

  async lastStamped(conversation: string): Promise<Stamped<T> | undefined> {
    const raw = await this.redis.run((client) => client.lindex(this.key(conversation), -1));
    if (raw === null) return undefined;
    const parsed = StampedJson.safeParse(safeJson(raw));
    if (!parsed.success) return undefined;
    const turn = (() => {
      try {
        return this.parseTurn(parsed.data.turn);
      } catch {
        return undefined;
      }
    })();
    return turn === undefined ? undefined : { at: parsed.data.at, turn };
  }

  async rememberStamped(conversation: string, stamped: Stamped<T>): Promise<void> {
    const key = this.key(conversation);
    const results = await this.redis.run((client) =>
      client.multi().rpush(key, JSON.stringify(stamped)).ltrim(key, -this.limits.maxTurns, -1).pexpire(key, this.limits.ttlMs).exec(),
    );
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error("Redis transaction aborted");
  }

  private key(conversation: string): string {
    return this.redis.key("conversation", createHash("sha256").update(conversation).digest("base64url"));
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
