import slackify from "slackify-markdown";

/** Slack's control characters; escaped in any text we did not produce ourselves. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * slackify-markdown (remark) slows down worse than linearly on runs of
 * emphasis, brackets and backticks: 16,000 characters of "_a*" took seconds.
 * Text beyond these budgets is shown escaped but unformatted instead, in
 * linear time; real answers stay far below them.
 */
const FORMAT_BUDGET = { chars: 8000, markup: 1000 };
const MARKUP = new Set(["*", "_", "`", "[", "]", "<", "!", "~", "("]);

function withinFormatBudget(markdown: string): boolean {
  if (markdown.length > FORMAT_BUDGET.chars) return false;
  let markup = 0;
  for (const ch of markdown) if (MARKUP.has(ch) && ++markup > FORMAT_BUDGET.markup) return false;
  return true;
}

/**
 * Answer Markdown as Slack mrkdwn. slackify-markdown escapes `&` but leaves a
 * stray `<` alone, so `<!channel>` or `<@U1>` in an answer would ping people:
 * every `<` that does not open a link slackify wrote is escaped afterwards.
 * (slackify's zero-width spaces around `*bold*` stay: they let Slack format mid-word.)
 */
export function toMrkdwn(markdown: string): string {
  if (!withinFormatBudget(markdown)) return escapeMrkdwn(markdown).trim();
  return slackify(markdown)
    .replace(/<(?!(?:https?:\/\/|mailto:)[^<>\s|]+(?:\|[^<>]*)?>)/g, "&lt;")
    .trim();
}

/** Cuts to at most `max` characters, ending in "…" when something was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Splits text into pieces of at most `max` characters: at paragraph breaks when
 * possible, then at line breaks, and only inside a line when a line is longer.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const push = (piece: string, separator: string): void => {
    if (!current) current = piece;
    else if (current.length + separator.length + piece.length <= max) current += separator + piece;
    else {
      pieces.push(current);
      current = piece;
    }
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.length <= max) {
      push(paragraph, "\n\n");
      continue;
    }
    for (const line of paragraph.split("\n")) {
      if (line.length <= max) push(line, "\n");
      else for (let i = 0; i < line.length; i += max) push(line.slice(i, i + max), "");
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
