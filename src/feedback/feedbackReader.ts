import { z } from "zod";
import { FeedbackSchema } from "./feedbackLog.js";
import { readJsonLinesLeniently } from "./jsonLines.js";

export const StoredFeedbackSchema = FeedbackSchema.extend({ at: z.string() });
export type StoredFeedback = z.infer<typeof StoredFeedbackSchema>;

/** The read side of the feedback log, for the insights page; kept apart from FeedbackStore.record(). */
export interface FeedbackReader {
  /** Votes recorded at or after `since` (all when omitted), oldest first. */
  list(since?: Date): Promise<StoredFeedback[]>;
}

/** Reads the `feedback.jsonl` that JsonlFeedbackLog writes; malformed lines are skipped. */
export class JsonlFeedbackReader implements FeedbackReader {
  constructor(private readonly file: string) {}

  async list(since?: Date): Promise<StoredFeedback[]> {
    const from = since?.getTime() ?? -Infinity;
    return (await readJsonLinesLeniently(this.file, StoredFeedbackSchema)).filter((vote) => Date.parse(vote.at) >= from);
  }
}
