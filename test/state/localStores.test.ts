import { describe, expect, it } from "vitest";
import { LocalConversationStore } from "../../src/state/localConversationStore.js";
import { LocalSeenEvents } from "../../src/state/seenEvents.js";

describe("in-process conversation store", () => {
  it("forgets the least recently written conversation beyond its bound", async () => {
    const memory = new LocalConversationStore<string>({ maxConversations: 2, maxTurns: 10, ttlMs: 60_000 });
    await memory.remember("a", "qa");
    await memory.remember("b", "qb");
    await memory.last("a"); // reading does not refresh; writing does
    await memory.remember("a", "qa2");
    await memory.remember("c", "qc");
    expect(memory.size).toBe(2);
    expect(await memory.last("b")).toBeUndefined();
    expect(await memory.last("a")).toBe("qa2");
    expect(await memory.last("c")).toBe("qc");
  });

  it("forgets a conversation after its time to live", async () => {
    let now = 0;
    const memory = new LocalConversationStore<string>({ ttlMs: 1000 }, () => now);
    await memory.remember("a", "q");
    now = 999;
    expect(await memory.last("a")).toBe("q");
    now = 2001;
    expect(await memory.last("a")).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it("keeps at most maxTurns turns per conversation", async () => {
    const memory = new LocalConversationStore<number>({ maxTurns: 3 });
    for (let i = 1; i <= 5; i++) await memory.remember("a", i);
    expect(await memory.last("a")).toBe(5);
    expect(memory.size).toBe(1);
  });

  it("keeps no memory without a conversation id", async () => {
    const memory = new LocalConversationStore<string>();
    await memory.remember(undefined, "q");
    expect(memory.size).toBe(0);
    expect(await memory.last(undefined)).toBeUndefined();
  });
});

describe("in-process event de-duplication", () => {
  it("says first only once per id within the time to live, and again after it", async () => {
    let now = 0;
    const seen = new LocalSeenEvents(100, () => now);
    expect(await seen.firstSeen("Ev1", 1000)).toBe(true);
    expect(await seen.firstSeen("Ev1", 1000)).toBe(false);
    expect(await seen.firstSeen("Ev2", 1000)).toBe(true);
    now = 1001;
    expect(await seen.firstSeen("Ev1", 1000)).toBe(true);
  });

  it("stays bounded in the number of ids it keeps", async () => {
    const seen = new LocalSeenEvents(3);
    for (const id of ["a", "b", "c", "d"]) expect(await seen.firstSeen(id, 60_000)).toBe(true);
    // "a" was pushed out by the bound, so it counts as new again; "d" is still known.
    expect(await seen.firstSeen("a", 60_000)).toBe(true);
    expect(await seen.firstSeen("d", 60_000)).toBe(false);
  });
});
