import type { Logger } from "../logger.js";
import type { SharedRedis } from "../state/sharedRedis.js";
import { FeedbackSchema, type Feedback, type FeedbackStore } from "./feedbackLog.js";

/**
 * Votes from every replica in one Redis stream (`<prefix>feedback`, one entry
 * per vote with the same JSON as a line of feedback.jsonl; read it with
 * XRANGE). While Redis is away a vote goes to this replica's JSONL file
 * instead, so none is lost.
 */
export class RedisFeedbackLog implements FeedbackStore {
  constructor(
    private readonly redis: SharedRedis,
    private readonly fallback: FeedbackStore,
    private readonly logger: Logger,
  ) {}

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
