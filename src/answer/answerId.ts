import { createHash } from "node:crypto";
import type { Answer } from "../domain/answer.js";

/** A short stable id for an answer, used to tie feedback votes to what was shown. */
export function answerId(answer: Pick<Answer, "question" | "answer">): string {
  return createHash("sha256").update(answer.question).update("\u0000").update(answer.answer).digest("hex").slice(0, 16);
}
