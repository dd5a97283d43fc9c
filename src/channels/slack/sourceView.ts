import type { types } from "@slack/bolt";
import type { SectionText } from "../../domain/assistant.js";
import { truncate } from "./mrkdwn.js";

/** Modal limits: title 24 characters, header 150, a section's text 3000, 100 blocks. */
const VIEW = { title: 24, header: 150, text: 3000, sectionBlocks: 20 } as const;

const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: false });

/** Text cut into pieces that fit a section block each, at line breaks where possible. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

export type SourceShown = { source: string; section: string; quote: string; title?: string; system?: string };

/**
 * The modal a source's "Quote" button opens: document title, where in it, the
 * quote the answer leaned on, then the whole section when the index still has
 * it. Document text is shown as plain_text: it is data, never Slack markup.
 */
export function sourceView(shown: SourceShown, full: SectionText | undefined, language: "nl" | "en"): types.View {
  const en = language === "en";
  const title = full?.title || shown.title || shown.source;
  const where = [shown.source, full?.system || shown.system, shown.section].filter(Boolean).join(" › ");
  const blocks: types.KnownBlock[] = [
    { type: "header", text: plain(truncate(title, VIEW.header)) },
    { type: "context", elements: [plain(truncate(where, VIEW.text))] },
  ];
  if (shown.quote.trim()) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: en ? "*Quote*" : "*Citaat*" } });
    blocks.push({ type: "section", text: plain(truncate(`“${shown.quote.trim()}”`, VIEW.text)) });
  }
  if (full) {
    blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: en ? "*The whole section*" : "*De hele sectie*" } });
    const parts = pieces(full.text, VIEW.text);
    for (const part of parts.slice(0, VIEW.sectionBlocks)) blocks.push({ type: "section", text: plain(part) });
    if (parts.length > VIEW.sectionBlocks) blocks.push({ type: "context", elements: [plain("…")] });
  }
  return { type: "modal", title: plain(truncate(en ? "Source" : "Bron", VIEW.title)), close: plain(en ? "Close" : "Sluiten"), blocks };
}
