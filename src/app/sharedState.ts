import { resolve } from "node:path";
import type { Config } from "../platform/config.js";
import { JsonlFeedbackLog, type FeedbackStore } from "../feedback/feedbackLog.js";
import { RedisFeedbackLog } from "../feedback/redisFeedbackLog.js";
import { JsonlFeedbackReader } from "../feedback/feedbackReader.js";
import type { Logger } from "../platform/logger.js";
import type { Store } from "express-rate-limit";
import type { ConversationLimits, ConversationStore } from "../state/conversationStore.js";
import { FallbackConversationStore } from "../state/fallbackConversationStore.js";
import { LocalConversationStore } from "../state/localConversationStore.js";
import { FallbackRateLimitStore } from "../state/rateLimitStore.js";
import { RedisConversationStore } from "../state/redisConversationStore.js";
import { LocalSeenEvents, RedisSeenEvents, type SeenEvents } from "../state/seenEvents.js";
import { SharedRedis } from "../state/sharedRedis.js";

/** Everything a replica must share with the others, in Redis or, without REDIS_URL, in this process. */
export type SharedState = {
  /** "redis" when REDIS_URL is set (even while Redis is away: the stores fall back per process). */
  kind: "redis" | "process";
  conversations<T>(parseTurn: (value: unknown) => T, limits?: Partial<ConversationLimits>): ConversationStore<T>;
  /** For express-rate-limit; undefined means its own in-process MemoryStore. */
  rateLimitStore?: Store;
  seenEvents: SeenEvents;
  feedback: FeedbackStore;
  /** True while the shared store answers (always true for in-process state). */
  available(): boolean;
  close(): Promise<void>;
};

/** Builds the shared state the configuration asks for; with Redis, connects (without waiting for Redis to be there). */
export async function openSharedState(config: Config, logger: Logger): Promise<SharedState> {
  const file = new JsonlFeedbackLog(resolve(config.DATA_DIR, "feedback.jsonl"));
  if (!config.REDIS_URL) {
    return {
      kind: "process",
      conversations: (_parse, limits) => new LocalConversationStore(limits),
      seenEvents: new LocalSeenEvents(),
      feedback: file,
      available: () => true,
      close: async () => {},
    };
  }
  const redis = new SharedRedis({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, timeoutMs: config.REDIS_TIMEOUT_MS, logger });
  await redis.connect();
  if (redis.available) logger.info("shared state in Redis: conversation memory, rate limits, de-duplication and feedback are shared by all replicas");
  return {
    kind: "redis",
    conversations: (parse, limits) =>
      new FallbackConversationStore(new RedisConversationStore(redis, parse, limits), new LocalConversationStore(limits), logger),
    rateLimitStore: new FallbackRateLimitStore(redis),
    seenEvents: new RedisSeenEvents(redis, new LocalSeenEvents(), logger),
    feedback: new RedisFeedbackLog(redis, file, logger, new JsonlFeedbackReader(resolve(config.DATA_DIR, "feedback.jsonl"))),
    available: () => redis.available,
    close: () => redis.close(),
  };
}
