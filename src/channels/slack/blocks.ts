import type { types } from "@slack/bolt";
import type { Answer, Citation } from "../../domain/answer.js";
import { answerId } from "../../answer/answerId.js";
import { sayIn } from "../shared/language.js";
import { expansionBlock } from "./expansions.js";
import { MARKDOWN_MAX, neutralizeSlackSyntax, splitMarkdown } from "./markdown.js";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";
import { message } from "../../vocabulary/messages.js";
import { kitRoles } from "../shared/kitRoles.js";
import { FEEDBACK_ACTION, FOLLOW_UP_ACTION_PREFIX, KIT_ACTION_PREFIX, SOURCE_ACTION_PREFIX } from "./subscriptions.js";

export type Block = types.KnownBlock;

/** What chat.postMessage / respond / say get: blocks plus the notification fallback. */
export type SlackMessage = { text: string; blocks: Block[] };

/** Block Kit limits (docs.slack.dev/reference/block-kit): exceeding one makes Slack reject the message. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  /** All markdown blocks of one message together. */
  markdown: MARKDOWN_MAX,
  fallbackText: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  followUps: 3,
  /** Sources listed with a "quote" button; more are summed up in one line. */
  sources: 5,
  /** An answer longer than this many messages is cut (with "…") rather than flooding the thread. */
  messages: 4,
} as const;

const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text } });

function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): types.Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: truncate(label, LIMITS.buttonText), emoji: true },
    value,
    ...(style ? { style } : {}),
  };
}

/** Shrinks `field` of a JSON button value until the whole value fits Slack's 2000 characters. */
function fitValue<T extends Record<string, string>>(value: T, field: keyof T): string {
  let kept = value[field] ?? "";
  let json = JSON.stringify(value);
  while (json.length > LIMITS.buttonValue && kept.length > 0) {
    kept = kept.slice(0, Math.max(0, kept.length - Math.max(50, json.length - LIMITS.buttonValue)));
    json = JSON.stringify({ ...value, [field]: kept });
  }
  return json;
}

/** One listed source: a document section and the citation numbers ([n] in the answer) that point to it. */
export type SourceLine = { numbers: number[]; citation: Citation };

/** Citations grouped by document and section, in order of first mention, numbered as the answer's [n] markers. */
export function sourceLines(citations: Citation[]): SourceLine[] {
  const lines = new Map<string, SourceLine>();
  citations.forEach((citation, i) => {
    const key = `${citation.source}\u0000${citation.section}`;
    const line = lines.get(key);
    if (line) line.numbers.push(i + 1);
    else lines.set(key, { numbers: [i + 1], citation });
  });
  return [...lines.values()];
}

/** The value of a source's "quote" button: where the quote is, and the quote itself (cut to fit). */
export function sourceValue(citation: Citation, language: Answer["language"]): string {
  return fitValue({ source: citation.source, section: citation.section, quote: citation.quote ?? "", language }, "quote");
}

/** "[1, 3] 📄 Title › section" with a button that opens the quote and the whole section in a modal. */
function sourceBlocks(citations: Citation[], language: Answer["language"]): Block[] {
  const lines = sourceLines(citations);
  if (!lines.length) return [];
  const shown = lines.slice(0, LIMITS.sources).map(({ numbers, citation }, n): Block => {
    const where = [citation.title || citation.source, citation.section].filter(Boolean).join(" › ");
    const text = truncate(`*[${numbers.join(", ")}]* 📄 ${escapeMrkdwn(where)}`, LIMITS.sectionText);
    return {
      type: "section",
      text: { type: "mrkdwn", text },
      accessory: button(`${SOURCE_ACTION_PREFIX}${n}`, sayIn(language, "Citaat", "Quote"), sourceValue(citation, language)),
    };
  });
  const rest = lines.slice(LIMITS.sources);
  if (rest.length) {
    const names = rest.map(({ citation }) => citation.title || citation.source).join(", ");
    shown.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncate(escapeMrkdwn(sayIn(language, `En ${rest.length} meer: ${names}`, `And ${rest.length} more: ${names}`)), LIMITS.sectionText),
        },
      ],
    });
  }
  return [{ type: "context", elements: [{ type: "mrkdwn", text: sayIn(language, "*Bronnen*", "*Sources*") }] }, ...shown];
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
  return fitValue({ vote, answerId: id, question }, "question");
}

/** Slack's native 👍/👎 (feedback_buttons in a context_actions block), as Slack's own AI apps show them. */
export function feedbackBlock(answer: Pick<Answer, "question" | "answer" | "language">): Block {
  const id = answerId(answer);
  const en = answer.language === "en";
  return {
    type: "context_actions",
    block_id: "fw_feedback",
    elements: [
      {
        type: "feedback_buttons",
        action_id: FEEDBACK_ACTION,
        positive_button: {
          text: { type: "plain_text", text: en ? "Helpful" : "Nuttig" },
          accessibility_label: en ? "This answer was helpful" : "Dit antwoord was nuttig",
          value: feedbackValue("up", id, answer.question),
        },
        negative_button: {
          text: { type: "plain_text", text: en ? "Not helpful" : "Niet nuttig" },
          accessibility_label: en ? "This answer was not helpful" : "Dit antwoord was niet nuttig",
          value: feedbackValue("down", id, answer.question),
        },
      },
    ],
  };
}

/** Plain notification text: the Markdown without its heaviest markup, escaped and cut. */
export function fallbackText(markdown: string): string {
  const plain = markdown
    .replace(/^#+[ \t]*/gm, "")
    .replaceAll("**", "")
    .replaceAll("__", "");
  return truncate(escapeMrkdwn(plain), LIMITS.fallbackText);
}

/** Under an interview answer: a button per role that uploads its interview kit (.docx) into the thread. */
function kitBlock(answer: Answer): Block | undefined {
  const buttons = kitRoles(answer).map((role, n) =>
    button(
      `${KIT_ACTION_PREFIX}${n}`,
      `📄 ${message(answer.language, "kit.link")}: ${role}`,
      JSON.stringify({ role: role.slice(0, 200), language: answer.language }),
    ),
  );
  return buttons.length ? { type: "actions", block_id: "fw_kits", elements: buttons } : undefined;
}

/** Everything that follows the answer text: "show the rest" of shortened lists, sources, kit and follow-up buttons, feedback. */
export function answerTail(answer: Answer): Block[] {
  return [
    expansionBlock(answer.expansions),
    ...sourceBlocks(answer.citations, answer.language),
    kitBlock(answer),
    followUpBlock(answer.followUps),
    feedbackBlock(answer),
  ].filter((b): b is Block => Boolean(b));
}

/** The question repeated above an answer a button asked (a click leaves no visible question in the thread). */
export function questionEcho(question: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: `❓ ${truncate(escapeMrkdwn(question), LIMITS.sectionText - 2)}` }] };
}

/** The answer's Markdown, made safe for Slack and cut into message-sized pieces (at most LIMITS.messages). */
export function answerPieces(markdown: string): string[] {
  const pieces = splitMarkdown(neutralizeSlackSyntax(markdown) || "…", LIMITS.markdown);
  if (pieces.length <= LIMITS.messages) return pieces;
  const kept = pieces.slice(0, LIMITS.messages);
  kept[kept.length - 1] = `${truncate(kept[kept.length - 1] ?? "", LIMITS.markdown - 2)} …`;
  return kept;
}

/**
 * An Answer as Slack messages: the answer in a `markdown` block (standard
 * Markdown; Slack renders tables and lists), split over several messages when
 * it exceeds Slack's 12,000 characters per message; the last message carries
 * the sources, follow-up buttons and feedback.
 */
export function answerMessages(answer: Answer, options: { echoQuestion?: boolean } = {}): SlackMessage[] {
  const pieces = answerPieces(answer.answer);
  return pieces.map((piece, i) => {
    const blocks: Block[] = [];
    if (i === 0 && options.echoQuestion) blocks.push(questionEcho(answer.question));
    blocks.push({ type: "markdown", text: piece });
    if (i === pieces.length - 1) blocks.push(...answerTail(answer));
    return { text: i === 0 ? fallbackText(answer.answer) : truncate(escapeMrkdwn(piece), LIMITS.fallbackText), blocks };
  });
}

/** A short text-only message (greeting, help, errors) in the same shape. */
export function textMessage(mrkdwn: string): SlackMessage {
  return { text: truncate(mrkdwn, LIMITS.fallbackText), blocks: [section(truncate(mrkdwn, LIMITS.sectionText))] };
}
