import type { Answer } from "../../domain/answer.js";
import type { AskMiddleware } from "./askMiddleware.js";
import { currentDoorTurn } from "./doorTurn.js";

/** Users remembered per process; the oldest are forgotten first past this. */
const MAX_USERS = 50_000;

export type PerUserRateLimitOptions = {
  perMinute: number;
  /** What the user reads instead of an answer. */
  refusal: string;
  now?: () => number;
};

/**
 * Door middleware: at most `perMinute` questions per user per minute. A chat
 * platform's deliveries all come from its own servers (one address), so only
 * the user id tells people apart: one user's burst must not use up everyone's
 * budget. The user comes from the door's turn (withDoorTurn); a turn without
 * a user is not limited here (the address limit still applies).
 */
export function perUserRateLimit(options: PerUserRateLimitOptions): AskMiddleware {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return async (question, askOptions, next) => {
    const user = currentDoorTurn()?.user;
    if (!user) return next(question, askOptions);
    const at = now();
    let window = windows.get(user);
    if (!window || at - window.start >= 60_000) {
      windows.delete(user);
      window = { start: at, count: 0 };
      windows.set(user, window);
      if (windows.size > MAX_USERS) windows.delete(windows.keys().next().value!);
    }
    window.count++;
    if (window.count <= options.perMinute) return next(question, askOptions);
    return refusalAnswer(question, options.refusal);
  };
}

function refusalAnswer(question: string, text: string): Answer {
  return { question, answer: text, language: "nl", intent: "unknown", answered: false, mode: "offline", citations: [], followUps: [], latencyMs: 0 };
}
