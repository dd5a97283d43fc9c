import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import { withDoorTurn } from "../shared/doorTurn.js";

/** The user behind an event, a slash command or a button click. */
function userOf(body: Record<string, unknown>): string | undefined {
  const event = body.event as { user?: unknown } | undefined;
  const user = body.user as { id?: unknown } | string | undefined;
  const id = event?.user ?? body.user_id ?? (typeof user === "object" ? user?.id : user);
  return typeof id === "string" && id ? id : undefined;
}

/** Bolt middleware: the rest of the turn runs as this Slack user's (the shared per-user limit reads it). */
export function slackUserTurn(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const team = (body as { team_id?: unknown; team?: { id?: unknown } }).team_id ?? (body as { team?: { id?: unknown } }).team?.id;
    const user = userOf(body as Record<string, unknown>);
    await withDoorTurn({ user: user ? `${String(team ?? "")}:${user}` : undefined }, next);
  };
}
