import express from "express";
import { rateLimit } from "express-rate-limit";
import { Redis } from "ioredis";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonlFeedbackLog } from "../../src/feedback/feedbackLog.js";
import { RedisFeedbackLog } from "../../src/feedback/redisFeedbackLog.js";
import { FallbackConversationStore } from "../../src/state/fallbackConversationStore.js";
import { LocalConversationStore } from "../../src/state/localConversationStore.js";
import { FallbackRateLimitStore } from "../../src/state/rateLimitStore.js";
import { RedisConversationStore } from "../../src/state/redisConversationStore.js";
import { LocalSeenEvents, RedisSeenEvents } from "../../src/state/seenEvents.js";
import { SharedRedis } from "../../src/state/sharedRedis.js";
import { listen } from "../support/http.js";
import { capturingLogger } from "../support/logCapture.js";
import { startRedis, type RedisProcess } from "../../bench/redisProcess.js";
import { silentLogger } from "../../src/platform/logger.js";

type Note = { text: string; n: number };
const parseNote = (value: unknown): Note => {
  const v = value as Note;
  if (typeof v?.text !== "string" || typeof v?.n !== "number") throw new Error("not a note");
  return v;
};

let redis: RedisProcess;
let admin: Redis;
let dir: string;
const opened: SharedRedis[] = [];

/** A process's connection, as each replica has one. */
async function connection(prefix = "t:", logger = silentLogger, timeoutMs = 300): Promise<SharedRedis> {
  const shared = new SharedRedis({ url: redis.url, keyPrefix: prefix, timeoutMs, logger });
  await shared.connect();
  opened.push(shared);
  return shared;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  admin.on("error", () => {}); // the test kills Redis on purpose
  dir = await mkdtemp(join(tmpdir(), "fw-redis-"));
});

afterAll(async () => {
  for (const shared of opened) await shared.close();
  admin.disconnect();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("conversation memory in Redis", () => {
  it("is shared between two processes' stores, bounded in turns, with a time to live", async () => {
    const a = new RedisConversationStore<Note>(await connection(), parseNote, { maxTurns: 3, ttlMs: 60_000 });
    const b = new RedisConversationStore<Note>(await connection(), parseNote, { maxTurns: 3, ttlMs: 60_000 });
    for (let n = 1; n <= 5; n++) await a.rememberStamped("chat-1", { at: n, turn: { text: `q${n}`, n } });
    expect((await b.lastStamped("chat-1"))?.turn).toEqual({ text: "q5", n: 5 });
    const keys = await admin.keys("t:conversation:*");
    expect(keys).toHaveLength(1);
    // The key is a hash, not the chat id (ids are personal data).
    expect(keys[0]).not.toContain("chat-1");
    expect(await admin.llen(keys[0]!)).toBe(3);
    const ttl = await admin.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("forgets a conversation when its time to live has passed", async () => {
    const store = new RedisConversationStore<Note>(await connection("ttl:"), parseNote, { ttlMs: 200 });
    await store.rememberStamped("c", { at: Date.now(), turn: { text: "q", n: 1 } });
    expect(await store.lastStamped("c")).toBeDefined();
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.lastStamped("c")).toBeUndefined();
  });

  it("ignores a stored turn that does not parse instead of failing the question", async () => {
    const shared = await connection("bad:");
    const store = new RedisConversationStore<Note>(shared, parseNote);
    await store.rememberStamped("c", { at: 1, turn: { text: "ok", n: 1 } });
    const [key] = await admin.keys("bad:conversation:*");
    await admin.rpush(key!, "{not json");
    expect(await store.lastStamped("c")).toBeUndefined();
    await admin.rpush(key!, JSON.stringify({ at: 2, turn: { text: 5 } }));
    expect(await store.lastStamped("c")).toBeUndefined();
  });
});

describe("event de-duplication in Redis", () => {
  it("lets exactly one replica take an event id, and expires it", async () => {
    const a = new RedisSeenEvents(await connection("dedup:"), new LocalSeenEvents(), silentLogger);
    const b = new RedisSeenEvents(await connection("dedup:"), new LocalSeenEvents(), silentLogger);
    const results = await Promise.all([a.firstSeen("Ev1", 300), b.firstSeen("Ev1", 300), a.firstSeen("Ev1", 300), b.firstSeen("Ev1", 300)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.firstSeen("Ev2", 300)).toBe(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(await a.firstSeen("Ev1", 300)).toBe(true);
  });
});

describe("feedback in Redis", () => {
  it("appends votes from every replica to one stream", async () => {
    const file = join(dir, "feedback.jsonl");
    const a = new RedisFeedbackLog(await connection("fb:"), new JsonlFeedbackLog(file), silentLogger);
    const b = new RedisFeedbackLog(await connection("fb:"), new JsonlFeedbackLog(file), silentLogger);
    await a.record({ channel: "web", conversation: "c1", question: "q1", answerId: "abcdef12", vote: "up" });
    await b.record({ channel: "slack", conversation: "c2", question: "q2", answerId: "abcdef34", vote: "down" });
    const entries = await admin.xrange("fb:feedback", "-", "+");
    const votes = entries.map(([, fields]) => JSON.parse(fields[1]!) as { vote: string; question: string; at: string });
    expect(votes.map((v) => [v.question, v.vote])).toEqual([
      ["q1", "up"],
      ["q2", "down"],
    ]);
    expect(votes[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(readFile(file, "utf8")).rejects.toThrow(); // nothing went to the file
    // The insights page reads them back from either replica, with anything foreign in the stream skipped.
    await admin.xadd("fb:feedback", "*", "vote", "not json");
    expect((await a.list()).map((v) => [v.channel, v.vote])).toEqual([
      ["web", "up"],
      ["slack", "down"],
    ]);
    expect(await b.list(new Date(Date.now() + 60_000))).toEqual([]);
  });

  it("rejects a malformed vote before writing anything", async () => {
    const log = new RedisFeedbackLog(await connection("fb2:"), new JsonlFeedbackLog(join(dir, "never.jsonl")), silentLogger);
    await expect(log.record({ channel: "web", conversation: "c", question: "q", answerId: "x", vote: "sideways" as "up" })).rejects.toThrow();
    expect(await admin.exists("fb2:feedback")).toBe(0);
  });
});

describe("rate limit in Redis", () => {
  it("counts one client's requests across two apps (replicas) against one limit", async () => {
    const make = async () => {
      const app = express();
      app.use(
        rateLimit({ windowMs: 60_000, limit: 5, standardHeaders: "draft-7", legacyHeaders: false, store: new FallbackRateLimitStore(await connection("rl:")) }),
      );
      app.get("/", (_req, res) => void res.send("ok"));
      return listen(app);
    };
    const [a, b] = [await make(), await make()];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(i % 2 ? b.url : a.url)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("when Redis is slow", () => {
  it("answers from per-process state instead of waiting, and shares again once Redis answers in time", async () => {
    const { logger, lines } = capturingLogger();
    const shared = await connection("slow:", logger, 100);
    const memory = new FallbackConversationStore<Note>(new RedisConversationStore(shared, parseNote), new LocalConversationStore(), logger);
    await admin.client("PAUSE", 1500, "ALL");
    const started = performance.now();
    await memory.remember("c", { text: "slow", n: 1 });
    expect(await memory.last("c")).toEqual({ text: "slow", n: 1 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(shared.available).toBe(false);
    // The connection never dropped: recovery is noticed by probing it.
    await until(() => shared.available, 10_000);
    expect(lines.filter((l) => /shared state unavailable/.test(l.msg))).toHaveLength(1);
    expect(lines.filter((l) => /shared state is back/.test(l.msg))).toHaveLength(1);
    await memory.remember("d", { text: "fast again", n: 2 });
    const elsewhere = new RedisConversationStore<Note>(await connection("slow:"), parseNote);
    expect((await elsewhere.lastStamped("d"))?.turn).toEqual({ text: "fast again", n: 2 });
  });
});

describe("when Redis goes away", () => {
  it("falls back per process at once, warns once, and shares again when Redis is back", async () => {
    const { logger, lines } = capturingLogger();
    const sharedA = await connection("away:", logger, 200);
    const sharedB = await connection("away:", silentLogger, 200);
    const memoryA = new FallbackConversationStore<Note>(new RedisConversationStore(sharedA, parseNote), new LocalConversationStore(), logger);
    const memoryB = new FallbackConversationStore<Note>(new RedisConversationStore(sharedB, parseNote), new LocalConversationStore(), silentLogger);
    const file = join(dir, "away.jsonl");
    const feedback = new RedisFeedbackLog(sharedA, new JsonlFeedbackLog(file), logger);
    const seen = new RedisSeenEvents(sharedA, new LocalSeenEvents(), logger);
    await memoryA.remember("c", { text: "before", n: 1 });
    expect(await memoryB.last("c")).toEqual({ text: "before", n: 1 });

    await redis.stop();
    await until(() => !sharedA.available && !sharedB.available);
    const started = performance.now();
    await memoryA.remember("c", { text: "during", n: 2 });
    expect(await memoryA.last("c")).toEqual({ text: "during", n: 2 }); // this process's own memory
    expect(await seen.firstSeen("EvX", 60_000)).toBe(true);
    expect(await seen.firstSeen("EvX", 60_000)).toBe(false);
    await feedback.record({ channel: "web", conversation: "c", question: "q", answerId: "abcdef12", vote: "up" });
    expect(performance.now() - started).toBeLessThan(500); // nothing waits for a timeout
    expect(JSON.parse((await readFile(file, "utf8")).trim())).toMatchObject({ question: "q", vote: "up" });
    await new Promise((r) => setTimeout(r, 1500)); // reconnect attempts meanwhile
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/shared state unavailable/);

    redis = await startRedis(redis.port);
    await until(() => sharedA.available && sharedB.available);
    expect(lines.filter((l) => l.level === 30 && /shared state is back/.test(l.msg))).toHaveLength(1);
    await memoryB.remember("d", { text: "shared again", n: 3 });
    expect(await memoryA.last("d")).toEqual({ text: "shared again", n: 3 });
  });
});
