import { expandQuery } from "../../domain/thesaurus.js";
import { fold } from "../../text/normalize.js";
import { terms } from "../../text/tokenize.js";

/** Stems of the question plus its thesaurus relatives: what evidence lines are scored against. */
export function queryStems(question: string): Set<string> {
  return new Set(terms([question, ...expandQuery(fold(question))].join(" ")));
}

/** How many of the query's stems a line contains (longer shared stems count a little more). */
export function overlap(line: string, stems: Set<string>): number {
  let score = 0;
  for (const term of new Set(terms(line))) if (stems.has(term)) score += term.length >= 6 ? 1.2 : 1;
  return score;
}

/** The lines of a text that best match the query, in their original order. */
export function bestLines(lines: string[], stems: Set<string>, max: number): string[] {
  const scored = lines.map((line, index) => ({ line, index, score: overlap(line, stems) })).filter((s) => s.score > 0);
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.line);
}
