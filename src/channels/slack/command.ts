import type { App, webApi } from "@slack/bolt";
import type { Logger } from "../../platform/logger.js";
import type { SlackDeps } from "./audience.js";
import { askForSlack } from "./ask.js";
import type { SlackMessage } from "./blocks.js";
import { plainText, sendDegrading } from "./degradeBlocks.js";
import { commandConversation } from "./conversation.js";
import { SlashCommand } from "./payloads.js";
import { SLASH_COMMAND } from "./subscriptions.js";
import { helpText, TEXTS } from "./texts.js";

/**
 * `/functiewijzer <question>`. Slack wants the ack within 3 seconds, an answer
 * may take longer, so: ack at once with a "searching" note, answer through
 * response_url. Replies are ephemeral: an HR question (one's own scale, an
 * interview) is often not something to broadcast in a channel.
 */
export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond, client }) => {
    const parsed = SlashCommand.safeParse(command);
    const question = parsed.success ? parsed.data.text.trim() : "";
    if (!parsed.success || !question) {
      await ack({ response_type: "ephemeral", text: helpText(deps.assistant) });
      return;
    }
    await ack({ response_type: "ephemeral", text: TEXTS.working });
    const { channel_id, user_id, team_id } = parsed.data;
    // The reply is ephemeral: the asker alone reads it, so their own user groups count.
    const audience = await deps.audiences.of(client, { workspace: team_id, channel: channel_id, user: user_id, ephemeral: true });
    const { messages } = await askForSlack(deps, question, commandConversation(channel_id, user_id), "command", { audience });
    for (const message of messages) await deliverToCommand(message, { respond, client, channel: channel_id, user: user_id, logger: deps.logger });
  });
}

type CommandPlace = {
  respond: (message: Record<string, unknown>) => Promise<unknown>;
  client: webApi.WebClient;
  channel: string;
  user: string;
  logger: Logger;
};

/**
 * One answer message for a slash command, never lost: through response_url;
 * if Slack refuses that (expired, or blocks it will not take), as an
 * ephemeral chat.postEphemeral (without refused block types); if that is
 * refused too (the bot is not in the channel), as plain text through
 * response_url, sources included as lines.
 */
export async function deliverToCommand(message: SlackMessage, place: CommandPlace): Promise<void> {
  const warn = (what: string) => (error: unknown) =>
    place.logger.warn({ channel: "slack", err: (error as { data?: { error?: string } })?.data?.error ?? (error as Error).message }, what);
  try {
    await place.respond({ response_type: "ephemeral", replace_original: false, ...message });
    return;
  } catch (error) {
    warn("slack refused the response_url post; sending the answer with chat.postEphemeral")(error);
  }
  try {
    await sendDegrading((m) => place.client.chat.postEphemeral({ channel: place.channel, user: place.user, ...m }), message, place.logger);
    return;
  } catch (error) {
    warn("slack refused chat.postEphemeral; sending the answer as plain text")(error);
  }
  await place.respond({ response_type: "ephemeral", replace_original: false, text: plainText(message) });
}
