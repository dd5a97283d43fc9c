import type { Vocabulary } from "../../vocabulary/vocabulary.js";
import { terms } from "../../text/tokenize.js";

/** Stems of the question plus its vocabulary relatives: what evidence lines are scored against. */
export function queryStems(question: string, vocabulary: Vocabulary): Set<string> {
  return new Set(terms([question, ...vocabulary.relatives(question)].join(" ")));
}

/** The stems of the question's own words: they count more than vocabulary relatives. */
export function ownStems(question: string): Set<string> {
  return new Set(terms(question));
}

/**
 * How many of the query's stems a line contains (longer shared stems count a
 * little more; the asker's own words, when given, count double).
 */
export function overlap(line: string, stems: Set<string>, own?: Set<string>): number {
  let score = 0;
  for (const term of new Set(terms(line))) if (stems.has(term)) score += (term.length >= 6 ? 1.2 : 1) * (own?.has(term) ? 2 : 1);
  return score;
}

/** The lines of a text that best match the query, in their original order (or best first, as evidence is read). */
export function bestLines(lines: string[], stems: Set<string>, max: number, own?: Set<string>, bestFirst = false): string[] {
  const scored = lines.map((line, index) => ({ line, index, score: overlap(line, stems, own) })).filter((s) => s.score > 0);
  const best = scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, max);
  return (bestFirst ? best : best.sort((a, b) => a.index - b.index)).map((s) => s.line);
}
