import { describe, expect, it } from "vitest";
import { ConversationMemory, type Turn } from "../../src/answer/memory.js";

const turn = (question: string): Omit<Turn, "at"> =>
  ({ plan: { question }, intent: "interview", answered: true, sources: [], citations: [], followUps: [], expansions: [] }) as unknown as Omit<Turn, "at">;

describe("conversation memory", () => {
  it("forgets the least recently used conversation beyond its bound", () => {
    const memory = new ConversationMemory(2, 10, 60_000);
    memory.remember("a", turn("qa"));
    memory.remember("b", turn("qb"));
    memory.last("a"); // reading does not refresh; writing does
    memory.remember("a", turn("qa2"));
    memory.remember("c", turn("qc"));
    expect(memory.size).toBe(2);
    expect(memory.last("b")).toBeUndefined();
    expect(memory.last("a")?.plan.question).toBe("qa2");
    expect(memory.last("c")?.plan.question).toBe("qc");
  });

  it("forgets a conversation after its time to live", () => {
    let now = 0;
    const memory = new ConversationMemory(10, 10, 1000, () => now);
    memory.remember("a", turn("q"));
    now = 999;
    expect(memory.last("a")?.plan.question).toBe("q");
    now = 2001;
    expect(memory.last("a")).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it("keeps no memory without a conversation id", () => {
    const memory = new ConversationMemory();
    memory.remember(undefined, turn("q"));
    expect(memory.size).toBe(0);
    expect(memory.last(undefined)).toBeUndefined();
  });
});
