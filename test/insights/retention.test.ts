import { readFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupSimilarQuestions } from "../../src/insights/similarQuestions.js";
import { summariseFeedback } from "../../src/insights/feedbackSummary.js";
import { unansweredLog } from "../../src/insights/unansweredLog.js";
import { tempDir } from "../support/knowledge.js";

const DAY = 86_400_000;

describe("refused-question log retention", () => {
  it("forgets questions older than the retention period, in reads and on disk", async () => {
    let now = Date.parse("2026-11-01T12:00:00Z");
    const dir = tempDir("fw-retain-");
    const log = unansweredLog(dir, 7, () => now);
    await log.append({ at: new Date(now).toISOString(), question: "oude vraag over salaris", channel: "web", intent: "unknown", language: "nl" });
    now += 3 * DAY;
    await log.append({ at: new Date(now).toISOString(), question: "nieuwere vraag over verlof", channel: "teams", intent: "unknown", language: "nl" });
    expect((await log.list()).map((q) => q.question)).toEqual(["oude vraag over salaris", "nieuwere vraag over verlof"]);

    now += 5 * DAY; // the first is 8 days old now, the second 5
    expect((await log.list()).map((q) => q.question)).toEqual(["nieuwere vraag over verlof"]);
    await log.prune();
    const onDisk = readFileSync(join(dir, "unanswered.jsonl"), "utf8");
    expect(onDisk).not.toContain("oude vraag");
    expect(onDisk).toContain("nieuwere vraag");
  });

  it("skips torn or hand-edited lines and keeps the rest", async () => {
    const dir = tempDir("fw-retain-");
    const log = unansweredLog(dir, 30);
    await log.append({ at: new Date().toISOString(), question: "eerste", intent: "unknown", language: "nl" });
    appendFileSync(join(dir, "unanswered.jsonl"), '{"at": "2026-\n{not json}\n{"question": 3}\n');
    await log.append({ at: new Date().toISOString(), question: "tweede", intent: "unknown", language: "en" });
    expect((await log.list()).map((q) => q.question)).toEqual(["eerste", "tweede"]);
  });
});

describe("grouping refused questions by similarity", () => {
  it("puts rewordings of one question together and keeps different questions apart", async () => {
    const at = (minute: number) => `2026-11-01T10:${String(minute).padStart(2, "0")}:00Z`;
    const groups = await groupSimilarQuestions([
      { question: "Wat verdient een schaal 8?", at: at(1) },
      { question: "Hoeveel verlofdagen krijg ik?", at: at(2) },
      { question: "wat verdien je in schaal 8", at: at(3) },
      { question: "Wat verdient een schaal 8?", at: at(4) },
      { question: "Hoeveel verlofdagen heb ik per jaar?", at: at(5) },
      { question: "Mag ik thuiswerken?", at: at(6) },
    ]);
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ["Wat verdient een schaal 8?", 3],
      ["Hoeveel verlofdagen heb ik per jaar?", 2],
      ["Mag ik thuiswerken?", 1],
    ]);
    expect(groups[0]!.examples).toEqual(["wat verdien je in schaal 8"]);
    expect(groups[0]!.lastAt).toBe(at(4));
  });

  it("stays fast on thousands of questions", async () => {
    const asked = Array.from({ length: 3000 }, (_, i) => ({
      question: `vraag ${i % 300} over onderwerp ${i % 97} en thema ${i % 13}`,
      at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    }));
    const started = performance.now();
    const groups = await groupSimilarQuestions(asked);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(3000);
  });
});

describe("feedback per intent", () => {
  it("joins votes to the intent of the answer they rate and counts per day", () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    const vote = (answerId: string, v: "up" | "down", at: string, channel: "web" | "teams" | "slack" = "web") => ({
      at,
      channel,
      conversation: "c",
      question: `vraag ${answerId}`,
      answerId,
      vote: v,
    });
    const summary = summariseFeedback(
      [
        vote("a1", "down", "2026-11-19T09:00:00Z"),
        vote("a2", "up", "2026-11-20T09:00:00Z", "slack"),
        vote("a1", "down", "2026-11-20T10:00:00Z", "teams"),
        vote("zz", "up", "2026-09-01T10:00:00Z"),
      ],
      [
        { at: "2026-11-19T08:00:00Z", answerId: "a1", intent: "scale", answered: true, mode: "offline", sources: ["Rijk ICT › Schaal 6"] },
        { at: "2026-11-19T08:00:00Z", answerId: "a2", intent: "interview", answered: true, mode: "offline" },
      ],
      now,
    );
    expect(summary.total).toEqual({ up: 2, down: 2 });
    expect(summary.byIntent).toContainEqual({ intent: "scale", up: 0, down: 2 });
    expect(summary.byIntent).toContainEqual({ intent: "interview", up: 1, down: 0 });
    expect(summary.byIntent).toContainEqual({ intent: null, up: 1, down: 0 });
    expect(summary.days).toHaveLength(30);
    expect(summary.daily).toEqual([
      { day: "2026-11-19", intent: "scale", up: 0, down: 1 },
      { day: "2026-11-20", intent: "interview", up: 1, down: 0 },
      { day: "2026-11-20", intent: "scale", up: 0, down: 1 },
    ]);
    expect(summary.recentDown.map((d) => d.channel)).toEqual(["teams", "web"]);
    expect(summary.recentDown[0]!.sources).toEqual(["Rijk ICT › Schaal 6"]);
  });
});
