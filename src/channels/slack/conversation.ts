/**
 * The conversation id handed to Assistant.ask: one per Slack thread, so a
 * follow-up in the same thread resolves against the earlier questions.
 */
export function threadConversation(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

/** Slash commands have no thread: one conversation per user per channel. */
export function commandConversation(channel: string, user: string): string {
  return `${channel}:${user}`;
}
