import type { Chunk } from "../../domain/chunk.js";
import { citationSection } from "../../domain/chunk.js";
import type { KnowledgeBase, SearchHit } from "../../search/knowledgeBase.js";
import type { Draft } from "../compose/draft.js";

/** One numbered block the model may cite as [id]. */
export type ContextBlock = { id: number; chunk: Chunk };

export type ContextLimits = { maxBlocks: number; maxChars: number };

export const DEFAULT_CONTEXT_LIMITS: ContextLimits = { maxBlocks: 8, maxChars: 12_000 };

/** The chunks behind the offline draft's citations: the offline answerer already judged them relevant. */
function citedChunks(kb: KnowledgeBase, offline: Draft): Chunk[] {
  return offline.citations.flatMap((c) => kb.chunksOf(c.source).filter((chunk) => citationSection(chunk) === c.section));
}

/**
 * Offline citations first, then retrieved hits; no duplicates, bounded in
 * blocks and characters so a long document cannot crowd out the question.
 */
export function selectContext(kb: KnowledgeBase, offline: Draft, hits: SearchHit[], limits: ContextLimits = DEFAULT_CONTEXT_LIMITS): ContextBlock[] {
  const seen = new Set<number>();
  const blocks: ContextBlock[] = [];
  let chars = 0;
  for (const chunk of [...citedChunks(kb, offline), ...hits.map((h) => h.chunk)]) {
    if (blocks.length >= limits.maxBlocks) break;
    if (seen.has(chunk.id)) continue;
    if (blocks.length > 0 && chars + chunk.text.length > limits.maxChars) continue;
    seen.add(chunk.id);
    chars += chunk.text.length;
    blocks.push({ id: blocks.length + 1, chunk });
  }
  return blocks;
}

/**
 * Tags that delimit data in the prompt; in data they are defused so text
 * cannot close its own block. One white-space run before the optional slash
 * and one after it, never two adjacent ones: "<" and 100,000 spaces must not
 * backtrack quadratically.
 */
const DELIMITERS = /<\s*(?:\/\s*)?(?:context|question)\s*>/gi;

export function defuse(text: string): string {
  return text.replace(DELIMITERS, (tag) => tag.replace(/</g, "‹").replace(/>/g, "›"));
}

export function renderBlock(block: ContextBlock): string {
  const { chunk } = block;
  return `[${block.id}] ${defuse(chunk.source)} — ${defuse(chunk.title)} › ${defuse(citationSection(chunk))}\n${defuse(chunk.text.trim())}`;
}

export function renderContext(blocks: ContextBlock[]): string {
  return blocks.map(renderBlock).join("\n\n");
}
