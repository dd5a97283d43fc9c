import type { Understanding } from "../understand/plan.js";
import { fill, type PromptSet } from "./prompts.js";

/** A question that can be read without the conversation: for retrieval and for the prompt. */
export type StandaloneQuestion = {
  /** What to search with: the follow-up plus the earlier question's subject. */
  searchText: string;
  /** What the model reads inside <question>. */
  prompt: string;
  /** The earlier question a follow-up leans on, when there is one. */
  previous?: string;
};

/**
 * Condenses a follow-up deterministically. The assistant already resolved it
 * against conversation memory (resolveFollowUp appends the previous turn's
 * search text), so we reuse that instead of spending an extra model call,
 * which would double latency and add a failure point for a one-line rewrite.
 */
export function standaloneQuestion(u: Understanding, prompts: PromptSet): StandaloneQuestion {
  const question = u.question.trim();
  const rest = u.searchText.startsWith(u.question) ? u.searchText.slice(u.question.length).trim() : "";
  const previous = u.followUp && rest ? rest : undefined;
  if (!previous) return { searchText: u.searchText, prompt: question };
  return { searchText: u.searchText, prompt: `${fill(prompts.followUp, { previous })}\n\n${question}`, previous };
}
