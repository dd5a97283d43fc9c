import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../bench/redisProcess.js";
import { ConfigError, loadConfig } from "../../src/platform/config.js";
import { openSharedState } from "../../src/app/sharedState.js";
import { redactUrls } from "../../src/state/sharedRedis.js";
import { tempDir } from "../support/knowledge.js";
import { capturingLogger } from "../support/logCapture.js";

const dataDir = tempDir("fw-shared-");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("shared state from the configuration", () => {
  it("stays in the process without REDIS_URL", async () => {
    const { logger, lines } = capturingLogger();
    const state = await openSharedState(loadConfig({ DATA_DIR: dataDir }), logger);
    expect(state.kind).toBe("process");
    expect(state.rateLimitStore).toBeUndefined(); // express-rate-limit's own memory store
    const memory = state.conversations((v) => v as string);
    await memory.remember("c", "turn");
    expect(await memory.last("c")).toBe("turn");
    expect(await state.seenEvents.firstSeen("Ev1", 1000)).toBe(true);
    expect(await state.seenEvents.firstSeen("Ev1", 1000)).toBe(false);
    await state.feedback.record({ channel: "web", conversation: "c", question: "q", answerId: "abcdef12", vote: "down" });
    expect(JSON.parse(await readFile(join(dataDir, "feedback.jsonl"), "utf8"))).toMatchObject({ vote: "down" });
    expect(lines).toEqual([]);
    await state.close();
  });

  it("starts and answers from per-process state when Redis is not there, with one warning and no password in it", async () => {
    const { logger, lines } = capturingLogger();
    const port = await freePort();
    const started = performance.now();
    const state = await openSharedState(
      loadConfig({ DATA_DIR: dataDir, REDIS_URL: `redis://default:s3cret-pw@127.0.0.1:${port}`, REDIS_TIMEOUT_MS: "200" }),
      logger,
    );
    try {
      expect(state.kind).toBe("redis");
      expect(state.available()).toBe(false);
      const memory = state.conversations((v) => v as string);
      await memory.remember("c", "turn");
      expect(await memory.last("c")).toBe("turn");
      expect(await state.seenEvents.firstSeen("Ev1", 1000)).toBe(true);
      expect(await state.seenEvents.firstSeen("Ev1", 1000)).toBe(false);
      expect(performance.now() - started).toBeLessThan(3000);
      await new Promise((r) => setTimeout(r, 1200)); // a few reconnect attempts
      expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
      expect(JSON.stringify(lines)).not.toContain("s3cret-pw");
    } finally {
      await state.close();
    }
  });

  it("removes credentials from URLs in error messages", () => {
    expect(redactUrls("connect to redis://user:pw@host:6379 failed; rediss://:other@h2/0")).toBe("connect to redis://***@host:6379 failed; rediss://***@h2/0");
    expect(redactUrls("redis://host:6379 has no password")).toBe("redis://host:6379 has no password");
  });

  it("rejects a REDIS_URL that is not a Redis URL, naming the variable", () => {
    expect(() => loadConfig({ REDIS_URL: "http://cache:6379" })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: "http://cache:6379" })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ INDEX_POLL_MS: "-1" })).toThrow(/INDEX_POLL_MS/);
    expect(loadConfig({ REDIS_URL: "rediss://cache.example:6380/0" }).REDIS_URL).toBe("rediss://cache.example:6380/0");
    expect(loadConfig({}).INDEX_POLL_MS).toBe(5000);
  });
});
