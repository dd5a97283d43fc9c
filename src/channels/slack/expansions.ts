import type { types } from "@slack/bolt";
import { z } from "zod";
import type { Answer } from "../../domain/answer.js";
import { MARKDOWN_MAX, neutralizeSlackSyntax } from "./markdown.js";
import { truncate } from "./mrkdwn.js";
import { EXPAND_ACTION_PREFIX } from "./subscriptions.js";

/**
 * A list cut short in the answer ("…en 12 meer") gets a button with that
 * label; clicking it puts the rest of the list in place of the label line in
 * the same message. The rest travels in the button's value (Slack gives it
 * back on the click), so any replica can expand it without a store.
 */

const VALUE_MAX = 2000;
const BUTTONS_MAX = 3;

type Block = types.KnownBlock;

export const ExpansionValue = z.object({ label: z.string().min(1).max(300), markdown: z.string().min(1).max(VALUE_MAX) });
export type ExpansionValue = z.infer<typeof ExpansionValue>;

/** {label, markdown} as JSON of at most 2000 characters: when too long, whole lines are dropped from the end and "…" added. */
export function expansionValue(label: string, markdown: string): string {
  const shortLabel = truncate(label, 300);
  let lines = markdown.split("\n");
  let value = JSON.stringify({ label: shortLabel, markdown });
  while (value.length > VALUE_MAX && lines.length > 1) {
    lines = lines.slice(0, Math.max(1, Math.floor(lines.length * 0.8)));
    value = JSON.stringify({ label: shortLabel, markdown: `${lines.join("\n")}\n…` });
  }
  if (value.length > VALUE_MAX) value = JSON.stringify({ label: shortLabel, markdown: truncate(lines[0] ?? "", 500) });
  return value;
}

export function parseExpansionValue(value: unknown): ExpansionValue | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = ExpansionValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The "show the rest" buttons, one per shortened list (at most three). */
export function expansionBlock(expansions: Answer["expansions"]): Block | undefined {
  const buttons = (expansions ?? [])
    .filter((e) => e.label.trim() && e.markdown.trim())
    .slice(0, BUTTONS_MAX)
    .map(
      (e, n): types.Button => ({
        type: "button",
        action_id: `${EXPAND_ACTION_PREFIX}${n}`,
        text: { type: "plain_text", text: truncate(e.label.trim(), 75), emoji: true },
        value: expansionValue(e.label, e.markdown),
      }),
    );
  return buttons.length ? { type: "actions", block_id: "fw_expansions", elements: buttons } : undefined;
}

const MarkdownBlock = z.object({ type: z.literal("markdown"), text: z.string() }).loose();
const ActionsBlock = z.object({ type: z.literal("actions"), elements: z.array(z.object({ action_id: z.string().optional() }).loose()) }).loose();

/**
 * The clicked message's blocks with the label line replaced by the rest of
 * the list and the clicked button removed; undefined when the label is not in
 * this message's Markdown (a streamed or continued answer) or the result would
 * pass Slack's Markdown limit; the caller then posts the rest as a reply.
 */
export function expandInPlace(blocks: unknown[], expansion: ExpansionValue, actionId: string): Block[] | undefined {
  const label = neutralizeSlackSyntax(expansion.label);
  const rest = neutralizeSlackSyntax(expansion.markdown);
  let replaced = false;
  let total = 0;
  const out: unknown[] = [];
  for (const block of blocks) {
    const markdown = MarkdownBlock.safeParse(block);
    if (markdown.success) {
      let text = markdown.data.text;
      const at = replaced ? -1 : text.indexOf(label);
      if (at >= 0) {
        text = text.slice(0, at) + rest + text.slice(at + label.length);
        replaced = true;
      }
      total += text.length;
      out.push({ ...markdown.data, text });
      continue;
    }
    const actions = ActionsBlock.safeParse(block);
    if (actions.success && actions.data.elements.some((e) => e.action_id === actionId)) {
      const elements = actions.data.elements.filter((e) => e.action_id !== actionId);
      if (elements.length) out.push({ ...actions.data, elements });
      continue;
    }
    out.push(block);
  }
  if (!replaced || total > MARKDOWN_MAX) return undefined;
  return out as Block[];
}
