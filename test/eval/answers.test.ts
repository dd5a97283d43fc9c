import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AnswerQuestionSchema } from "../../src/eval/answerQuestions.js";
import { EVAL_SETS, evaluateAnswers, type EvalSetName } from "../../src/eval/answers.js";
import { readJsonLines } from "../../src/eval/searchQuestions.js";

async function run(name: EvalSetName) {
  const set = EVAL_SETS[name];
  const questions = await readJsonLines(set.questions, AnswerQuestionSchema);
  return { questions, report: await evaluateAnswers(questions, { knowledgeDir: resolve(set.knowledge), mode: "offline" }) };
}

/**
 * `npm run eval`, offline. The dev set is what we tune on; the held-out set
 * (unseen documents, questions written before tuning) says how well that
 * generalises; the paraphrase set asks the dev questions in other words.
 */
describe("answer quality (npm run eval, offline mode)", () => {
  it("meets the targets on the dev set", async () => {
    const { questions, report } = await run("dev");
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(8);
    expect(report.factAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.correctWithSources).toBeGreaterThanOrEqual(0.95);
    expect(report.citationPrecision).toBeGreaterThanOrEqual(0.95);
    expect(report.correctRefusals).toBe(1);
    expect(report.falseRefusals).toBeLessThanOrEqual(0.05);
    expect(report.confidentWrong).toBeLessThanOrEqual(1); // floor: measured 1; target 0
  }, 120_000);

  it("holds on the held-out set of unseen documents and reworded questions", async () => {
    const { questions, report } = await run("heldout");
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(10);
    // The targets: ≥ 0.90 with correct sources, every unanswerable question refused, ≤ 5% false refusals.
    expect(report.correctWithSources).toBeGreaterThanOrEqual(0.9);
    expect(report.citationPrecision).toBeGreaterThanOrEqual(0.95);
    expect(report.correctRefusals).toBe(1);
    expect(report.falseRefusals).toBeLessThanOrEqual(0.05);
    expect(report.confidentWrong).toBeLessThanOrEqual(2); // floor: measured 2; target 0
  }, 180_000);

  it("keeps the blind set at or above its measured floor (docs/eval-blind.md): floors, not tuned targets", async () => {
    // Written outside the team before the code changed; a question whose failure is looked at and tuned for moves
    // to the tuning side (test/eval/blind/README.md). Targets: ≥ 0.90 with sources and 0 confident-wrong.
    const { questions, report } = await run("blind");
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(report.correctWithSources).toBeGreaterThanOrEqual(0.44);
    expect(report.confidentWrong).toBeLessThanOrEqual(25);
  }, 240_000);

  it("answers dev questions asked again without the documents' own words", async () => {
    // Every dev question about a competency or a level, twice reworded so that no content word is shared with its section.
    const { questions, report } = await run("paraphrases");
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(report.factAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(report.citationPrecision).toBeGreaterThanOrEqual(0.86);
    expect(report.correctWithSources).toBeGreaterThanOrEqual(0.7);
    expect(report.confidentWrong).toBeLessThanOrEqual(5); // floor: measured 5; target 0
  }, 120_000);
});
