import { Activity, ActivityTypes } from "@microsoft/agents-activity";
import { AgentApplication, type TurnContext, type TurnState } from "@microsoft/agents-hosting";
import type { Answer, Language } from "../../domain/answer.js";
import { answerId } from "../../answer/answerId.js";
import type { Assistant } from "../../domain/assistant.js";
import type { FeedbackStore } from "../../feedback/feedbackLog.js";
import type { Logger } from "../../platform/logger.js";
import { examplesFor, languageOf, sayIn } from "../shared/language.js";
import type { TeamsAdapter } from "./adapter.js";
import { ButtonPayload, FeedbackSubmission } from "./buttonPayload.js";
import { asAttachment, welcomeCard } from "./cards.js";
import { isResetCommand, TeamsConversations } from "./conversations.js";
import { errorSummary } from "./errorSummary.js";
import { mentionsBot, needsMention, questionText } from "./mentions.js";
import { kitDelivery } from "./interviewKitFile.js";
import { RecentMap } from "./recentMap.js";
import { UserRateLimit } from "./userRateLimit.js";
import { defaultVocabulary } from "../../vocabulary/load.js";
import { TeamsAnswerStream } from "./answerStream.js";
import { answerActivities, plainReply, type ReplyActivity, type Scope } from "./reply.js";
import { DEFAULT_SEND_RETRY, statusOf, withSendRetry, type SendRetryOptions } from "./sendRetry.js";
import { streamNotice } from "./streamNotices.js";
import type { TeamsAudiences } from "./audience.js";
import { ANONYMOUS, type Audience } from "../../domain/audience.js";

export type TeamsAgentDeps = {
  assistant: Assistant;
  feedback: FeedbackStore;
  logger: Logger;
  sensitivityLabel?: string;
  sensitivityDescription?: string;
  /** Pause between streamed updates; Teams allows about one per second. */
  streamDelayMs?: number;
  /** Retries of refused sends (tests shorten the waits). */
  sendRetry?: Partial<SendRetryOptions>;
  /** Questions per user per minute. */
  questionsPerMinute: number;
  /** Who may read an answer, from the verified activity; everyone is anonymous (public sets only) without it. */
  audiences?: TeamsAudiences;
  /** The web chat's public address, for interview kit links outside personal chat. */
  publicUrl?: string;
};

/** Teams allows about one stream update per second. */
const STREAM_DELAY_MS = 1_000;
/** Streams end after two minutes; a progress note every 30 s shows a long check is still alive. */
const STREAM_KEEP_ALIVE_MS = 30_000;

/** Which answer a sent message showed, so the native feedback invoke (which names only the message) can be recorded. */
type SentAnswer = { answerId: string; question: string };

const scopeOf = (context: TurnContext): Scope => {
  const type = context.activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat" ? type : "personal";
};

/**
 * The Teams conversation as an M365 Agents SDK application: messages and
 * card buttons become questions for the Assistant; answers come back as
 * native Teams AI messages (citations, AI label, feedback loop), streamed in
 * personal chat when a model writes them. No answer logic here.
 */
export function createTeamsAgent(adapter: TeamsAdapter, deps: TeamsAgentDeps): AgentApplication<TurnState> {
  const { assistant, feedback, logger } = deps;
  const conversations = new TeamsConversations();
  const sent = new RecentMap<string, SentAnswer>(20_000);
  const rateLimit = new UserRateLimit(deps.questionsPerMinute);
  const vocabulary = defaultVocabulary();
  // Teams shows a typing indicator for a few seconds: repeat it every 4 s while a slow (model) answer is written.
  const app = new AgentApplication<TurnState>({
    adapter,
    removeRecipientMention: false,
    startTypingTimer: false,
    typing: { initialDelayMs: 4000, intervalMs: 4000 },
  });

  const retry = { ...DEFAULT_SEND_RETRY, ...deps.sendRetry };
  /** Sends with Teams' retry policy; the connector's id, or the refusal as an error. */
  const sendChecked = async (context: TurnContext, activity: ReplyActivity | Record<string, unknown>): Promise<string | undefined> => {
    const response = await withSendRetry(
      () => context.sendActivity(Activity.fromObject(activity)),
      retry,
      (error, waitMs) => logger.warn({ channel: "teams", status: statusOf(error), waitMs }, "teams send throttled or failed; retrying"),
    );
    return response?.id;
  };
  /**
   * An answer message, checked: when Teams refuses it outright (400/413: an
   * entity or card it will not take), the same answer goes again as plain
   * text with its sources listed, so the user still gets it, once.
   */
  const deliver = async (context: TurnContext, activity: ReplyActivity | Record<string, unknown>, language: Language): Promise<string | undefined> => {
    try {
      return await sendChecked(context, activity);
    } catch (error) {
      const status = statusOf(error);
      if (status !== 400 && status !== 413) throw error;
      logger.warn({ channel: "teams", err: errorSummary(error) }, "teams refused the answer message; sending it as plain text with its sources");
      return sendChecked(context, plainReply(activity, language));
    }
  };
  const send = sendChecked;
  const questionLanguage = (question: string): Language => vocabulary.language(question);
  const remember = (id: string | undefined, answer: Answer) => {
    if (id) sent.set(id, { answerId: answerId(answer), question: answer.question });
  };
  const replyOptions = (context: TurnContext, audience: Audience) => ({
    scope: scopeOf(context),
    user: context.activity.from?.id,
    section: (source: string, section: string) => assistant.section(source, section, audience),
    sensitivityLabel: deps.sensitivityLabel,
    sensitivityDescription: deps.sensitivityDescription,
    publicUrl: deps.publicUrl,
  });
  const kits = kitDelivery({ assistant, logger, publicUrl: deps.publicUrl });

  /**
   * LLM answers in personal chat: a Teams stream that shows progress only (in
   * the question's language) while the answer is written and checked, then
   * the verified answer as its final message. The model's text never streams.
   */
  async function answerStreaming(context: TurnContext, question: string, conversation: string, audience: Audience): Promise<void> {
    const language = questionLanguage(question);
    const stream = new TeamsAnswerStream((activity) => sendChecked(context, activity), {
      logger,
      delayMs: deps.streamDelayMs ?? STREAM_DELAY_MS,
      keepAliveMs: STREAM_KEEP_ALIVE_MS,
      keepAliveText: streamNotice(language, "stillChecking"),
      fallback: (activity) => deliver(context, activity, language),
    });
    stream.inform(streamNotice(language, "searching"));
    let writing = false;
    let answer: Answer;
    try {
      answer = await assistant.ask(question, {
        conversation,
        channel: "teams",
        audience,
        // The first token says the model is writing: the user sees that it is being written and checked, not the text.
        onToken: () => {
          if (writing) return;
          writing = true;
          stream.inform(streamNotice(language, "checking"));
        },
      });
    } catch (error) {
      logger.error({ err: errorSummary(error) }, "teams answer failed");
      await stream.finish({
        type: "message",
        text: sayIn(language, "Er ging iets mis bij het beantwoorden. Probeer het nog eens.", "Something went wrong; please try again."),
      });
      return;
    }
    const [final, ...rest] = answerActivities(answer, replyOptions(context, audience));
    remember(await stream.finish(final!), answer);
    for (const activity of rest) remember(await deliver(context, activity, answer.language), answer);
  }

  async function answerQuestion(context: TurnContext, question: string): Promise<void> {
    const language = questionLanguage(question);
    const say = (nl: string, en: string) => sendChecked(context, { type: "message", text: sayIn(language, nl, en) });
    if (!assistant.status().ready)
      return void (await say(
        "Ik ben net opgestart en lees de functiebeschrijvingen nog in; probeer het over een minuut opnieuw.",
        "I have just started and am still reading the job descriptions; please try again in a minute.",
      ));
    const user = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? "anonymous";
    if (!rateLimit.allow(user))
      return void (await say(
        "Je stelt veel vragen achter elkaar; wacht even een minuut en probeer het dan opnieuw.",
        "You are asking many questions in a row; please wait a minute and try again.",
      ));
    const conversation = conversations.idFor(context.activity.conversation!.id);
    const audience = deps.audiences ? await deps.audiences.of(context.activity) : ANONYMOUS;
    if (scopeOf(context) === "personal" && assistant.status().mode === "llm") return answerStreaming(context, question, conversation, audience);
    // Offline answers take milliseconds and group chats cannot stream: one typing indicator, then the whole answer.
    if (scopeOf(context) !== "channel") {
      await sendChecked(context, { type: ActivityTypes.Typing }).catch(() => undefined);
      app.startTypingTimer(context); // stops at our first message
    }
    const answer = await assistant.ask(question, { conversation, channel: "teams", audience });
    for (const activity of answerActivities(answer, replyOptions(context, audience))) remember(await deliver(context, activity, answer.language), answer);
  }

  app.onActivity(ActivityTypes.Message, async (context) => {
    const activity = context.activity;
    // Our words follow the language of what the user wrote; the Teams locale only when there is nothing to go by.
    const language = activity.text?.trim() ? questionLanguage(activity.text) : languageOf(activity.locale);
    const say = (nl: string, en: string) => send(context, { type: "message", text: sayIn(language, nl, en) });
    // Card buttons: a payload (and, for messageBack, the question as text too).
    if (activity.value !== undefined && activity.value !== null) {
      const payload = ButtonPayload.safeParse(activity.value);
      if (payload.success && payload.data.action === "ask") return answerQuestion(context, payload.data.question);
      if (payload.success && payload.data.action === "kit") {
        // The kit as this conversation may see it: a role of another set is not made.
        const audience = deps.audiences ? await deps.audiences.of(context.activity) : ANONYMOUS;
        return kits.offer(context, payload.data, scopeOf(context) === "personal", audience);
      }
      if (payload.success && payload.data.action === "feedback") {
        // 👍/👎 on a card sent before the native feedback loop: recorded, no message in the chat.
        await feedback.record({
          channel: "teams",
          conversation: activity.conversation!.id,
          question: payload.data.question,
          answerId: payload.data.answerId,
          vote: payload.data.vote,
          user: activity.from?.aadObjectId ?? activity.from?.id,
        });
        return;
      }
      if (!activity.text) return void (await say("Die knop begrijp ik niet.", "I don't understand that button."));
    }
    if (needsMention(activity) && !mentionsBot(activity)) return; // channel chatter not meant for the bot
    const question = questionText(activity);
    if (!question) {
      if (activity.attachments?.length)
        return void (await say("Ik kan alleen tekstvragen lezen, geen bijlagen.", "I can only read text questions, not attachments."));
      return void (await say(
        `Stel gerust een vraag, bijvoorbeeld: ${examplesFor(deps.assistant, "nl")[0]}`,
        `Ask me anything, for example: ${examplesFor(deps.assistant, "en")[0]}`,
      ));
    }
    if (isResetCommand(question)) {
      conversations.reset(activity.conversation!.id);
      return void (await say(
        "Nieuw gesprek gestart: vervolgvragen gaan niet meer over het vorige onderwerp.",
        "New conversation started: follow-up questions no longer refer to the earlier topic.",
      ));
    }
    await answerQuestion(context, question);
  });

  app.onConversationUpdate("membersAdded", async (context) => {
    const activity = context.activity;
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
    if (!botAdded) return;
    const language = languageOf(activity.locale);
    await send(context, { type: "message", attachments: [asAttachment(welcomeCard(language, examplesFor(deps.assistant, language)))] });
  });

  const invokeResponse = (context: TurnContext, status: number, body: unknown = {}) =>
    send(context, { type: ActivityTypes.InvokeResponse, value: { status, body } });

  // The native feedback loop: Teams' 👍/👎 (and the dialog's text, which we do not keep) on one of our messages.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === "message/submitAction",
    async (context) => {
      const activity = context.activity;
      const submission = FeedbackSubmission.safeParse(activity.value);
      if (!submission.success) return void (await invokeResponse(context, 400, { error: "Not a feedback submission." }));
      const shown = activity.replyToId ? sent.get(activity.replyToId) : undefined;
      await feedback.record({
        channel: "teams",
        conversation: activity.conversation!.id,
        question: shown?.question ?? "",
        // A message sent before a restart (or by another replica): still recorded, tied to the Teams message.
        answerId: shown?.answerId ?? `teams-message:${String(activity.replyToId ?? "unknown").slice(0, 100)}`,
        vote: submission.data.actionValue.reaction === "like" ? "up" : "down",
        user: activity.from?.aadObjectId ?? activity.from?.id,
      });
      await invokeResponse(context, 200);
    },
    true,
  );
  // The interview kit's file consent card: accepted (upload the .docx to the user's OneDrive) or declined.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === "fileConsent/invoke",
    (context) => kits.onConsent(context),
    true,
  );
  // Invokes we do not use (message extensions, task modules…) are acknowledged, not failed.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context) => {
      logger.debug({ name: context.activity.name }, "teams invoke ignored");
      await invokeResponse(context, 200);
    },
    true,
  );
  return app;
}
