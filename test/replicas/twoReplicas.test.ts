import { Redis } from "ioredis";
import { cpSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/domain/answer.js";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { postJson } from "../support/http.js";
import { KNOWLEDGE_DIR, localEmbedder, tempDir } from "../support/knowledge.js";
import { startRedis, type RedisProcess } from "../../bench/redisProcess.js";
import { startReplica, type Replica } from "../../bench/replicaProcess.js";
import { runScript } from "../support/run.js";

/**
 * Two server processes behind an imaginary load balancer, one Redis, one
 * shared index folder: what a production deployment on two instances does.
 */
const LIMIT = 300;
const POLL_MS = 300;

let redis: RedisProcess;
let admin: Redis;
let a: Replica;
let b: Replica;
let root: string;
let knowledgeDir: string;
let indexDir: string;

async function ask(replica: Replica, question: string, conversation?: string): Promise<{ status: number; answer: Answer; ms: number }> {
  const started = performance.now();
  const { status, body } = await postJson(`${replica.url}/api/ask`, { question, ...(conversation ? { conversation } : {}) });
  return { status, answer: body as Answer, ms: performance.now() - started };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function clearRateLimits(): Promise<void> {
  const keys = await admin.keys("fw-test:ratelimit:*");
  if (keys.length) await admin.del(...keys);
}

/** Cheap requests (unknown API path, still rate limited) alternating over both replicas until the first 429. */
async function requestsBeforeLimit(clear = true): Promise<number> {
  if (clear) await clearRateLimits();
  for (let i = 0; i < LIMIT * 3; i++) {
    const response = await fetch(`${(i % 2 ? b : a).url}/api/nothing-here`);
    await response.arrayBuffer();
    if (response.status === 429) return i;
  }
  return Infinity;
}

const count = (text: string, pattern: RegExp) => text.split("\n").filter((line) => pattern.test(line)).length;

beforeAll(async () => {
  root = tempDir("fw-replicas-");
  knowledgeDir = join(root, "knowledge");
  indexDir = join(root, "index");
  cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
  redis = await startRedis();
  admin = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
  admin.on("error", () => {}); // the test kills Redis on purpose
  const env = {
    KNOWLEDGE_DIR: knowledgeDir,
    INDEX_DIR: indexDir,
    DATA_DIR: join(root, "data"),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: "fw-test:",
    REDIS_TIMEOUT_MS: "300",
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
    INDEX_POLL_MS: String(POLL_MS),
  };
  [a, b] = await Promise.all([startReplica(env), startReplica(env)]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  admin?.disconnect();
  await redis?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("two replicas sharing one Redis", () => {
  it("resolves a follow-up on replica B against the turn asked on replica A", async () => {
    const first = await ask(a, "wat verandert er van schaal 6 naar 7?", "chat-1");
    expect(first.status).toBe(200);
    expect(first.answer).toMatchObject({ intent: "career", answered: true });
    const next = await ask(b, "en naar 8?", "chat-1");
    expect(next.status).toBe(200);
    expect(next.answer.intent).toBe("career");
    expect(next.answer.answer).toMatch(/Schaal 7 naar Schaal 8/);
    // Control: the same words without the earlier turn are not understood as that follow-up.
    const alone = await ask(b, "en naar 8?", "chat-2");
    expect(alone.answer.answer).not.toMatch(/Schaal 7 naar Schaal 8/);
  });

  it("shares the rate limit: requests split over both replicas hit 429 at the shared total", async () => {
    expect(await requestsBeforeLimit()).toBe(LIMIT);
    // Both replicas refuse now, not only the one that counted last.
    expect((await fetch(`${a.url}/api/nothing-here`)).status).toBe(429);
    expect((await fetch(`${b.url}/api/nothing-here`)).status).toBe(429);
    await clearRateLimits();
  });

  it("picks up an index written by another process within the poll interval, with no failed request meanwhile", async () => {
    await clearRateLimits();
    const question = "Welke schaal past bij een medewerker facilitair?";
    const source = "rijk-medewerker-facilitair.txt";
    const fromNew = (answer: Answer) => answer.citations.some((c) => c.source === source);
    expect(fromNew((await ask(a, question)).answer)).toBe(false);

    // A client loop over both replicas for the whole hand-over.
    const statuses: number[] = [];
    let stop = false;
    const loop = (async () => {
      for (let i = 0; !stop; i++) {
        statuses.push((await ask(i % 2 ? b : a, i % 3 ? question : "Geef toetsvragen voor onderhandelen")).status);
        await new Promise((r) => setTimeout(r, 40));
      }
    })();

    cpSync(resolve("test/fixtures/generalisation", source), join(knowledgeDir, source));
    const ingested = await runScript("src/cli/ingest.ts", ["--knowledge", knowledgeDir, "--index", indexDir], { EMBEDDINGS: "local" });
    expect(ingested.code, ingested.stderr).toBe(0);
    const written = performance.now();
    let seenA = 0;
    let seenB = 0;
    await until(
      async () => {
        if (!seenA && fromNew((await ask(a, question)).answer)) seenA = performance.now() - written;
        if (!seenB && fromNew((await ask(b, question)).answer)) seenB = performance.now() - written;
        return Boolean(seenA && seenB);
      },
      20_000,
      "both replicas to answer from the new index",
    );
    stop = true;
    await loop;
    // The poll interval plus opening and warming up the new version, on a busy 2-core machine.
    expect(Math.max(seenA, seenB)).toBeLessThan(POLL_MS + 8000);
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(count(a.log(), /new index version in use/)).toBeGreaterThanOrEqual(1);
    expect(count(b.log(), /new index version in use/)).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("keeps answering on both when Redis is killed, and shares again when it is back", async () => {
    await redis.stop();
    for (const replica of [a, b]) {
      const first = await ask(replica, "wat verandert er van schaal 6 naar 7?", "outage");
      expect(first.status).toBe(200);
      expect(first.answer.answered).toBe(true);
      expect(first.ms).toBeLessThan(3000);
      // A follow-up on the same replica still resolves, from that process's own memory.
      const next = await ask(replica, "en naar 8?", "outage");
      expect(next.status).toBe(200);
      expect(next.answer.answer).toMatch(/Schaal 7 naar Schaal 8/);
      const vote = await postJson(`${replica.url}/api/feedback`, { answerId: "abcdef123456", question: "q", vote: "up" });
      expect(vote.status).toBe(204);
    }
    // Each replica counts on its own meanwhile: more than LIMIT requests in total get through.
    const separately = await requestsBeforeLimit(false);
    expect(separately).toBeGreaterThan(LIMIT * 1.5);
    expect(separately).toBeLessThan(LIMIT * 2);
    for (const replica of [a, b]) expect(count(replica.log(), /shared state unavailable/)).toBe(1);

    redis = await startRedis(redis.port);
    await until(() => count(a.log(), /shared state is back/) === 1 && count(b.log(), /shared state is back/) === 1, 15_000, "both replicas to reconnect");
    const first = await ask(b, "wat verandert er van schaal 6 naar 7?", "after");
    const next = await ask(a, "en naar 8?", "after");
    expect(first.status).toBe(200);
    expect(next.answer.answer).toMatch(/Schaal 7 naar Schaal 8/);
    expect(await requestsBeforeLimit()).toBe(LIMIT);
    await clearRateLimits();
    for (const replica of [a, b]) expect(count(replica.log(), /shared state unavailable/)).toBe(1);
  }, 90_000);
});
