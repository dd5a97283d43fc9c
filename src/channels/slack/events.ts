import type { App } from "@slack/bolt";
import type { SlackDeps } from "./audience.js";
import { answerInThread } from "./answerInThread.js";
import { stripMention } from "./mentions.js";
import { UserMessage } from "./payloads.js";

/**
 * @mentions in channels and direct messages. Bots, edits and other subtypes
 * never get here (ignore.ts); DM messages inside an assistant thread are taken
 * by the Assistant middleware first (assistantPane.ts).
 */
export function registerEvents(app: App, deps: SlackDeps): void {
  app.event("app_mention", async ({ event, client, context }) => {
    const parsed = UserMessage.safeParse(event);
    if (!parsed.success) return;
    const { channel, ts, thread_ts, text, user, team } = parsed.data;
    const thread = { channel, threadTs: thread_ts ?? ts, messageTs: ts, userId: user, teamId: context.teamId ?? team };
    await answerInThread(client, deps, thread, stripMention(text, context.botUserId), "mention");
  });

  app.event("message", async ({ event, client, context }) => {
    const parsed = UserMessage.safeParse(event);
    if (!parsed.success) return;
    const { channel, ts, thread_ts, text, user, team } = parsed.data;
    const thread = { channel, threadTs: thread_ts ?? ts, messageTs: ts, userId: user, teamId: context.teamId ?? team };
    // People sometimes @mention the app in its own DM; that token is not part of the question.
    await answerInThread(client, deps, thread, stripMention(text, context.botUserId), "dm");
  });
}
