/**
 * Answers go to Slack as standard Markdown in `markdown` blocks (Slack renders
 * headings, lists, tables and code itself). Two things are left to us: Slack's
 * own control syntax must not survive, and a message holds at most 12,000
 * characters of Markdown, so long answers are split where Markdown allows.
 */

/** Slack's cumulative limit for all markdown blocks in one message. */
export const MARKDOWN_MAX = 12_000;

const ZWSP = "\u200b";

/**
 * Answer text is data: `<!channel>`, `<@U123>`, `<#C1>` or `<https://evil|HR portal>`
 * must not ping anyone or disguise a link, and `&lt;!here&gt;` must not turn
 * into one. A zero-width space after every `<` and `&` breaks both syntaxes
 * without a visible change. Stateless per character, so it works on stream deltas too.
 */
export function neutralizeSlackSyntax(text: string): string {
  return text.replaceAll("<", `<${ZWSP}`).replaceAll("&", `&${ZWSP}`);
}

/** A run of lines that must stay together: a paragraph, a whole table or a whole code fence. */
type Unit = { kind: "text" | "table" | "code"; lines: string[] };

const isTableLine = (line: string): boolean => line.trimStart().startsWith("|");
const isFence = (line: string): boolean => line.trimStart().startsWith("```");
/** `|---|:--:|`: only pipes, dashes, colons and spaces (checked without a regex: linear on any input). */
const isDelimiterRow = (line: string): boolean => line.includes("-") && [...line].every((c) => c === "|" || c === "-" || c === ":" || c === " " || c === "\t");

/** Cuts Markdown into units at blank lines, never inside a table or a code fence. One pass, linear. */
export function markdownUnits(markdown: string): Unit[] {
  const units: Unit[] = [];
  let current: Unit | undefined;
  const close = () => {
    if (current?.lines.length) units.push(current);
    current = undefined;
  };
  for (const line of markdown.split("\n")) {
    if (current?.kind === "code") {
      current.lines.push(line);
      if (isFence(line)) close();
      continue;
    }
    if (isFence(line)) {
      close();
      current = { kind: "code", lines: [line] };
      continue;
    }
    const kind = isTableLine(line) ? "table" : "text";
    if (!line.trim()) {
      close();
      continue;
    }
    if (current && current.kind !== kind) close();
    current ??= { kind, lines: [] };
    current.lines.push(line);
  }
  close();
  return units;
}

/** Lines packed into pieces of at most `max` characters; a line longer than `max` is cut. */
function packLines(lines: string[], max: number, header: string[] = []): string[] {
  const pieces: string[] = [];
  const head = header.join("\n");
  let current = "";
  for (const raw of lines) {
    const room = max - (head ? head.length + 1 : 0);
    const line = raw.length > room ? `${raw.slice(0, Math.max(0, room - 1))}…` : raw;
    const next = current ? `${current}\n${line}` : line;
    if (next.length + (head ? head.length + 1 : 0) <= max) current = next;
    else {
      if (current) pieces.push(head ? `${head}\n${current}` : current);
      current = line;
    }
  }
  if (current) pieces.push(head ? `${head}\n${current}` : current);
  return pieces;
}

/** A unit as one or more pieces ≤ max: a long table repeats its header row in every piece. */
function unitPieces(unit: Unit, max: number): string[] {
  const text = unit.lines.join("\n");
  if (text.length <= max) return [text];
  if (unit.kind === "table" && unit.lines.length > 2 && isDelimiterRow(unit.lines[1] ?? "")) {
    return packLines(unit.lines.slice(2), max, unit.lines.slice(0, 2));
  }
  if (unit.kind === "code") {
    const fence = unit.lines[0] ?? "```";
    const body = unit.lines.slice(1, isFence(unit.lines.at(-1) ?? "") ? -1 : undefined);
    return packLines(body, max - fence.length - 5).map((piece) => `${fence}\n${piece}\n\`\`\``);
  }
  return packLines(unit.lines, max);
}

/**
 * Markdown split into pieces of at most `max` characters, at blank lines where
 * possible; tables and code fences stay whole unless one alone is too long.
 */
export function splitMarkdown(markdown: string, max = MARKDOWN_MAX): string[] {
  const pieces: string[] = [];
  // Parts of the piece being filled and its length so far; joined once when it is full.
  let parts: string[] = [];
  let length = 0;
  for (const unit of markdownUnits(markdown)) {
    for (const piece of unitPieces(unit, max)) {
      if (parts.length && length + 2 + piece.length <= max) {
        parts.push(piece);
        length += 2 + piece.length;
      } else {
        if (parts.length) pieces.push(parts.join("\n\n"));
        parts = [piece];
        length = piece.length;
      }
    }
  }
  if (parts.length) pieces.push(parts.join("\n\n"));
  return pieces;
}
