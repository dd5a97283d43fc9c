import type { Authorize, AuthorizeResult } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";

export type BotIdentity = { botId: string; botUserId: string };

/**
 * Single-workspace authorization with one auth.test, remembered. Bolt's own
 * `token` option either calls auth.test in the constructor (an unhandled
 * rejection when Slack is unreachable at start-up) or, with verification off,
 * on every event. Here it runs at the first event and is retried after a failure.
 * `identity` skips auth.test altogether (tests, or ids known up front).
 */
export function singleWorkspaceAuthorize(botToken: string, client: () => WebClient, identity?: BotIdentity): Authorize<boolean> {
  let known: Promise<BotIdentity> | undefined = identity ? Promise.resolve(identity) : undefined;
  return async (): Promise<AuthorizeResult> => {
    known ??= client()
      .auth.test({ token: botToken })
      .then((result) => {
        if (!result.bot_id || !result.user_id) throw new Error("auth.test returned no bot id; is SLACK_BOT_TOKEN a bot token (xoxb-)?");
        return { botId: result.bot_id, botUserId: result.user_id };
      });
    try {
      return { botToken, ...(await known) };
    } catch (error) {
      known = undefined;
      throw error;
    }
  };
}
