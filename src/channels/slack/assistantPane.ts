import { Assistant, type AssistantConfig } from "@slack/bolt";
import type { SlackDeps } from "./audience.js";
import { answerInThread } from "./answerInThread.js";
import { textMessage } from "./blocks.js";
import { truncate } from "./mrkdwn.js";
import { UserMessage } from "./payloads.js";
import { helpText, suggestedPrompts, TEXTS } from "./texts.js";

/**
 * Functiewijzer does not use the channel the user is looking at, so thread
 * context is not stored. (Bolt's default store keeps one context for the whole
 * process, which would mix users' contexts up.)
 */
const noThreadContext: NonNullable<AssistantConfig["threadContextStore"]> = { get: async () => ({}), save: async () => undefined };

/** Thread titles are a sidebar label: the question, shortened. */
const TITLE_CHARS = 60;

/**
 * Slack's split-view AI app: a greeting plus example prompts when a thread
 * opens; for each message a title, a status with rotating loading messages,
 * then the answer in the thread (streamed when the answerer streams; posting
 * it clears the status).
 */
export function createAssistantPane(deps: SlackDeps): Assistant {
  return new Assistant({
    threadContextStore: noThreadContext,
    threadStarted: async ({ event, say, setSuggestedPrompts, client, context }) => {
      await say(textMessage(TEXTS.greeting));
      // The pane is the user's own DM: the examples come from the sets they may use.
      const thread = event.assistant_thread;
      const audience = await deps.audiences.of(client, { workspace: context.teamId, channel: thread.channel_id, user: thread.user_id });
      await setSuggestedPrompts({ title: TEXTS.promptsTitle, prompts: suggestedPrompts(deps.assistant, audience) });
    },
    userMessage: async ({ message, say, setTitle, client, context, logger }) => {
      const parsed = UserMessage.safeParse(message);
      if (!parsed.success) return;
      const { channel, ts, thread_ts, text, user, team } = parsed.data;
      const question = text.trim();
      if (!question) {
        await say(textMessage(helpText(deps.assistant)));
        return;
      }
      // The title is cosmetic: a failure there must not cost the answer.
      await setTitle(truncate(question, TITLE_CHARS)).catch((error: unknown) => logger.warn(`assistant title failed: ${(error as Error).message}`));
      const thread = { channel, threadTs: thread_ts ?? ts, userId: user, teamId: context.teamId ?? team, assistant: true };
      await answerInThread(client, deps, thread, question, "assistant");
    },
  });
}
