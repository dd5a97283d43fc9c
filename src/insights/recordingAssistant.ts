import type { Answer } from "../domain/answer.js";
import { answerId } from "../answer/answerId.js";
import type { AskOptions, Assistant } from "../domain/assistant.js";
import type { Logger } from "../platform/logger.js";
import type { AnswerRecord } from "./answerLog.js";
import type { RetainedJsonl } from "./retainedJsonl.js";
import type { Unanswered } from "./unansweredLog.js";
import { setOfSource } from "../domain/audience.js";

export type InsightRecorders = {
  /** Answer metadata (no question text), for feedback per intent. */
  answers?: RetainedJsonl<AnswerRecord>;
  /** Refused questions with their text; pass it only when RECORD_UNANSWERED is on. */
  unanswered?: RetainedJsonl<Unanswered>;
  logger: Logger;
};

/**
 * Wraps the Assistant every door talks to (web, Teams, Slack), so what is
 * recorded for the insights page does not depend on the door. A failing
 * write is logged (without the question) and never costs the user the answer.
 */
export function recordingAssistant(inner: Assistant, recorders: InsightRecorders): Assistant {
  const write = (what: string, work: Promise<void>) =>
    void work.catch((error: unknown) => recorders.logger.warn({ err: (error as Error).message, what }, "insights record not written"));
  return {
    async ask(question: string, options?: AskOptions): Promise<Answer> {
      const answer = await inner.ask(question, options);
      const at = new Date().toISOString();
      if (recorders.answers) {
        const sources = [...new Set(answer.citations.map((c) => `${c.title ?? c.source} › ${c.section}`.slice(0, 500)))].slice(0, 5);
        write(
          "answer",
          recorders.answers.append({
            at,
            answerId: answerId(answer),
            intent: answer.intent,
            answered: answer.answered,
            mode: answer.mode,
            channel: options?.channel,
            sources,
            sets: [...new Set(answer.citations.map((c) => setOfSource(c.source)))],
          }),
        );
      }
      if (recorders.unanswered && !answer.answered && answer.question) {
        write(
          "unanswered",
          recorders.unanswered.append({
            at,
            question: answer.question.slice(0, 4000),
            channel: options?.channel,
            intent: answer.intent,
            language: answer.language,
          }),
        );
      }
      return answer;
    },
    status: () => inner.status(),
    reindex: () => inner.reindex(),
    inventory: (audience) => inner.inventory(audience),
    section: (source, section, audience) => inner.section(source, section, audience),
    examples: (language, audience) => inner.examples(language, audience),
    ...(inner.interviewKit ? { interviewKit: inner.interviewKit.bind(inner) } : {}),
  };
}
