import type { App } from "@slack/bolt";
import type { DoorDeps } from "../door.js";
import { askForSlack } from "./ask.js";
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
export function registerCommand(app: App, deps: DoorDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond }) => {
    const parsed = SlashCommand.safeParse(command);
    const question = parsed.success ? parsed.data.text.trim() : "";
    if (!parsed.success || !question) {
      await ack({ response_type: "ephemeral", text: helpText(deps.assistant) });
      return;
    }
    await ack({ response_type: "ephemeral", text: TEXTS.working });
    const { channel_id, user_id } = parsed.data;
    const { messages } = await askForSlack(deps, question, commandConversation(channel_id, user_id), "command");
    for (const message of messages) await respond({ response_type: "ephemeral", replace_original: false, ...message });
  });
}
