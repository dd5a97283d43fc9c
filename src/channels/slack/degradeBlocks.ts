import { randomBytes } from "node:crypto";
import type { Logger } from "../../platform/logger.js";
import type { Block, SlackMessage } from "./blocks.js";
import { truncate } from "./mrkdwn.js";
import { FEEDBACK_ACTIONS } from "./subscriptions.js";

/** Section text limit (Block Kit reference): longer answer text is cut over several sections. */
const SECTION_TEXT = 3000;
/** Slack's message text limit for the plain last resort (chat.postMessage: text is truncated past 40,000). */
const PLAIN_TEXT = 40_000;
/** Types a workspace or a place may not take yet, most recently introduced first: tried in this order when Slack names none. */
const FRAGILE_TYPES = ["context_actions", "markdown", "rich_text", "actions", "context", "section"] as const;

type AnyBlock = Block & { block_id?: string; [key: string]: unknown };

const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text: truncate(text, SECTION_TEXT) } });

/** The text a block shows, for plain fallbacks: markdown, mrkdwn, context elements and button labels. */
function textOf(block: AnyBlock): string[] {
  const b = block as Record<string, any>;
  if (typeof b.text === "string") return [b.text];
  if (typeof b.text?.text === "string") return [b.text.text];
  if (Array.isArray(b.elements))
    return b.elements.map((e: any) => e?.text?.text ?? e?.text ?? "").filter((t: unknown): t is string => typeof t === "string" && t !== "");
  return [];
}

/** The same content in older, widely supported blocks; undefined = drop it (its text survives in the plain last resort). */
function replacement(block: AnyBlock): Block[] | undefined {
  const b = block as Record<string, any>;
  switch (block.type) {
    case "markdown": {
      const text = String(b.text ?? "");
      const parts: Block[] = [];
      for (let i = 0; i < text.length; i += SECTION_TEXT) parts.push(section(text.slice(i, i + SECTION_TEXT)));
      return parts;
    }
    case "context":
      // The sources' header and "and n more": plain lines.
      return [section(textOf(block).join("  "))];
    case "context_actions": {
      // Native 👍/👎 → two ordinary buttons with the same values (the feedback handler takes both).
      const feedback = (b.elements ?? []).find((e: any) => e?.type === "feedback_buttons");
      if (!feedback) return undefined;
      const button = (id: string, side: any, emoji: string) => ({
        type: "button",
        action_id: id,
        text: { type: "plain_text", text: `${emoji} ${side?.text?.text ?? ""}`.trim(), emoji: true },
        value: String(side?.value ?? ""),
      });
      return [
        {
          type: "actions",
          elements: [button(FEEDBACK_ACTIONS.up, feedback.positive_button, "👍"), button(FEEDBACK_ACTIONS.down, feedback.negative_button, "👎")],
        } as Block,
      ];
    }
    default:
      return undefined;
  }
}

/** Slack's invalid_blocks (and friends) from a WebClient error or a response_url answer. */
export function isBlockRefusal(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } })?.data?.error ?? (error as { error?: unknown })?.error;
  return code === "invalid_blocks" || code === "invalid_blocks_format" || code === "unsupported_block_type";
}

/** The block types Slack's error names (`[json-pointer:/blocks/3/...]` in `errors` or `response_metadata.messages`). */
export function refusedTypes(error: unknown, blocks: AnyBlock[]): Set<string> {
  const data = ((error as { data?: unknown })?.data ?? error) as { errors?: unknown; response_metadata?: { messages?: unknown } };
  const lines = [
    ...(Array.isArray(data?.errors) ? data.errors : []),
    ...(Array.isArray(data?.response_metadata?.messages) ? data.response_metadata.messages : []),
  ];
  const types = new Set<string>();
  for (const line of lines) {
    for (const match of String(line).matchAll(/\/blocks\/(\d{1,2})\b/g)) {
      const type = blocks[Number(match[1])]?.type;
      if (type) types.add(type);
    }
  }
  if (!types.size) {
    const present = new Set(blocks.map((b) => b.type));
    const guess = FRAGILE_TYPES.find((t) => present.has(t));
    if (guess) types.add(guess);
  }
  return types;
}

/**
 * The message without the refused block types: each replaced by older blocks
 * that say the same (markdown → sections, sources context → section, native
 * feedback → buttons) unless that type is refused too. Undefined when nothing
 * would change (the caller then sends text only).
 */
export function withoutTypes(message: SlackMessage, refused: Set<string>): SlackMessage | undefined {
  let changed = false;
  const blocks = (message.blocks as AnyBlock[]).flatMap((block) => {
    if (!refused.has(block.type)) return [block];
    changed = true;
    return (replacement(block) ?? []).filter((b) => !refused.has(b.type));
  });
  return changed && blocks.length ? { text: message.text, blocks } : undefined;
}

/** The whole message as plain text: the answer, its sources as lines, follow-ups and all. */
export function plainText(message: SlackMessage): string {
  const lines = (message.blocks as AnyBlock[]).flatMap(textOf).filter(Boolean);
  return truncate(lines.length ? lines.join("\n") : message.text, PLAIN_TEXT);
}

/** New block ids: Slack wants fresh ones when a message is updated (ids must be unique per message and per update). */
export function freshBlockIds(message: SlackMessage): SlackMessage {
  const suffix = randomBytes(4).toString("hex");
  return {
    ...message,
    blocks: (message.blocks as AnyBlock[]).map(
      (block, i) => ({ ...block, block_id: `${block.block_id ?? `fw_${block.type}_${i}`}_${suffix}`.slice(0, 255) }) as Block,
    ),
  };
}

/**
 * Sends `message` through `send`; when Slack refuses its blocks, sends it
 * again without the refused types (at most three times), and as plain text
 * with every line (sources included) as the last resort. Other errors are
 * thrown to the caller.
 */
export async function sendDegrading<T>(send: (message: SlackMessage | { text: string }) => Promise<T>, message: SlackMessage, logger: Logger): Promise<T> {
  let current: SlackMessage = message;
  const refused = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await send(current);
    } catch (error) {
      if (!isBlockRefusal(error)) throw error;
      for (const type of refusedTypes(error, current.blocks as AnyBlock[])) refused.add(type);
      logger.warn({ channel: "slack", refused: [...refused] }, "slack refused blocks; sending the answer again without them");
      const next = withoutTypes(message, refused);
      if (!next) break;
      current = next;
    }
  }
  return send({ text: plainText(message) });
}
