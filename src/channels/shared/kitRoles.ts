import type { Answer } from "../../domain/answer.js";

/** At most this many kits are offered under one answer. */
const MAX_KITS = 2;

/**
 * The roles an answered interview question is about (its cited documents'
 * titles): each door offers their interview kit under the answer. The web
 * page (public/app.js) applies the same rule.
 */
export function kitRoles(answer: Pick<Answer, "intent" | "answered" | "citations">): string[] {
  if (answer.intent !== "interview" || !answer.answered) return [];
  return [...new Set(answer.citations.map((c) => c.title).filter((t): t is string => Boolean(t)))].slice(0, MAX_KITS);
}
