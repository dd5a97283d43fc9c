import type { Config } from "../platform/config.js";
import { JsonlFeedbackReader, type FeedbackReader } from "../feedback/feedbackReader.js";
import { answerLog, type AnswerRecord } from "./answerLog.js";
import type { RetainedJsonl } from "./retainedJsonl.js";
import { unansweredLog, type Unanswered } from "./unansweredLog.js";

/** What the insights page reads, all under DATA_DIR. */
export type InsightsSources = {
  feedback: FeedbackReader;
  answers: RetainedJsonl<AnswerRecord>;
  /** Present only when RECORD_UNANSWERED is on. */
  unanswered?: RetainedJsonl<Unanswered>;
  unansweredRetentionDays: number;
};

/** `feedback`: the read side of whichever FeedbackStore the server uses (the JSONL log by default). */
export function insightsFromConfig(config: Config, options: { feedback?: FeedbackReader; now?: () => number } = {}): InsightsSources {
  const { now } = options;
  return {
    feedback: options.feedback ?? new JsonlFeedbackReader(`${config.DATA_DIR}/feedback.jsonl`),
    answers: answerLog(config.DATA_DIR, config.INSIGHTS_RETENTION_DAYS, now),
    unanswered: config.RECORD_UNANSWERED ? unansweredLog(config.DATA_DIR, config.UNANSWERED_RETENTION_DAYS, now) : undefined,
    unansweredRetentionDays: config.UNANSWERED_RETENTION_DAYS,
  };
}
