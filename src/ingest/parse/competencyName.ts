import { COMPETENCY_LEXICON } from "../../domain/competencyLexicon.js";
import { fold } from "../../text/normalize.js";

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * Names a competency the document only describes. Scores each known
 * competency by how often its cue words occur, the description counting most;
 * below a clear signal the description's own opening words are the name.
 */
export function inferCompetencyName(
  block: { description: string; indicators: string[]; questions: string[]; tips: string[] },
  taken: ReadonlySet<string> = new Set(),
): { name: string; inferred: true } {
  const description = fold(block.description);
  const body = fold([...block.indicators, ...block.questions, ...block.tips].join(" \n "));
  let best: { name: string; score: number } | undefined;
  for (const entry of COMPETENCY_LEXICON) {
    if (taken.has(entry.name)) continue;
    let score = 0;
    for (const cue of entry.cues) score += 3 * count(description, cue) + count(body, cue);
    if (score > (best?.score ?? 0)) best = { name: entry.name, score };
  }
  if (best && best.score >= 3) return { name: best.name, inferred: true };
  const words = block.description.split(/\s+/).slice(0, 5).join(" ").replace(/[.,;:]$/, "");
  return { name: words || "Competentie", inferred: true };
}
