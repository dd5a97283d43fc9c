/** `<@U123>` or `<@U123|name>`: how Slack writes a user mention in message text. */
const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * The question without the bot's own mention. Other people's mentions stay (they
 * may be part of the question); when the bot's id is unknown, a leading mention
 * is taken to be the bot's, since that is how an app_mention starts.
 */
export function stripMention(text: string, botUserId?: string): string {
  const withoutBot = botUserId
    ? text.replace(MENTION, (token, id: string) => (id === botUserId ? " " : token))
    : text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, " ");
  return withoutBot.replace(/\s+/g, " ").trim();
}
