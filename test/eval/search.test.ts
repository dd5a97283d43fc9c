import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateSearch } from "../../src/eval/search.js";
import { readJsonLines, SearchQuestionSchema } from "../../src/eval/searchQuestions.js";

describe("retrieval quality (npm run eval:search)", () => {
  it("meets the targets on the labelled question set and beats the naive baseline clearly", async () => {
    const questions = await readJsonLines("test/eval/search-questions.jsonl", SearchQuestionSchema);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    const { rows } = await evaluateSearch(resolve("knowledge"), questions);
    const hybrid = rows.find((r) => r.retriever.startsWith("hybrid"))!;
    const naive = rows.find((r) => r.retriever.startsWith("naive"))!;
    expect(hybrid.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(hybrid.mrr).toBeGreaterThanOrEqual(0.85);
    expect(hybrid.mrr - naive.mrr).toBeGreaterThan(0.2);
    expect(hybrid.recallAt5 - naive.recallAt5).toBeGreaterThan(0.15);
  }, 60_000);
});
