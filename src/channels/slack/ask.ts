import type { Answer } from "../../domain/answer.js";
import type { DoorDeps } from "../door.js";
import type { Audience } from "../../domain/audience.js";
import { answerMessages, textMessage, type SlackMessage } from "./blocks.js";
import { TEXTS } from "./texts.js";

/** Where in Slack a question came from; logged instead of the question itself. */
export type Source = "mention" | "dm" | "assistant" | "command" | "followup";

/** The messages to post for one question, in order (long answers take several), and the answer if there is one. */
export type SlackReply = { messages: SlackMessage[]; answer?: Answer };

export type SlackAskOptions = {
  /** Repeat the question above the answer (follow-up buttons: the click left no visible question). */
  echoQuestion?: boolean;
  /** Who may read the answer (SlackAudiences); anonymous, public sets only, when absent. */
  audience?: Audience;
};

/**
 * The one path from a Slack question to Slack messages. Never throws: a failed
 * answer becomes a polite message, since Slack shows nothing when a handler dies.
 * Question text is logged only with LOG_MESSAGE_BODIES (it is personal data).
 */
export async function askForSlack(deps: DoorDeps, question: string, conversation: string, source: Source, options: SlackAskOptions = {}): Promise<SlackReply> {
  const { assistant, config, logger } = deps;
  const log = logger.child({ channel: "slack", source });
  if (question.length > config.MAX_QUESTION_CHARS) {
    log.info({ chars: question.length }, "slack question too long");
    return { messages: [textMessage(TEXTS.tooLong(config.MAX_QUESTION_CHARS))] };
  }
  try {
    // No onToken: a chat platform never shows the model's text before it is verified.
    const answer = await assistant.ask(question, { conversation, channel: "slack", ...(options.audience ? { audience: options.audience } : {}) });
    log.info(
      {
        intent: answer.intent,
        answered: answer.answered,
        citations: answer.citations.length,
        latencyMs: answer.latencyMs,
        ...(config.LOG_MESSAGE_BODIES ? { question } : {}),
      },
      "slack question answered",
    );
    return { messages: answerMessages(answer, { echoQuestion: options.echoQuestion ?? source === "followup" }), answer };
  } catch (error) {
    log.error({ err: (error as Error).message }, "slack question failed");
    return { messages: [textMessage(TEXTS.failed)] };
  }
}
