import type { App, RespondFn } from "@slack/bolt";
import { z } from "zod";
import type { SlackDeps } from "./audience.js";
import { askForSlack } from "./ask.js";
import { answerInThread } from "./answerInThread.js";
import { commandConversation, threadConversation } from "./conversation.js";
import { message } from "../../vocabulary/messages.js";
import { BlockActionBody, FollowUpValue, parseFeedbackValue, parseKitValue, parseSourceValue } from "./payloads.js";
import { expandInPlace, parseExpansionValue } from "./expansions.js";
import { neutralizeSlackSyntax } from "./markdown.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";
import { sourceView } from "./sourceView.js";
import { EXPAND_ACTION, FEEDBACK_ACTION, FEEDBACK_ACTIONS, FOLLOW_UP_ACTION, KIT_ACTION, SOURCE_ACTION } from "./subscriptions.js";
import { TEXTS } from "./texts.js";

/** Buttons carry `value`; feedback_buttons report the clicked button's value the same way. */
const ActionValue = z.object({ value: z.string() });
const ActionId = z.object({ action_id: z.string() });

/** Where a clicked message lives: a thread we can post in, or an ephemeral message (slash command) we can only respond to. */
type Place = { kind: "thread"; channel: string; threadTs: string; conversation: string } | { kind: "ephemeral"; conversation: string };

function placeOf(body: BlockActionBody): Place {
  const channel = body.channel?.id;
  const ts = body.message?.thread_ts ?? body.message?.ts ?? body.container?.thread_ts ?? body.container?.message_ts;
  if (channel && ts && !body.container?.is_ephemeral) return { kind: "thread", channel, threadTs: ts, conversation: threadConversation(channel, ts) };
  return { kind: "ephemeral", conversation: commandConversation(channel ?? "unknown", body.user.id) };
}

const ephemeral = (respond: RespondFn | undefined, text: string | object) =>
  respond?.({ response_type: "ephemeral", replace_original: false, ...(typeof text === "string" ? { text } : text) });

const actionValue = (action: unknown): string | undefined => {
  const parsed = ActionValue.safeParse(action);
  return parsed.success ? parsed.data.value : undefined;
};

/**
 * The answer's buttons. A follow-up asks its question in the same thread (or,
 * under an ephemeral slash-command answer, ephemerally again). A 👍/👎 is
 * recorded in the FeedbackStore and thanked privately. A source's "Quote"
 * opens a modal with the quote and the whole section. A shortened list's
 * button puts the rest of the list in place.
 */
export function registerActions(app: App, deps: SlackDeps): void {
  /** Who may read what a button shows: the place the button is in (a thread's channel, or the user alone when ephemeral). */
  const audienceOfPlace = (client: Parameters<SlackDeps["audiences"]["of"]>[0], data: z.infer<typeof BlockActionBody>, place: ReturnType<typeof placeOf>) =>
    deps.audiences.of(client, {
      workspace: data.team?.id ?? undefined,
      channel: place.kind === "thread" ? place.channel : undefined,
      user: data.user.id,
      ephemeral: place.kind === "ephemeral",
    });

  app.action({ type: "block_actions", action_id: FOLLOW_UP_ACTION }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const question = FollowUpValue.safeParse(actionValue(action));
    const where = BlockActionBody.safeParse(body);
    if (!question.success || !where.success) return;
    const place = placeOf(where.data);
    if (place.kind === "thread") {
      const thread = { channel: place.channel, threadTs: place.threadTs, userId: where.data.user.id, teamId: where.data.team?.id };
      await answerInThread(client, deps, thread, question.data, "followup");
      return;
    }
    const audience = await deps.audiences.of(client, { workspace: where.data.team?.id ?? undefined, user: where.data.user.id, ephemeral: true });
    const { messages } = await askForSlack(deps, question.data, place.conversation, "followup", { audience });
    for (const message of messages) await ephemeral(respond, message);
  });

  const feedbackIds = new RegExp(`^(${FEEDBACK_ACTION}|${FEEDBACK_ACTIONS.up}|${FEEDBACK_ACTIONS.down})$`);
  app.action({ type: "block_actions", action_id: feedbackIds }, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const vote = parseFeedbackValue(actionValue(action));
    const where = BlockActionBody.safeParse(body);
    if (!vote || !where.success) {
      logger.warn("slack: ignored a malformed feedback button");
      return;
    }
    const place = placeOf(where.data);
    const user = where.data.user.id;
    await deps.feedback.record({ channel: "slack", conversation: place.conversation, question: vote.question, answerId: vote.answerId, vote: vote.vote, user });
    deps.logger.info({ channel: "slack", vote: vote.vote, answerId: vote.answerId }, "slack feedback recorded");
    if (place.kind === "thread") await client.chat.postEphemeral({ channel: place.channel, user, thread_ts: place.threadTs, text: TEXTS.thanks });
    else await ephemeral(respond, TEXTS.thanks);
  });

  app.action({ type: "block_actions", action_id: KIT_ACTION }, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const kit = parseKitValue(actionValue(action));
    const where = BlockActionBody.safeParse(body);
    if (!kit || !where.success) {
      logger.warn("slack: ignored a malformed interview kit button");
      return;
    }
    // The kit as the place the button is in may see it: a role of another set is not made.
    const place = placeOf(where.data);
    const audience = await audienceOfPlace(client, where.data, place);
    const made = await deps.assistant.interviewKit?.(kit, audience);
    const user = where.data.user.id;
    if (!made?.ok) {
      const text = made?.message ?? TEXTS.failed;
      if (place.kind === "thread") await client.chat.postEphemeral({ channel: place.channel, user, thread_ts: place.threadTs, text });
      else await ephemeral(respond, text);
      return;
    }
    // Under an ephemeral (slash command) answer there is no thread to post in: the kit goes to the user's DM.
    const channel = place.kind === "thread" ? place.channel : (await client.conversations.open({ users: user })).channel?.id;
    if (!channel) return void (await ephemeral(respond, TEXTS.failed));
    const file = {
      file: made.docx,
      filename: made.fileName,
      title: message(kit.language, "kit.title", { role: made.role }),
      initial_comment: message(kit.language, "kit.ready", { role: made.role }),
    };
    await client.files.uploadV2(place.kind === "thread" ? { ...file, channel_id: channel, thread_ts: place.threadTs } : { ...file, channel_id: channel });
    deps.logger.info({ channel: "slack", competencies: made.competencies }, "slack interview kit uploaded");
  });

  app.action({ type: "block_actions", action_id: SOURCE_ACTION }, async ({ ack, body, action, client, logger }) => {
    await ack();
    const shown = parseSourceValue(actionValue(action));
    const where = BlockActionBody.safeParse(body);
    if (!shown || !where.success || !where.data.trigger_id) {
      logger.warn("slack: ignored a malformed source button");
      return;
    }
    // The section as the place the button is in may see it: the button's value is only a request.
    const place = placeOf(where.data);
    const audience = await audienceOfPlace(client, where.data, place);
    const full = deps.assistant.section(shown.source, shown.section, audience);
    await client.views.open({ trigger_id: where.data.trigger_id, view: sourceView(shown, full, shown.language) });
  });

  app.action({ type: "block_actions", action_id: EXPAND_ACTION }, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const expansion = parseExpansionValue(actionValue(action));
    const id = ActionId.safeParse(action);
    const where = BlockActionBody.safeParse(body);
    if (!expansion || !id.success || !where.success) {
      logger.warn("slack: ignored a malformed expand button");
      return;
    }
    const message = where.data.message;
    const expanded = message?.blocks ? expandInPlace(message.blocks, expansion, id.data.action_id) : undefined;
    const place = placeOf(where.data);
    const text = message?.text ?? truncate(escapeMrkdwn(expansion.label), 3000);
    if (place.kind === "ephemeral") {
      await respond(
        expanded
          ? { replace_original: true, text, blocks: expanded }
          : { response_type: "ephemeral", replace_original: false, text, blocks: [{ type: "markdown", text: neutralizeSlackSyntax(expansion.markdown) }] },
      );
      return;
    }
    if (expanded && message) {
      await client.chat.update({ channel: place.channel, ts: message.ts, text, blocks: expanded });
      return;
    }
    // Not in this message (a streamed or continued answer): the rest as a reply in the thread.
    await client.chat.postMessage({
      channel: place.channel,
      thread_ts: place.threadTs,
      text: truncate(escapeMrkdwn(expansion.markdown), 3000),
      blocks: [{ type: "markdown", text: neutralizeSlackSyntax(expansion.markdown) }],
    });
  });
}
