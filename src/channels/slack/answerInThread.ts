import type { webApi } from "@slack/bolt";
import type { DoorDeps } from "../door.js";
import { askForSlack, type Source } from "./ask.js";
import { AnswerStream } from "./answerStream.js";
import { textMessage, type SlackMessage } from "./blocks.js";
import { threadConversation } from "./conversation.js";
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
 * A working sign shows until the answer lands; an LLM answer streams in as it
 * is written, an offline answer is posted whole. An empty question (a bare
 * mention) gets the help text.
 */
export async function answerInThread(client: webApi.WebClient, deps: DoorDeps, thread: Thread, question: string, source: Source): Promise<void> {
  const send = (message: SlackMessage | { text: string }) =>
    client.chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, unfurl_links: false, unfurl_media: false, ...message });
  // If Slack refuses the blocks here (a block type this workspace or place does not allow), the text alone still answers.
  const post = (message: SlackMessage) =>
    send(message).catch((error: unknown) => {
      deps.logger.warn({ channel: "slack", err: (error as Error).message }, "slack refused the answer's blocks; sending its text");
      return send({ text: message.text });
    });
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
    const stream = new AnswerStream(client, { channel: thread.channel, threadTs: thread.threadTs, userId: thread.userId, teamId: thread.teamId }, deps.logger);
    const reply = await askForSlack(deps, question, threadConversation(thread.channel, thread.threadTs), source, { onToken: stream.onToken });
    if (stream.started) {
      answered = await stream.finish(reply).catch((error: unknown) => {
        deps.logger.warn({ channel: "slack", err: (error as Error).message }, "slack stream could not be finished; posting the answer");
        return false;
      });
    }
    if (!answered) {
      for (const message of reply.messages) await post(message);
      answered = true;
    }
  } finally {
    await stopWorking(answered);
  }
}
