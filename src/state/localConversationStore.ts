import { type ConversationLimits, type ConversationStore, DEFAULT_CONVERSATION_LIMITS, type Stamped } from "./conversationStore.js";

/**
 * Conversations in this process, bounded in conversations (least recently
 * written first out), turns and age, so a long-running bot does not grow
 * without limit or answer a follow-up against a chat from yesterday.
 */
export class LocalConversationStore<T> implements ConversationStore<T> {
  private readonly conversations = new Map<string, Stamped<T>[]>();
  private readonly limits: ConversationLimits;

  constructor(
    limits: Partial<ConversationLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_CONVERSATION_LIMITS, ...limits };
  }

  async last(conversation: string | undefined): Promise<T | undefined> {
    return this.lastStamped(conversation)?.turn;
  }

  async remember(conversation: string | undefined, turn: T): Promise<void> {
    this.rememberStamped(conversation, { at: this.now(), turn });
  }

  lastStamped(conversation: string | undefined): Stamped<T> | undefined {
    if (!conversation) return undefined;
    const turns = this.conversations.get(conversation);
    const last = turns?.[turns.length - 1];
    if (!last) return undefined;
    if (this.now() - last.at > this.limits.ttlMs) {
      this.conversations.delete(conversation);
      return undefined;
    }
    return last;
  }

  rememberStamped(conversation: string | undefined, stamped: Stamped<T>): void {
    if (!conversation) return;
    const turns = this.conversations.get(conversation) ?? [];
    this.conversations.delete(conversation); // re-insert: Map order is our LRU order
    turns.push(stamped);
    this.conversations.set(conversation, turns.slice(-this.limits.maxTurns));
    while (this.conversations.size > this.limits.maxConversations) {
      this.conversations.delete(this.conversations.keys().next().value!);
    }
  }

  get size(): number {
    return this.conversations.size;
  }
}
