import { setImmediate as yieldToEventLoop } from "node:timers/promises";
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

/** Groups a term points to, newest first; a word every question uses says nothing past this many. */
const MAX_GROUPS_PER_TERM = 64;
/** Questions grouped between two turns of the event loop: a few milliseconds of work. */
const SLICE = 250;

type Group = { terms: Set<string>; exact: string; group: QuestionGroup };

/**
 * Groups questions that ask the same thing in other words ("wat verdient
 * schaal 8" ~ "salaris schaal 8"): a question joins the group whose first
 * question shares most of its stemmed content words (Dice ≥ threshold).
 * Candidates come from an index of term → groups (each term's list capped),
 * so grouping is linear in the number of questions, not quadratic; and it
 * yields to the event loop every few hundred questions, so an insights page
 * over thousands of refused questions never holds up other requests. Most
 * asked first. Bounded: the newest `limit` questions only.
 */
export async function groupSimilarQuestions(asked: Asked[], threshold = 0.5, limit = 5000): Promise<QuestionGroup[]> {
  const newestFirst = [...asked].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  const groups: Group[] = [];
  const byTerm = new Map<string, Group[]>();
  const byExact = new Map<string, Group>();
  for (const [i, { question, at }] of newestFirst.entries()) {
    if (i > 0 && i % SLICE === 0) await yieldToEventLoop();
    const own = new Set(terms(question));
    const exact = question.trim().toLowerCase();
    let best: Group | undefined;
    if (!own.size) best = byExact.get(exact);
    else {
      const shared = new Map<Group, number>();
      for (const term of own) for (const candidate of byTerm.get(term) ?? []) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      let bestScore = threshold;
      for (const [candidate, count] of shared) {
        const score = (2 * count) / (own.size + candidate.terms.size);
        if (score >= bestScore) [best, bestScore] = [candidate, score];
      }
    }
    if (best) {
      best.group.count++;
      if (best.group.examples.length < 5 && !best.group.examples.includes(question) && question !== best.group.question) best.group.examples.push(question);
      continue;
    }
    const group: Group = { terms: own, exact, group: { question, count: 1, lastAt: at, examples: [] } };
    groups.push(group);
    if (!own.size && !byExact.has(exact)) byExact.set(exact, group);
    for (const term of own) {
      const list = byTerm.get(term) ?? [];
      if (list.length < MAX_GROUPS_PER_TERM) list.push(group);
      byTerm.set(term, list);
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
