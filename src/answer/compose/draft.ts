import type { Citation, Intent, Language } from "../../domain/answer.js";
import type { Chunk } from "../../domain/chunk.js";
import { citationSection } from "../../domain/chunk.js";
import type { KnowledgeBase, SearchHit } from "../../search/knowledgeBase.js";
import type { Understanding } from "../understand/plan.js";

/** What a composer returns; the assistant adds question, language, mode and latency. */
export type Draft = {
  intent: Intent;
  answered: boolean;
  answer: string;
  citations: Citation[];
  followUps: string[];
  /** Lists cut short: the label line in `answer` and the rest, for "meer" and for doors that expand in place. */
  expansions?: { label: string; markdown: string }[];
};

/**
 * A Markdown list of at most `max` items; the rest goes into an expansion whose
 * label line ("…en 4 meer — vraag 'meer'") stands in the list, so nothing the
 * documents list is lost: "meer" shows it, and doors can expand it in place.
 */
export function listWithMore(items: string[], max: number, language: Language, numbered = false, expansions?: Draft["expansions"]): string {
  const line = (item: string, i: number) => (numbered ? `${i + 1}. ${item}` : `- ${item}`);
  const shown = items.slice(0, max).map(line);
  if (items.length <= max) return shown.join("\n");
  const rest = items
    .slice(max)
    .map((item, i) => line(item, i + max))
    .join("\n");
  const label = say(language, `_…en ${items.length - max} meer (vraag "meer")_`, `_…and ${items.length - max} more (ask "more")_`);
  expansions?.push({ label, markdown: rest });
  return `${shown.join("\n")}\n${label}`;
}

export type ComposeContext = { u: Understanding; kb: KnowledgeBase; hits: SearchHit[] };

export type Composer = (context: ComposeContext) => Draft | undefined;

const QUOTE_CHARS = 180;

export function shorten(text: string, max = QUOTE_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export function cite(source: string, path: string[], quote?: string): Citation {
  return { source, section: path.join(" › ") || "Document", ...(quote ? { quote: shorten(quote) } : {}) };
}

export function citeChunk(chunk: Chunk, quote?: string): Citation {
  return { source: chunk.source, section: citationSection(chunk), quote: shorten(quote ?? chunk.text.replace(/^.*:\n/, "")) };
}

/** One citation per source+section, in order. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.source}#${c.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function bullets(items: string[], max = items.length): string {
  const shown = items.slice(0, max).map((item) => `- ${item}`);
  return shown.join("\n");
}

/** Picks the Dutch or English phrasing. */
export function say(language: Language, nl: string, en: string): string {
  return language === "en" ? en : nl;
}

export function titleOf(kb: KnowledgeBase, source: string): string {
  return kb.document(source)?.title ?? source;
}

/**
 * Puts a blank line between a list and a paragraph that follows it: in
 * Markdown a line right after a list item continues that item, so a closing
 * note would otherwise render inside the last bullet.
 */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  const isItem = (line: string) => /^\s*(?:[-*]|\d+\.)\s/.test(line);
  for (const [i, line] of lines.entries()) {
    const previous = lines[i - 1];
    if (previous !== undefined && isItem(previous) && line.trim() && !isItem(line) && !/^\s{2,}/.test(line)) out.push("");
    out.push(line);
  }
  return out.join("\n");
}
