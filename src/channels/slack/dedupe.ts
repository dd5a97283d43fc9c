import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { z } from "zod";
import type { SeenEvents } from "./seenEvents.js";

/** How long a delivery id is remembered: past Slack's 5-minute signature window and its last retry (~5 min). */
export const SEEN_TTL_MS = 15 * 60_000;

const Delivery = z.object({
  event_id: z.string().min(1).optional(),
  type: z.string().optional(),
  trigger_id: z.string().min(1).optional(),
  user: z.object({ id: z.string() }).partial().optional(),
  user_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string().optional(), action_ts: z.string().optional() }).partial()).optional(),
});

/**
 * The id that makes a delivery unique: Slack's event_id (the same across its
 * retries, X-Slack-Retry-Num), a click's user + action_ts, a command's trigger_id.
 */
export function deliveryId(body: unknown): string | undefined {
  const parsed = Delivery.safeParse(body);
  if (!parsed.success) return undefined;
  const { event_id, type, trigger_id, user, user_id, actions } = parsed.data;
  if (event_id) return `event:${event_id}`;
  const action = actions?.[0];
  if (type === "block_actions" && action?.action_ts) return `action:${user?.id ?? ""}:${action.action_id ?? ""}:${action.action_ts}`;
  if (trigger_id) return `trigger:${user_id ?? user?.id ?? ""}:${trigger_id}`;
  return undefined;
}

/**
 * Global Bolt middleware: a delivery already handled (a replay inside the
 * signature window, or Slack retrying after a slow ack) is acknowledged and
 * dropped, so a question is answered and a vote recorded once.
 */
export function dropRepeats(seen: SeenEvents): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const id = deliveryId(args.body);
    // A store that fails (e.g. Redis away) must not silence the bot: then the delivery counts as new.
    const first = id
      ? await seen
          .firstSeen(id, SEEN_TTL_MS)
          .catch((error: unknown) => (args.logger.warn(`slack: seen-events store failed: ${(error as Error).message}`), true))
      : true;
    if (id && !first) {
      args.logger.info(`slack: dropped a repeated delivery (${id.split(":")[0]})`);
      if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}
