import type { Answer } from "../../answer/answer.js";
import type { DoorDeps } from "../../http/door.js";
import { answerMessage, textMessage, type SlackMessage } from "./blocks.js";
import { TEXTS } from "./texts.js";

/** Where in Slack a question came from; logged instead of the question itself. */
export type Source = "mention" | "dm" | "assistant" | "command" | "followup";

export type SlackReply = { message: SlackMessage; answer?: Answer };

/**
 * The one path from a Slack question to a Slack message. Never throws: a failed
 * answer becomes a polite message, since Slack shows nothing when a handler dies.
 * Question text is logged only with LOG_MESSAGE_BODIES (it is personal data).
 */
export async function askForSlack(deps: DoorDeps, question: string, conversation: string, source: Source): Promise<SlackReply> {
  const { assistant, config, logger } = deps;
  const log = logger.child({ channel: "slack", source });
  if (question.length > config.MAX_QUESTION_CHARS) {
    log.info({ chars: question.length }, "slack question too long");
    return { message: textMessage(TEXTS.tooLong(config.MAX_QUESTION_CHARS)) };
  }
  try {
    const answer = await assistant.ask(question, { conversation, channel: "slack" });
    log.info(
      { intent: answer.intent, answered: answer.answered, citations: answer.citations.length, latencyMs: answer.latencyMs, ...(config.LOG_MESSAGE_BODIES ? { question } : {}) },
      "slack question answered",
    );
    return { message: answerMessage(answer, { echoQuestion: source === "followup" }), answer };
  } catch (error) {
    log.error({ err: (error as Error).message }, "slack question failed");
    return { message: textMessage(TEXTS.failed) };
  }
}
