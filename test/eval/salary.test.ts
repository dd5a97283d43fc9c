import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AnswerQuestionSchema } from "../../src/eval/answerQuestions.js";
import { evaluateAnswers } from "../../src/eval/answers.js";
import { readJsonLines } from "../../src/eval/searchQuestions.js";

/** `npm run eval -- --questions test/eval/salary/questions.jsonl --knowledge test/fixtures/salary/knowledge`, offline. */
describe("salary eval set (amounts and dates from the fixture salary tables)", () => {
  it("states every expected amount and date, cites only expected sources and refuses what no table has", async () => {
    const questions = await readJsonLines("test/eval/salary/questions.jsonl", AnswerQuestionSchema);
    expect(questions.length).toBeGreaterThanOrEqual(12);
    const report = await evaluateAnswers(questions, { knowledgeDir: resolve("test/fixtures/salary/knowledge"), mode: "offline" });
    expect(report.factAccuracy).toBe(1);
    expect(report.correctWithSources).toBe(1);
    expect(report.citationPrecision).toBe(1);
    expect(report.correctRefusals).toBe(1);
    expect(report.falseRefusals).toBe(0);
  }, 120_000);
});
