import type { Logger } from "../platform/logger.js";
import type { SharedRedis } from "../state/sharedRedis.js";
import { FeedbackSchema, type Feedback, type FeedbackStore } from "./feedbackLog.js";
import { StoredFeedbackSchema, type FeedbackReader, type StoredFeedback } from "./feedbackReader.js";

/**
 * Votes from every replica in one Redis stream (`<prefix>feedback`, one entry
 * per vote with the same JSON as a line of feedback.jsonl; read it with
 * XRANGE). While Redis is away a vote goes to this replica's JSONL file
 * instead, so none is lost.
 */
export class RedisFeedbackLog implements FeedbackStore, FeedbackReader {
  constructor(
    private readonly redis: SharedRedis,
    private readonly fallback: FeedbackStore,
    private readonly logger: Logger,
    /** This replica's fallback file, read back with the stream so the insights page misses no vote. */
    private readonly fallbackReader?: FeedbackReader,
  ) {}

  /** Votes of every replica (the stream) plus this replica's fallback file, oldest first. */
  async list(since?: Date): Promise<StoredFeedback[]> {
    const from = since ? String(since.getTime()) : "-";
    let fromStream: StoredFeedback[] = [];
    if (this.redis.available) {
      try {
        const entries = await this.redis.run((client) => client.xrange(this.redis.key("feedback"), from, "+"));
        fromStream = entries.flatMap(([, fields]) => {
          const at = fields.indexOf("vote");
          try {
            const parsed = StoredFeedbackSchema.safeParse(JSON.parse(fields[at + 1] ?? ""));
            return at >= 0 && parsed.success ? [parsed.data] : [];
          } catch {
            return []; // not our JSON: skipped, like a torn line in the file
          }
        });
      } catch (error) {
        this.logger.debug({ err: (error as Error).message }, "feedback: Redis away, listing the local file only");
      }
    }
    const local = (await this.fallbackReader?.list(since)) ?? [];
    return [...fromStream, ...local].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  async record(feedback: Feedback): Promise<void> {
    const entry = { at: new Date().toISOString(), ...FeedbackSchema.parse(feedback) };
    if (this.redis.available) {
      try {
        await this.redis.run((client) => client.xadd(this.redis.key("feedback"), "*", "vote", JSON.stringify(entry)));
        return;
      } catch (error) {
        this.logger.debug({ err: (error as Error).message }, "feedback: writing to the local file while Redis is away");
      }
    }
    await this.fallback.record(feedback);
  }
}
