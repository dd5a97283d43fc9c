import { z } from "zod";
import { DEFAULT_FEEDBACK_RETENTION_DAYS, FeedbackSchema } from "./feedbackLog.js";
import { readJsonLinesLeniently } from "./jsonLines.js";

export const StoredFeedbackSchema = FeedbackSchema.extend({ at: z.string() });
export type StoredFeedback = z.infer<typeof StoredFeedbackSchema>;

/** The read side of the feedback log, for the insights page; kept apart from FeedbackStore.record(). */
export interface FeedbackReader {
  /** Votes recorded at or after `since` (all when omitted), oldest first. */
  list(since?: Date): Promise<StoredFeedback[]>;
}

/** Reads the `feedback.jsonl` that JsonlFeedbackLog writes; malformed lines and votes past the retention period are skipped. */
export class JsonlFeedbackReader implements FeedbackReader {
  constructor(
    private readonly file: string,
    private readonly retentionDays = DEFAULT_FEEDBACK_RETENTION_DAYS,
    private readonly now: () => number = Date.now,
  ) {}

  async list(since?: Date): Promise<StoredFeedback[]> {
    const from = Math.max(since?.getTime() ?? -Infinity, this.now() - this.retentionDays * 86_400_000);
    return (await readJsonLinesLeniently(this.file, StoredFeedbackSchema)).filter((vote) => Date.parse(vote.at) >= from);
  }
}
