import { z } from "zod";
import { ChannelSchema } from "../domain/assistant.js";
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";

export const FeedbackSchema = z.object({
  channel: ChannelSchema,
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

/** Owner only: votes carry the questions people asked. */
const FILE_MODE = 0o600;

/** Where stored votes go when retention is wanted: the server gives a log that prunes expired lines (insights/retainedJsonl.ts). */
export type VoteAppender = { append(entry: Feedback & { at: string }): Promise<void> };

/**
 * Appends one JSON line per vote (file mode 0600), through `appender` when
 * given (the server's, which drops votes past FEEDBACK_RETENTION_DAYS). A
 * later store (database) implements the same interface.
 */
export class JsonlFeedbackLog implements FeedbackStore {
  constructor(
    private readonly file: string,
    private readonly appender?: VoteAppender,
  ) {}

  async record(feedback: Feedback): Promise<void> {
    const entry = { at: new Date().toISOString(), ...FeedbackSchema.parse(feedback) };
    if (this.appender) return this.appender.append(entry);
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, { encoding: "utf8", mode: FILE_MODE });
  }
}
