import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AnswerQuestionSchema } from "../../src/eval/answerQuestions.js";
import { evaluateAnswers } from "../../src/eval/answers.js";
import { readJsonLines } from "../../src/eval/searchQuestions.js";

describe("answer quality (npm run eval, offline mode)", () => {
  it("meets the targets on the labelled question set", async () => {
    const questions = await readJsonLines("test/eval/dev/questions.jsonl", AnswerQuestionSchema);
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(8);
    const report = await evaluateAnswers(questions, { knowledgeDir: resolve("knowledge"), mode: "offline" });
    expect(report.factAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.citationPrecision).toBeGreaterThanOrEqual(0.95);
    expect(report.correctRefusals).toBe(1);
    expect(report.falseRefusals).toBeLessThanOrEqual(0.05);
  }, 60_000);
});
