import type { Logger } from "../platform/logger.js";
import type { ConversationStore, Stamped } from "./conversationStore.js";
import type { LocalConversationStore } from "./localConversationStore.js";
import type { RedisConversationStore } from "./redisConversationStore.js";

/**
 * Conversation memory shared through Redis, with this process's own memory
 * as the fallback. Every turn is written to both, so a conversation that
 * stays on this replica keeps its follow-ups while Redis is away; reading
 * takes the newer of the two, so turns remembered during an outage are not
 * shadowed by older shared ones once Redis is back.
 */
export class FallbackConversationStore<T> implements ConversationStore<T> {
  constructor(
    private readonly shared: RedisConversationStore<T>,
    private readonly local: LocalConversationStore<T>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async last(conversation: string | undefined): Promise<T | undefined> {
    if (!conversation) return undefined;
    const local = this.local.lastStamped(conversation);
    const shared = await this.shared.lastStamped(conversation).catch((error: unknown) => this.failed(error));
    const newest = [local, shared].filter((s): s is Stamped<T> => Boolean(s)).sort((a, b) => b.at - a.at)[0];
    return newest?.turn;
  }

  async remember(conversation: string | undefined, turn: T): Promise<void> {
    if (!conversation) return;
    const stamped = { at: this.now(), turn };
    this.local.rememberStamped(conversation, stamped);
    await this.shared.rememberStamped(conversation, stamped).catch((error: unknown) => this.failed(error));
  }

  private failed(error: unknown): undefined {
    // SharedRedis has logged Redis going away once; anything else is worth a debug line.
    this.logger.debug({ err: (error as Error).message }, "conversation memory: using this process's memory");
    return undefined;
  }
}
