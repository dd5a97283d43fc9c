import { describe, expect, it } from "vitest";
import { answerId } from "../../src/answer/answerId.js";
import type { AnswerRecord } from "../../src/insights/answerLog.js";
import { summariseFeedback } from "../../src/insights/feedbackSummary.js";
import { recordingAssistant } from "../../src/insights/recordingAssistant.js";
import type { RetainedJsonl } from "../../src/insights/retainedJsonl.js";
import { silentLogger } from "../../src/platform/logger.js";
import { HIDDEN_QUESTION, setsAssistant, setsKnowledge } from "./setsKnowledge.js";

describe("insights per document set", () => {
  it("records which sets each answer cited, and counts questions and votes per set for the insights page", async () => {
    const { assistant } = await setsAssistant(setsKnowledge());
    const records: AnswerRecord[] = [];
    const log = { append: async (record: AnswerRecord) => void records.push(record) } as unknown as RetainedJsonl<AnswerRecord>;
    const recorded = recordingAssistant(assistant, { answers: log, logger: silentLogger });
    const hr = await recorded.ask(HIDDEN_QUESTION, { audience: { door: "web", groups: ["hr"] } });
    const outsider = await recorded.ask("Welke schaal past bij een servicedesk medewerker?");
    await new Promise((resolve) => setImmediate(resolve));
    expect(records.map((r) => r.sets)).toEqual([["hr-only"], [""]]);
    const vote = (id: string, v: "up" | "down") => ({
      at: new Date().toISOString(),
      channel: "web" as const,
      conversation: "c",
      question: "q",
      answerId: id,
      vote: v,
    });
    const summary = summariseFeedback([vote(answerId(hr), "down"), vote(answerId(outsider), "up"), vote(answerId(outsider), "up")], records);
    expect(summary.bySet).toEqual([
      { set: "", questions: 1, up: 2, down: 0 },
      { set: "hr-only", questions: 1, up: 0, down: 1 },
    ]);
  });
});
