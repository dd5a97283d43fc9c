import { describe, expect, it } from "vitest";
import { fail, hang, reply } from "./fakeOpenAi.js";
import { answererFor, turn, withFakeModel } from "./setup.js";

const QUESTION = "Welke schaal heeft de servicedesk medewerker ICT?";
const GOOD = reply("Niveau C1.\nCITATIONS: [1]");

const env = withFakeModel();

describe("retries", () => {
  it("retries a 500 twice, then falls back", async () => {
    env.fake.respond(fail(500));
    const { u, offline } = await turn(env.kb, QUESTION);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
    expect(env.fake.chatRequests).toHaveLength(3);
  });

  it("answers when a retry succeeds after 502 and 503", async () => {
    env.fake.respond(fail(502), fail(503), GOOD);
    const { u, offline } = await turn(env.kb, QUESTION);
    const draft = await answererFor(env.fake).answer(u, env.kb, offline, {});
    expect(draft?.answer).toBe("Niveau C1.");
    expect(env.fake.chatRequests).toHaveLength(3);
  });

  it("retries a 429 after its Retry-After, then falls back when the limit persists", async () => {
    env.fake.respond(fail(429, { "retry-after": "0.15" }));
    const { u, offline } = await turn(env.kb, QUESTION);
    const started = performance.now();
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
    expect(env.fake.chatRequests).toHaveLength(3);
    // Two waits of at least Retry-After (150 ms) each, not the 10 ms backoff.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("does not wait for a Retry-After beyond the cap", async () => {
    env.fake.respond(fail(429, { "retry-after": "60" }), GOOD);
    const { u, offline } = await turn(env.kb, QUESTION);
    const started = performance.now();
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
    expect(env.fake.chatRequests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("does not retry a 400", async () => {
    env.fake.respond(fail(400), GOOD);
    const { u, offline } = await turn(env.kb, QUESTION);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
    expect(env.fake.chatRequests).toHaveLength(1);
  });
});

describe("timeout", () => {
  it("falls back within the time budget when the server never answers", async () => {
    env.fake.respond(hang());
    const { u, offline } = await turn(env.kb, QUESTION);
    const timeoutMs = 400;
    const started = performance.now();
    expect(await answererFor(env.fake, { timeoutMs }).answer(u, env.kb, offline, {})).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(timeoutMs + 300);
    expect(env.fake.chatRequests.length).toBeGreaterThanOrEqual(1);
  });

  it("falls back within the budget when a stream stalls midway", async () => {
    env.fake.respond(reply("Niveau C1 en verder een heel lang verhaal.\nCITATIONS: [1]", 3, 200));
    const { u, offline } = await turn(env.kb, QUESTION);
    const timeoutMs = 400;
    const deltas: string[] = [];
    const started = performance.now();
    expect(await answererFor(env.fake, { timeoutMs }).answer(u, env.kb, offline, { onToken: (d) => deltas.push(d) })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(timeoutMs + 300);
    expect(deltas.join("")).toMatch(/^Niv/);
    // Text already shown is never retried (it would be shown twice).
    expect(env.fake.chatRequests).toHaveLength(1);
  });

  it("stops when the caller aborts", async () => {
    env.fake.respond(hang());
    const { u, offline } = await turn(env.kb, QUESTION);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const answerer = answererFor(env.fake, { timeoutMs: 5_000, circuit: { failureThreshold: 1 } });
    expect(await answerer.answer(u, env.kb, offline, { signal: controller.signal })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
    // A user who left says nothing about the model: the circuit stays closed.
    expect(answerer.breaker.state).toBe("closed");
  });
});

describe("circuit breaker", () => {
  it("opens after repeated failures, sends nothing while open, and closes after a good trial call", async () => {
    const cooldownMs = 300;
    const answerer = answererFor(env.fake, { retry: { retries: 0 }, circuit: { failureThreshold: 2, cooldownMs } });
    const { u, offline } = await turn(env.kb, QUESTION);

    env.fake.respond(fail(500));
    expect(await answerer.answer(u, env.kb, offline, {})).toBeUndefined();
    expect(await answerer.answer(u, env.kb, offline, {})).toBeUndefined();
    expect(env.fake.chatRequests).toHaveLength(2);
    expect(answerer.breaker.state).toBe("open");

    env.fake.respond(GOOD);
    const started = performance.now();
    expect(await answerer.answer(u, env.kb, offline, {})).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
    expect(env.fake.chatRequests).toHaveLength(0);

    await new Promise((r) => setTimeout(r, cooldownMs + 50));
    expect(answerer.breaker.state).toBe("half-open");
    const draft = await answerer.answer(u, env.kb, offline, {});
    expect(draft?.answer).toBe("Niveau C1.");
    expect(env.fake.chatRequests).toHaveLength(1);
    expect(answerer.breaker.state).toBe("closed");
  });

  it("reopens when the half-open trial fails", async () => {
    const answerer = answererFor(env.fake, { retry: { retries: 0 }, circuit: { failureThreshold: 1, cooldownMs: 100 } });
    const { u, offline } = await turn(env.kb, QUESTION);
    env.fake.respond(fail(503));
    await answerer.answer(u, env.kb, offline, {});
    expect(answerer.breaker.state).toBe("open");
    await new Promise((r) => setTimeout(r, 130));
    await answerer.answer(u, env.kb, offline, {});
    expect(env.fake.chatRequests).toHaveLength(2);
    expect(answerer.breaker.state).toBe("open");
  });

  it("does not count a rejected answer as a model failure", async () => {
    const answerer = answererFor(env.fake, { circuit: { failureThreshold: 1 } });
    const { u, offline } = await turn(env.kb, QUESTION);
    env.fake.respond(reply("Schaal 14.\nCITATIONS: [1]"));
    expect(await answerer.answer(u, env.kb, offline, {})).toBeUndefined();
    expect(answerer.breaker.state).toBe("closed");
  });
});
