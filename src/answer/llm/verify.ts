import type { ContextBlock } from "./context.js";
import { citationSection } from "../../domain/chunk.js";
import { extractFacts, type NumberFact } from "./facts.js";

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

/** Ordered-list numbers ("1. ", "2) ") at the start of a line; checked line by line, anchored, so linear. */
function withoutListNumbers(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^[ \t]*\d+[.)][ \t]/, " "))
    .join("\n");
}

/** Each cited block's source, title, heading path and text; separate lines, so a heading's unit never binds to the text. */
function supportTexts(cited: ContextBlock[]): string[] {
  return cited.map(({ chunk }) => `${chunk.source}\n${chunk.title}\n${citationSection(chunk)}\n${chunk.text}`);
}

const label = (fact: NumberFact) => (fact.unit ? `${fact.unit} ${fact.value}` : fact.value);

/**
 * The numbers and level names in the answer that the cited blocks do not
 * contain: a model that "knows" a scale from training data is exactly the
 * error an HR answer must not make. A number with a unit or level word must
 * occur with the same unit ("schaal 14" is not supported by "Functieklasse
 * 14"); a bare number must occur somewhere. The question is never support:
 * "my colleague says schaal 14?" must not let the model confirm it. Empty
 * means supported.
 */
export function unsupportedFacts(answer: string, cited: ContextBlock[]): string[] {
  // Citation markers and ordered-list numbers are layout, not facts.
  const facts = extractFacts(withoutListNumbers(answer.replace(INLINE_MARKERS, " ")));
  const withUnit = new Set<string>();
  const anyUnit = new Set<string>();
  const codes = new Set<string>();
  const letters = new Set<string>();
  for (const text of supportTexts(cited)) {
    const support = extractFacts(text);
    for (const fact of support.numbers) {
      anyUnit.add(fact.value);
      if (fact.unit) withUnit.add(label(fact));
    }
    for (const code of support.codes) codes.add(code);
    for (const letter of support.letters) letters.add(letter);
  }
  const missing = [
    ...facts.numbers.filter((fact) => (fact.unit ? !withUnit.has(label(fact)) : !anyUnit.has(fact.value))).map(label),
    ...[...facts.codes].filter((c) => !codes.has(c)),
    // "Niveau C" is supported by a letter level C or a code within it (C1, C2).
    ...[...facts.letters].filter((l) => !letters.has(l) && ![...codes].some((c) => c.startsWith(l))).map((l) => `niveau ${l}`),
  ];
  return [...new Set(missing)];
}
