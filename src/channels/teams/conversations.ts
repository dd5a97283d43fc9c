import { randomUUID } from "node:crypto";
import { RecentMap } from "./recentMap.js";

/**
 * The Assistant's conversation id for a Teams conversation. "Nieuw gesprek"
 * starts a fresh one, so follow-ups no longer resolve against earlier turns.
 * Kept per process: after a restart (or on another replica) a reset
 * conversation continues under its Teams id, which only brings back context.
 */
export class TeamsConversations {
  private readonly fresh = new RecentMap<string, string>(50_000);

  /** Channel conversation ids include the thread (";messageid=…"), so follow-ups stay per thread. */
  idFor(teamsConversationId: string): string {
    const suffix = this.fresh.get(teamsConversationId);
    return `teams:${teamsConversationId}${suffix ? `#${suffix}` : ""}`;
  }

  reset(teamsConversationId: string): string {
    this.fresh.set(teamsConversationId, randomUUID().slice(0, 8));
    return this.idFor(teamsConversationId);
  }
}

/** "nieuw gesprek", "reset", "new conversation": the whole message, any case, optional slash or punctuation. */
export function isResetCommand(text: string): boolean {
  const normalised = text
    .trim()
    .toLowerCase()
    .replace(/^\//, "")
    .replace(/[.!]+$/, "")
    .trim();
  return ["nieuw gesprek", "reset", "opnieuw", "new conversation", "new chat", "start over"].includes(normalised);
}
