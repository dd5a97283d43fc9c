import { fold } from "../../text/normalize.js";
import { stem } from "../../text/stem.js";
import { words } from "../../text/tokenize.js";
import type { Vocabulary } from "../../vocabulary/vocabulary.js";

export type UnnamedBlock = { description: string; indicators: string[]; questions: string[]; tips: string[] };

/**
 * Names a competency the document only describes, from its whole text: each
 * competency of the vocabulary scores by its name, aliases and cue words (the
 * description counting three times), and so does each competency name used
 * elsewhere in the corpus. Below a clear signal, the description's opening
 * words are the name.
 */
export function inferCompetencyName(
  block: UnnamedBlock,
  vocabulary: Vocabulary,
  taken: ReadonlySet<string> = new Set(),
  corpusNames: readonly string[] = [],
): { name: string; confident: boolean } {
  const description = block.description;
  const body = [...block.indicators, ...block.questions, ...block.tips].join(" \n ");
  const scores = new Map<string, number>();
  const add = (name: string, score: number) => {
    if (score > 0 && !taken.has(name)) scores.set(name, (scores.get(name) ?? 0) + score);
  };
  for (const [entry, n] of vocabulary.competencyCueScores(description)) add(entry.name, 3 * n);
  for (const [entry, n] of vocabulary.competencyCueScores(body)) add(entry.name, n);
  for (const entry of vocabulary.competenciesNamed(`${description} ${body}`)) add(entry.name, 3);
  // A name the corpus uses elsewhere, whose words stand in this block ("onderhandelen" in its questions).
  const stems = new Set(words(`${description} ${body}`).map(stem));
  for (const name of corpusNames) {
    const nameStems = words(name)
      .map(stem)
      .filter((s) => s.length >= 4);
    if (nameStems.length && nameStems.every((s) => stems.has(s))) add(name, 3 * nameStems.length);
  }
  const best = [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (best && best[1] >= 3) {
    // A corpus spelling of the same competency wins over the vocabulary's.
    const corpus = corpusNames.find((n) => fold(n) === fold(best[0]));
    return { name: corpus ?? best[0], confident: true };
  }
  const opening = description
    .split(/\s+/)
    .slice(0, 5)
    .join(" ")
    .replace(/[.,;:]$/, "");
  return { name: opening || "Competentie", confident: false };
}
