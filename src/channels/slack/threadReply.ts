import type { webApi } from "@slack/bolt";
import type { DoorDeps } from "../../http/door.js";
import { askForSlack, type Source } from "./ask.js";
import { textMessage } from "./blocks.js";
import { threadConversation } from "./conversation.js";
import { TEXTS } from "./texts.js";

/**
 * Answers a question in a thread (mentions, DMs, follow-up buttons): one thread
 * is one conversation, so follow-ups there keep their context. An empty
 * question (a bare mention) gets the help text instead of an answer.
 */
export async function replyInThread(client: webApi.WebClient, deps: DoorDeps, channel: string, threadTs: string, question: string, source: Source): Promise<void> {
  const { message } = question ? await askForSlack(deps, question, threadConversation(channel, threadTs), source) : { message: textMessage(TEXTS.help) };
  await client.chat.postMessage({ channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message });
}
