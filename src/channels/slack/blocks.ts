import type { types } from "@slack/bolt";
import type { Answer, Citation } from "../../answer/answer.js";
import { answerId } from "../../answer/answerId.js";
import { sayIn } from "../shared/language.js";
import { escapeMrkdwn, splitText, toMrkdwn, truncate } from "./mrkdwn.js";
import { FEEDBACK_ACTIONS, FOLLOW_UP_ACTION_PREFIX } from "./subscriptions.js";

export type Block = types.KnownBlock;

/** What chat.postMessage / respond / say get: blocks plus the notification fallback. */
export type SlackMessage = { text: string; blocks: Block[] };

/** Block Kit limits (docs.slack.dev/reference/block-kit): exceeding one makes Slack reject the message. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fallbackText: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  followUps: 3,
} as const;

const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text } });

function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): types.Button {
  return { type: "button", action_id: actionId, text: { type: "plain_text", text: truncate(label, LIMITS.buttonText), emoji: true }, value, ...(style ? { style } : {}) };
}

/** "📄 document › section", once per document and section. */
function sourcesBlock(citations: Citation[]): Block | undefined {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { source, section: where } of citations) {
    const line = `📄 ${[source, where].filter(Boolean).join(" › ")}`;
    if (!seen.has(line)) seen.add(line);
    else continue;
    lines.push(line);
  }
  if (!lines.length) return undefined;
  return { type: "context", elements: lines.slice(0, LIMITS.contextElements).map((line) => ({ type: "mrkdwn", text: truncate(escapeMrkdwn(line), LIMITS.sectionText) })) };
}

function followUpBlock(followUps: string[]): Block | undefined {
  const buttons = followUps
    .map((question) => question.trim())
    .filter(Boolean)
    .slice(0, LIMITS.followUps)
    .map((question, n) => button(`${FOLLOW_UP_ACTION_PREFIX}${n}`, question, truncate(question, LIMITS.buttonValue)));
  return buttons.length ? { type: "actions", block_id: "fw_followups", elements: buttons } : undefined;
}

/** The feedback button value: {vote, answerId, question}, the question cut so the JSON fits. */
export function feedbackValue(vote: "up" | "down", id: string, question: string): string {
  let kept = question;
  let value = JSON.stringify({ vote, answerId: id, question: kept });
  while (value.length > LIMITS.buttonValue) {
    kept = kept.slice(0, Math.max(0, kept.length - Math.max(50, value.length - LIMITS.buttonValue)));
    value = JSON.stringify({ vote, answerId: id, question: kept });
  }
  return value;
}

function feedbackBlock(answer: Answer): Block {
  const id = answerId(answer);
  return {
    type: "actions",
    block_id: "fw_feedback",
    elements: [
      button(FEEDBACK_ACTIONS.up, sayIn(answer.language, "👍 Nuttig", "👍 Helpful"), feedbackValue("up", id, answer.question)),
      button(FEEDBACK_ACTIONS.down, sayIn(answer.language, "👎 Niet nuttig", "👎 Not helpful"), feedbackValue("down", id, answer.question)),
    ],
  };
}

/** Plain notification text: the Markdown without its heaviest markup, escaped and cut. */
export function fallbackText(markdown: string): string {
  const plain = markdown.replace(/^#+\s*/gm, "").replace(/\*\*|__/g, "");
  return truncate(escapeMrkdwn(plain), LIMITS.fallbackText);
}

/**
 * An Answer as a Slack message: the answer in mrkdwn sections, the sources as a
 * context block, follow-up buttons and 👍/👎. Sections are dropped from the end
 * (last one marked "…") if the 50-block limit would be exceeded.
 */
export function answerMessage(answer: Answer, options: { echoQuestion?: boolean } = {}): SlackMessage {
  // A button click has no visible question in the thread, so the answer repeats it.
  const head: Block[] = options.echoQuestion ? [{ type: "context", elements: [{ type: "mrkdwn", text: `❓ ${truncate(escapeMrkdwn(answer.question), LIMITS.sectionText - 2)}` }] }] : [];
  const tail = [sourcesBlock(answer.citations), followUpBlock(answer.followUps), feedbackBlock(answer)].filter((b): b is Block => Boolean(b));
  const room = LIMITS.blocks - head.length - tail.length;
  const pieces = splitText(toMrkdwn(answer.answer) || "…", LIMITS.sectionText);
  const kept = pieces.slice(0, room);
  if (pieces.length > room) kept[kept.length - 1] = truncate(kept[kept.length - 1] ?? "", LIMITS.sectionText - 2) + " …";
  return { text: fallbackText(answer.answer), blocks: [...head, ...kept.map(section), ...tail] };
}

/** A short text-only message (greeting, help, errors) in the same shape. */
export function textMessage(mrkdwn: string): SlackMessage {
  return { text: truncate(mrkdwn, LIMITS.fallbackText), blocks: [section(truncate(mrkdwn, LIMITS.sectionText))] };
}
