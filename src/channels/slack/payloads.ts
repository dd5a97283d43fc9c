import { z } from "zod";

/**
 * The few fields the door reads from Slack payloads, validated: Bolt's types
 * describe what Slack should send, these check what actually arrived.
 * Unknown fields pass through untouched (Slack adds fields over time).
 */

/** Enough of any event to decide whether to ignore it. */
export const EventHead = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: z.string().optional(),
  channel_type: z.string().optional(),
});

/** app_mention, and a user's message in a DM or an assistant thread. */
export const UserMessage = z.object({
  channel: z.string().min(1),
  user: z.string().optional(),
  team: z.string().optional(),
  text: z.string().default(""),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
});
export type UserMessage = z.infer<typeof UserMessage>;

export const SlashCommand = z.object({
  team_id: z.string().optional(),
  channel_id: z.string().min(1),
  user_id: z.string().min(1),
  text: z.string().default(""),
});

/** A block_actions body: who clicked, where, and on which message. */
export const BlockActionBody = z.object({
  user: z.object({ id: z.string().min(1) }),
  team: z.object({ id: z.string() }).nullish(),
  trigger_id: z.string().optional(),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ is_ephemeral: z.boolean().optional(), thread_ts: z.string().optional(), message_ts: z.string().optional() }).partial().optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional(), text: z.string().optional(), blocks: z.array(z.unknown()).optional() }).optional(),
});
export type BlockActionBody = z.infer<typeof BlockActionBody>;

/** A source button's value: JSON written by blocks.ts#sourceValue. */
export const SourceValue = z.object({
  source: z.string().min(1).max(1000),
  section: z.string().max(2000),
  quote: z.string().max(2000).default(""),
  language: z.enum(["nl", "en"]).default("nl"),
});

/** Parses a source button value; undefined when it is not ours or is malformed. */
export function parseSourceValue(value: unknown): z.infer<typeof SourceValue> | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = SourceValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A follow-up button's value is the question itself. */
export const FollowUpValue = z.string().trim().min(1).max(2000);

/** The value of an "interview kit" button: the role's title and the answer's language. */
export const KitValue = z.object({ role: z.string().trim().min(1).max(200), language: z.enum(["nl", "en"]) });
export function parseKitValue(value: unknown): z.infer<typeof KitValue> | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = KitValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A feedback button's value: JSON written by blocks.ts#feedbackValue. */
export const FeedbackValue = z.object({
  vote: z.enum(["up", "down"]),
  answerId: z.string().regex(/^[0-9a-f]{8,64}$/),
  question: z.string().max(4000),
});

/** Parses a feedback button value; undefined when it is not ours or is malformed. */
export function parseFeedbackValue(value: unknown): z.infer<typeof FeedbackValue> | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = FeedbackValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
