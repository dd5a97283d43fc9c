import type { Draft } from "../../src/answer/compose/draft.js";
import { createLlmAnswerer, type LlmAnswererOptions } from "../../src/answer/llm/llmAnswerer.js";
import { answerOffline } from "../../src/answer/offlineAnswerer.js";
import type { Understanding } from "../../src/answer/understand/plan.js";
import { understand } from "../../src/answer/understand/understand.js";
import { silentLogger } from "../../src/platform/logger.js";
import type { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { afterAll, beforeAll } from "vitest";
import { buildKnowledge } from "../support/knowledge.js";
import { FakeOpenAi, type ChatBody } from "./fakeOpenAi.js";

/** An answerer against the fake, with test-sized time budgets and no jitter. */
export function answererFor(fake: FakeOpenAi, options: Partial<LlmAnswererOptions> = {}) {
  return createLlmAnswerer({
    baseUrl: fake.baseUrl,
    model: "fake-model",
    timeoutMs: 2_000,
    logger: silentLogger,
    ...options,
    retry: { baseDelayMs: 10, jitter: false, ...options.retry },
    circuit: { failureThreshold: 100, cooldownMs: 60_000, ...options.circuit },
  });
}

/** What the assistant hands the generated answerer for a first question. */
export async function turn(kb: KnowledgeBase, question: string): Promise<{ u: Understanding; offline: Draft }> {
  const u = understand(question, kb);
  return { u, offline: await answerOffline(u, kb) };
}

export function systemOf(body: ChatBody): string {
  return body.messages?.find((m) => m.role === "system")?.content ?? "";
}

export function userOf(body: ChatBody): string {
  return body.messages?.find((m) => m.role === "user")?.content ?? "";
}

/** The number of the context block whose header or text contains `needle` (throws if none). */
export function blockWith(body: ChatBody, needle: string): number {
  const context = /<context>\n([\s\S]*?)\n<\/context>/.exec(userOf(body))?.[1] ?? "";
  for (const block of context.split(/\n\n(?=\[\d+\] )/)) {
    if (block.includes(needle)) return Number(/^\[(\d+)\]/.exec(block)?.[1]);
  }
  throw new Error(`no context block contains ${needle}`);
}

/** The seed knowledge and a fake model server for one test file; started before its tests, closed after. */
export function withFakeModel(): { kb: KnowledgeBase; fake: FakeOpenAi } {
  const env = {} as { kb: KnowledgeBase; fake: FakeOpenAi };
  beforeAll(async () => {
    env.kb = (await buildKnowledge()).kb;
    env.fake = await FakeOpenAi.start();
  });
  afterAll(() => env.fake.close());
  return env;
}
