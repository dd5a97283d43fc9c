import type { App } from "@slack/bolt";
import type { DoorDeps } from "../../http/door.js";
import { stripMention } from "./mentions.js";
import { UserMessage } from "./payloads.js";
import { replyInThread } from "./threadReply.js";

/**
 * @mentions in channels and direct messages. Bots, edits and other subtypes
 * never get here (ignore.ts); DM messages inside an assistant thread are taken
 * by the Assistant middleware first (assistantPane.ts).
 */
export function registerEvents(app: App, deps: DoorDeps): void {
  app.event("app_mention", async ({ event, client, context }) => {
    const parsed = UserMessage.safeParse(event);
    if (!parsed.success) return;
    const { channel, ts, thread_ts, text } = parsed.data;
    await replyInThread(client, deps, channel, thread_ts ?? ts, stripMention(text, context.botUserId), "mention");
  });

  app.event("message", async ({ event, client, context }) => {
    const parsed = UserMessage.safeParse(event);
    if (!parsed.success) return;
    const { channel, ts, thread_ts, text } = parsed.data;
    // People sometimes @mention the app in its own DM; that token is not part of the question.
    await replyInThread(client, deps, channel, thread_ts ?? ts, stripMention(text, context.botUserId), "dm");
  });
}
