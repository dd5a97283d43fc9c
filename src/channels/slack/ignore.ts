import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { EventHead } from "./payloads.js";

/**
 * Why an event is not a question, or undefined when it is one. Bots (including
 * this app: Bolt's ignoreSelf only knows our own ids) could otherwise loop with
 * us; edits, deletions and other subtypes carry no new question.
 */
export function ignoreReason(event: unknown, botUserId?: string): string | undefined {
  const head = EventHead.safeParse(event);
  if (!head.success) return "malformed event";
  const { type, subtype, bot_id, user, channel_type } = head.data;
  if (type !== "message" && type !== "app_mention") return undefined;
  if (bot_id || subtype === "bot_message") return "bot message";
  if (botUserId && user === botUserId) return "own message";
  if (subtype) return `message subtype ${subtype}`;
  if (type === "message" && channel_type !== "im") return "message outside a DM";
  if (!user) return "no user";
  return undefined;
}

/**
 * Global middleware, registered before the Assistant so assistant threads are
 * filtered too. Events are acknowledged by Bolt before middleware runs, so
 * dropping here just means no listener sees them.
 */
export function ignoreNonQuestions(): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const event = "event" in args ? args.event : undefined;
    if (event !== undefined) {
      const reason = ignoreReason(event, args.context.botUserId);
      if (reason) {
        args.logger.debug(`slack: ignored ${event.type} (${reason})`);
        return;
      }
    }
    await args.next();
  };
}
