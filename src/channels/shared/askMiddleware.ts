import type { Answer } from "../../domain/answer.js";
import type { AskOptions, Assistant } from "../../domain/assistant.js";

export type Ask = (question: string, options: AskOptions) => Promise<Answer>;
/** A step between a door and the Assistant, in the style of Bolt's middleware: change the call, answer itself, or call `next`. */
export type AskMiddleware = (question: string, options: AskOptions, next: Ask) => Promise<Answer>;

/** The Assistant as a door sees it: every question goes through `middleware`, in order. */
export function withAskMiddleware(assistant: Assistant, ...middleware: AskMiddleware[]): Assistant {
  const ask = middleware.reduceRight<Ask>(
    (next, step) => (question, options) => step(question, options, next),
    (question, options) => assistant.ask(question, options),
  );
  return new Proxy(assistant, { get: (target, key, receiver) => (key === "ask" ? ask : Reflect.get(target, key, receiver)) });
}
