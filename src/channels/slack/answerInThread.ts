import type { webApi } from "@slack/bolt";
import type { SlackDeps } from "./audience.js";
import { askForSlack, type Source } from "./ask.js";
import { AnswerStream } from "./answerStream.js";
import { textMessage, type SlackMessage } from "./blocks.js";
import { threadConversation } from "./conversation.js";
import { sendDegrading } from "./degradeBlocks.js";
import { helpText } from "./texts.js";
import { startWorking } from "./working.js";

/** A thread to answer in, and who asked. */
export type Thread = {
  channel: string;
  threadTs: string;
  /** The question's own message: it gets the ⏳ reaction (mentions and DMs). */
  messageTs?: string;
  userId?: string;
  teamId?: string;
  /** Slack's assistant pane: status with loading messages instead of a reaction. */
  assistant?: boolean;
};

/**
 * Answers a question in a thread (assistant pane, mentions, DMs, follow-up
 * buttons): one thread is one conversation, so follow-ups keep their context.
 * A working sign shows until the answer lands. Only checked text reaches
 * Slack: a generated answer is streamed in once it is verified, an offline
 * answer is posted whole. An empty question (a bare mention) gets the help text.
 */
export async function answerInThread(client: webApi.WebClient, deps: SlackDeps, thread: Thread, question: string, source: Source): Promise<void> {
  const send = (message: SlackMessage | { text: string }) =>
    client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, unfurl_links: false, unfurl_media: false, ...message });
  // If Slack refuses some blocks (a type this workspace or place does not allow), the answer goes again without them.
  const post = (message: SlackMessage) => sendDegrading(send, message, deps.logger);
  if (!question) {
    await post(textMessage(helpText(deps.assistant)));
    return;
  }
  const stopWorking = await startWorking(
    client,
    { channel: thread.channel, threadTs: thread.threadTs, assistant: thread.assistant, messageTs: thread.messageTs },
    deps.logger,
  );
  let answered = false;
  try {
    const audience = await deps.audiences.of(client, { workspace: thread.teamId, channel: thread.channel, user: thread.userId });
    const reply = await askForSlack(deps, question, threadConversation(thread.channel, thread.threadTs), source, { audience });
    if (reply.answer?.mode === "llm") {
      const stream = new AnswerStream(
        client,
        { channel: thread.channel, threadTs: thread.threadTs, userId: thread.userId, teamId: thread.teamId },
        deps.logger,
      );
      answered = await stream.deliver(reply);
    }
    if (!answered) {
      for (const message of reply.messages) await post(message);
      answered = true;
    }
  } finally {
    await stopWorking(answered);
  }
}
