import type { Assistant, Channel } from "../../domain/assistant.js";
import { withAskMiddleware } from "./askMiddleware.js";
import { namespacedConversations } from "./namespacedConversations.js";
import { perUserRateLimit } from "./perUserRateLimit.js";

export type DoorKitOptions = {
  /** Questions per user per minute; off when undefined (a door that limits users itself, or has none). */
  questionsPerMinute?: number;
  /** What a user over the limit reads. */
  tooMany?: string;
};

/** The shared middleware every door puts before the Assistant: its own conversation namespace, then per-user limits. */
export function doorKit(channel: Channel, assistant: Assistant, options: DoorKitOptions = {}): Assistant {
  const limit = options.questionsPerMinute ? [perUserRateLimit({ perMinute: options.questionsPerMinute, refusal: options.tooMany ?? "" })] : [];
  return withAskMiddleware(assistant, namespacedConversations(channel), ...limit);
}
