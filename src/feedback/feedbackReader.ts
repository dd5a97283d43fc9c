import { readFile } from "node:fs/promises";
import { z } from "zod";
import { FeedbackSchema } from "./feedbackLog.js";

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
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const from = since?.getTime() ?? -Infinity;
    const votes: StoredFeedback[] = [];
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      try {
        const parsed = StoredFeedbackSchema.safeParse(JSON.parse(line));
        if (parsed.success && Date.parse(parsed.data.at) >= from) votes.push(parsed.data);
      } catch {
        // a torn line: skip it
      }
    }
    return votes;
  }
}
