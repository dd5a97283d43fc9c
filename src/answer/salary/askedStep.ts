import { fold } from "../../text/normalize.js";
import { escapeRegExp, hasPhrase } from "../../ingest/salary/tableContext.js";
import type { SalaryWords } from "../../vocabulary/salarySchema.js";

/** What a salary question asks of a scale: one step ("trede 3"), one end (minimum, maximum), or the range. */
export type SalaryAsk = { step?: string; end?: "min" | "max" };

export function salaryAsk(question: string, words: SalaryWords): SalaryAsk {
  const folded = fold(question);
  const stepWords = words.stepWords.map((w) => escapeRegExp(fold(w))).join("|");
  const step = stepWords ? new RegExp(`(?:^|[^\\p{L}])(?:${stepWords})\\s{0,3}(\\d{1,2})(?!\\d)`, "u").exec(folded)?.[1] : undefined;
  if (step !== undefined) return { step: String(Number(step)) };
  const min = words.minimum.some((w) => hasPhrase(folded, w));
  const max = words.maximum.some((w) => hasPhrase(folded, w));
  return min === max ? {} : { end: min ? "min" : "max" };
}

/** Whether a level mention is really a step ("trede 3" read as a level). */
export function isStepWord(word: string | undefined, words: SalaryWords): boolean {
  return word !== undefined && words.stepWords.some((w) => fold(w) === fold(word));
}
