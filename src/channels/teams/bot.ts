import { ActivityHandler, ActivityTypes, type InvokeResponse, type TurnContext } from "botbuilder";
import type { Assistant } from "../../answer/port.js";
import type { FeedbackStore } from "../../feedback/feedbackLog.js";
import type { Logger } from "../../logger.js";
import { ButtonPayload } from "./buttonPayload.js";
import { EXAMPLES, languageOf, sayIn } from "../shared/language.js";
import { answerCards, welcomeCard } from "./cards.js";
import { mentionsBot, needsMention, questionText } from "./mentions.js";

export type TeamsBotDeps = { assistant: Assistant; feedback: FeedbackStore; logger: Logger };

/**
 * The Teams conversation: turns messages and card buttons into questions for
 * the Assistant and renders its answers as Adaptive Cards. No answer logic here.
 */
export class FunctiewijzerTeamsBot extends ActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) {
        const language = languageOf(context.activity.locale);
        await context.sendActivity({ attachments: [welcomeCard(language, EXAMPLES[language])] });
      }
      await next();
    });
  }

  /** Invokes we do not use (message extensions, task modules…) are acknowledged, not failed. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    this.deps.logger.debug({ name: context.activity.name }, "teams invoke ignored");
    return { status: 200, body: {} };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const language = languageOf(activity.locale);
    // Card buttons arrive as a message with a value and no text.
    if (activity.value !== undefined && !activity.text) {
      const payload = ButtonPayload.safeParse(activity.value);
      if (!payload.success) return void (await context.sendActivity(sayIn(language, "Die knop begrijp ik niet.", "I don't understand that button.")));
      if (payload.data.action === "feedback") {
        await this.deps.feedback.record({ channel: "teams", conversation: activity.conversation.id, question: payload.data.question, answerId: payload.data.answerId, vote: payload.data.vote, user: activity.from?.aadObjectId ?? activity.from?.id });
        return void (await context.sendActivity(sayIn(language, "Bedankt voor je feedback!", "Thanks for your feedback!")));
      }
      return this.answer(context, payload.data.question);
    }
    if (needsMention(activity) && !mentionsBot(activity)) return; // channel chatter not meant for the bot
    const question = questionText(activity);
    if (!question) {
      const hint = activity.attachments?.length
        ? sayIn(language, "Ik kan alleen tekstvragen lezen, geen bijlagen.", "I can only read text questions, not attachments.")
        : sayIn(language, "Stel gerust een vraag, bijvoorbeeld: ", "Ask me anything, for example: ") + EXAMPLES[language][0];
      return void (await context.sendActivity(hint));
    }
    await this.answer(context, question);
  }

  private async answer(context: TurnContext, question: string): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    // The conversation id includes the thread in channels (";messageid=…"), so follow-ups stay per thread.
    const answer = await this.deps.assistant.ask(question, { conversation: `teams:${context.activity.conversation.id}`, channel: "teams" });
    const cards = answerCards(answer);
    for (const [i, card] of cards.entries()) {
      await context.sendActivity({ attachments: [card], ...(i === 0 ? { summary: answer.answer.slice(0, 200) } : {}) });
    }
  }
}
