/**
 * The recent turns of each conversation, so a follow-up ("en voor schaal 7?")
 * resolves against what was asked before. Generic over a JSON-serialisable
 * turn; bounded in turns per conversation and in age.
 */
export interface ConversationStore<T> {
  /** The latest turn of the conversation, unless it is older than the time to live. */
  last(conversation: string | undefined): Promise<T | undefined>;
  remember(conversation: string | undefined, turn: T): Promise<void>;
}

/** A turn with the time it was remembered, as the stores keep it. */
export type Stamped<T> = { at: number; turn: T };

export type ConversationLimits = {
  /** Conversations kept per process (the in-process store only; Redis expires them by age). */
  maxConversations: number;
  maxTurns: number;
  ttlMs: number;
};

export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = { maxConversations: 5000, maxTurns: 10, ttlMs: 30 * 60_000 };
