import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { ChannelSchema } from "../domain/assistant.js";

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

/** Appends one JSON line per vote. A later store (database) implements the same interface. */
export class JsonlFeedbackLog implements FeedbackStore {
  constructor(private readonly file: string) {}

  async record(feedback: Feedback): Promise<void> {
    const entry = { at: new Date().toISOString(), ...FeedbackSchema.parse(feedback) };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, "utf8");
  }
}
