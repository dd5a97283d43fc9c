import type { TurnRecord } from "./understand/conversation.js";

export type Turn = TurnRecord & { at: number };

/**
 * Recent turns per conversation, bounded in conversations, turns and age, so
 * a long-running bot does not grow without limit or answer a follow-up
 * against a chat from yesterday.
 */
export class ConversationMemory {
  private readonly conversations = new Map<string, Turn[]>();

  constructor(
    private readonly maxConversations = 5000,
    private readonly maxTurns = 10,
    private readonly ttlMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  last(conversation: string | undefined): Turn | undefined {
    if (!conversation) return undefined;
    const turns = this.conversations.get(conversation);
    const turn = turns?.[turns.length - 1];
    if (!turn) return undefined;
    if (this.now() - turn.at > this.ttlMs) {
      this.conversations.delete(conversation);
      return undefined;
    }
    return turn;
  }

  remember(conversation: string | undefined, turn: Omit<Turn, "at">): void {
    if (!conversation) return;
    const turns = this.conversations.get(conversation) ?? [];
    this.conversations.delete(conversation); // re-insert: Map order is our LRU order
    turns.push({ ...turn, at: this.now() });
    this.conversations.set(conversation, turns.slice(-this.maxTurns));
    while (this.conversations.size > this.maxConversations) {
      this.conversations.delete(this.conversations.keys().next().value!);
    }
  }

  /** "Nieuw gesprek": the conversation starts again. */
  forget(conversation: string | undefined): void {
    if (conversation) this.conversations.delete(conversation);
  }

  get size(): number {
    return this.conversations.size;
  }
}
