import { terms } from "../text/tokenize.js";

export type QuestionGroup = {
  /** The most recent question of the group. */
  question: string;
  count: number;
  lastAt: string;
  /** Up to five other wordings, most recent first. */
  examples: string[];
};

type Asked = { question: string; at: string };

/** Share of stemmed content words two questions have in common (Dice: lenient to one extra word in short questions). */
function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Groups questions that ask the same thing in other words ("wat verdient
 * schaal 8" ~ "salaris schaal 8"), comparing stemmed content words against
 * each group's first question. Most asked first. Bounded: the newest `limit`
 * questions only.
 */
export function groupSimilarQuestions(asked: Asked[], threshold = 0.5, limit = 5000): QuestionGroup[] {
  const newestFirst = [...asked].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  const groups: { terms: Set<string>; group: QuestionGroup }[] = [];
  for (const { question, at } of newestFirst) {
    const own = new Set(terms(question));
    let best: (typeof groups)[number] | undefined;
    let bestScore = threshold;
    for (const candidate of groups) {
      const score = own.size ? similarity(own, candidate.terms) : question.trim().toLowerCase() === candidate.group.question.trim().toLowerCase() ? 1 : 0;
      if (score >= bestScore) [best, bestScore] = [candidate, score];
    }
    if (best) {
      best.group.count++;
      if (best.group.examples.length < 5 && !best.group.examples.includes(question) && question !== best.group.question) best.group.examples.push(question);
    } else {
      groups.push({ terms: own, group: { question, count: 1, lastAt: at, examples: [] } });
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
