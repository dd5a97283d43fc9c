import type { ContextBlock } from "./context.js";
import { citationSection } from "../../search/chunk.js";

/** Inline markers such as [2] or [1, 3]; they are references, not facts. */
export const INLINE_MARKERS = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/** Keeps the cited ids that name a block we sent, in the model's order; reports the rest. */
export function checkCitations(ids: number[], blocks: ContextBlock[]): { kept: ContextBlock[]; dropped: number[] } {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const kept: ContextBlock[] = [];
  const dropped: number[] = [];
  for (const id of new Set(ids)) {
    const block = byId.get(id);
    if (block) kept.push(block);
    else dropped.push(id);
  }
  return { kept, dropped };
}

/** Every digit run, without leading zeros: "schaal 09", "15/16", "€ 3.500" → 9, 15, 16, 3, 500. */
function numbersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d+/g)].map((m) => m[0].replace(/^0+(?=\d)/, "")));
}

/** Letter+digit level codes ("C1", "B 2") as "C1". */
function levelCodesIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\b([A-E])\s?([1-5])\b/gi)].map((m) => `${m[1]!.toUpperCase()}${m[2]}`));
}

/** Letter levels named with their word: "niveau C", "graad B", "level A". */
function letterLevelsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\b(?:niveau|level|graad|klasse|categorie)\s+([A-E])\b(?!\s?[1-5])/gi)].map((m) => m[1]!.toUpperCase()));
}

function supportText(cited: ContextBlock[], question: string): string {
  return [question, ...cited.map(({ chunk }) => `${chunk.source}\n${chunk.title}\n${citationSection(chunk)}\n${chunk.text}`)].join("\n");
}

/**
 * The numbers and level names in the answer that the cited blocks and the
 * question do not contain: a model that "knows" a scale from training data
 * is exactly the error an HR answer must not make. Empty means supported.
 */
export function unsupportedFacts(answer: string, cited: ContextBlock[], question: string): string[] {
  // Citation markers and ordered-list numbers are layout, not facts.
  const text = answer.replace(INLINE_MARKERS, " ").replace(/^\s*\d+[.)]\s/gm, " ");
  const support = supportText(cited, question);
  const numbers = numbersIn(support);
  const codes = levelCodesIn(support);
  const letters = letterLevelsIn(support);
  const missing = [
    ...[...numbersIn(text)].filter((n) => !numbers.has(n)),
    ...[...levelCodesIn(text)].filter((c) => !codes.has(c)),
    ...[...letterLevelsIn(text)].filter((l) => !letters.has(l) && !codes.has(l)).map((l) => `niveau ${l}`),
  ];
  return [...new Set(missing)];
}
