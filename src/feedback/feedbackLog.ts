import { z } from "zod";
import { RetainedJsonl } from "../insights/retainedJsonl.js";

export const FeedbackSchema = z.object({
  channel: z.enum(["web", "teams", "slack", "cli"]),
  conversation: z.string().max(512),
  /** The question the vote is about (kept: it is what makes feedback actionable). */
  question: z.string().max(4000),
  /** Stable id of the answer, e.g. a hash of question + answer text. */
  answerId: z.string().max(128),
  vote: z.enum(["up", "down"]),
  user: z.string().max(256).optional(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export interface FeedbackStore {
  record(feedback: Feedback): Promise<void>;
}

/** Votes are kept this long unless configured (FEEDBACK_RETENTION_DAYS). */
export const DEFAULT_FEEDBACK_RETENTION_DAYS = 90;

/**
 * Appends one JSON line per vote (file mode 0600: votes carry questions);
 * votes older than the retention period are pruned. A later store (database)
 * implements the same interface.
 */
export class JsonlFeedbackLog implements FeedbackStore {
  private readonly log: RetainedJsonl<Feedback & { at: string }>;

  constructor(file: string, retentionDays = DEFAULT_FEEDBACK_RETENTION_DAYS, now?: () => number) {
    this.log = new RetainedJsonl(file, FeedbackSchema.extend({ at: z.string() }), retentionDays, now);
  }

  async record(feedback: Feedback): Promise<void> {
    await this.log.append({ at: new Date().toISOString(), ...FeedbackSchema.parse(feedback) });
  }
}
