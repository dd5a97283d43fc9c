import type { Channel } from "../../domain/assistant.js";
import type { AskMiddleware } from "./askMiddleware.js";

/** The conversation key one door's conversation id becomes: no door can name another door's conversation. */
export function conversationKey(channel: Channel, conversation: string): string {
  // A door that already names its conversations so (Teams: "teams:<id>") keeps its keys.
  return conversation.startsWith(`${channel}:`) ? conversation : `${channel}:${conversation}`;
}

/**
 * Door middleware: prefixes every conversation id with the door's channel,
 * so "C0123:1700000000.000100" asked on the web is not the Slack thread of
 * that name, and a web client cannot read or write a Slack or Teams chat.
 */
export function namespacedConversations(channel: Channel): AskMiddleware {
  return (question, options, next) =>
    next(question, { ...options, channel, ...(options.conversation ? { conversation: conversationKey(channel, options.conversation) } : {}) });
}
