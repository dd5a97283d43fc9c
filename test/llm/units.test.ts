import { OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerStream } from "../../src/answer/llm/answerStream.js";
import { CircuitBreaker } from "../../src/answer/llm/circuitBreaker.js";
import type { ContextBlock } from "../../src/answer/llm/context.js";
import { createLlmAnswererFromConfig } from "../../src/answer/llm/fromConfig.js";
import { LlmAnswerer } from "../../src/answer/llm/llmAnswerer.js";
import { parseModelOutput } from "../../src/answer/llm/output.js";
import { fill, loadPrompts } from "../../src/answer/llm/prompts.js";
import { isTransient, retryAfterMs } from "../../src/answer/llm/retry.js";
import { unsupportedFacts } from "../../src/answer/llm/verify.js";
import { loadConfig } from "../../src/platform/config.js";
import { silentLogger } from "../../src/platform/logger.js";
import type { Chunk } from "../../src/domain/chunk.js";
import { FakeOpenAi } from "./fakeOpenAi.js";

describe("parseModelOutput", () => {
  it("reads the text format with a trailing CITATIONS line", () => {
    expect(parseModelOutput("Niveau C1 [1].\n\nCITATIONS: [1, 3]")).toEqual({
      ok: true,
      value: { answer: "Niveau C1 [1].", citations: [1, 3], answered: true },
    });
  });

  it("accepts markup around the trailer and a trailer on the answer's last line", () => {
    expect(parseModelOutput("Niveau C1.\n**Citations:** [2]")).toMatchObject({ ok: true, value: { answer: "Niveau C1.", citations: [2] } });
    expect(parseModelOutput("Niveau C1.\nBronnen: 2, 3")).toMatchObject({ ok: true, value: { citations: [2, 3] } });
    expect(parseModelOutput("Niveau C1. CITATIONS: [2]")).toMatchObject({ ok: true, value: { answer: "Niveau C1.", citations: [2] } });
  });

  it("treats empty citations, or no trailer, as not answered", () => {
    expect(parseModelOutput("Dat staat niet in de documenten.\nCITATIONS: []")).toMatchObject({ ok: true, value: { answered: false, citations: [] } });
    expect(parseModelOutput("Niveau C1.")).toMatchObject({ ok: true, value: { answered: false } });
  });

  it("reads JSON, fenced or bare, and validates it", () => {
    expect(parseModelOutput('```json\n{"answer":"A","citations":[1],"answered":true}\n```')).toEqual({
      ok: true,
      value: { answer: "A", citations: [1], answered: true },
    });
    expect(parseModelOutput('{"answer":"A","citations":["2"]}')).toEqual({ ok: true, value: { answer: "A", citations: [2], answered: true } });
    expect(parseModelOutput('{"answer":"","citations":[1],"answered":true}').ok).toBe(false);
    expect(parseModelOutput('{"answer": 3, "citations": [1], "answered": true}').ok).toBe(false);
  });
});

describe("AnswerStream", () => {
  const run = (text: string, size: number) => {
    const out: string[] = [];
    const stream = new AnswerStream((d) => out.push(d));
    for (let at = 0; at < text.length; at += size) stream.push(text.slice(at, at + size));
    stream.end();
    return out.join("");
  };

  it("forwards the answer and hides the trailer, whatever the chunk size", () => {
    const text = "Niveau C1.\n\nSome sources say more.\nCITATIONS: [1]";
    for (const size of [1, 2, 3, 7, 100]) expect(run(text, size)).toBe("Niveau C1.\n\nSome sources say more.\n");
  });

  it("streams a line as soon as it cannot be the trailer", () => {
    const out: string[] = [];
    const stream = new AnswerStream((d) => out.push(d));
    stream.push("Niv");
    expect(out.join("")).toBe("Niv");
    stream.push("\nCIT");
    expect(out.join("")).toBe("Niv\n");
    stream.push("ATIONS: [1]");
    stream.end();
    expect(out.join("")).toBe("Niv\n");
  });

  it("shows nothing of JSON or fenced output", () => {
    expect(run('  {"answer": "x"}', 3)).toBe("");
    expect(run('```json\n{"answer": "x"}\n```', 3)).toBe("");
  });
});

describe("unsupportedFacts", () => {
  const block = (text: string, path = ["Functietyperingen", "Schaal 6"]): ContextBlock => ({
    id: 1,
    chunk: { id: 0, sectionId: "s", source: "rijk.txt", title: "Medewerker ICT", system: "Rijk", path, kind: "level", text } as unknown as Chunk,
  });

  it("accepts numbers and levels found in the cited blocks or their headings", () => {
    expect(unsupportedFacts("Schaal 6 en niveau C1; ook 2 jaar ervaring.", [block("Niveau: C1. Minimaal 2 jaar.")])).toEqual([]);
  });

  it("reports digits, level codes and letter levels the context lacks", () => {
    expect(unsupportedFacts("Schaal 14.", [block("tekst")])).toEqual(["schaal 14"]);
    expect(unsupportedFacts("Niveau B2.", [block("Niveau C2")])).toEqual(["B2"]);
    expect(unsupportedFacts("Dat is niveau D.", [block("Niveau C")])).toEqual(["niveau D"]);
  });

  it("ignores citation markers and list numbering", () => {
    expect(unsupportedFacts("1. Eerst [3]\n2. Dan [4, 5]", [block("tekst")])).toEqual([]);
  });
});

describe("retry helpers", () => {
  it("reads Retry-After as seconds, as a date and as retry-after-ms", () => {
    expect(retryAfterMs({ headers: new Headers({ "retry-after": "2" }) })).toBe(2000);
    expect(retryAfterMs({ headers: new Headers({ "retry-after": new Date(10_000).toUTCString() }) }, 7_000)).toBe(3000);
    expect(retryAfterMs({ headers: { "retry-after-ms": "150" } })).toBe(150);
    expect(retryAfterMs({ headers: new Headers() })).toBeUndefined();
  });

  it("retries 429, 5xx and lost connections only", () => {
    expect([429, 500, 503, 400, 401, 404].map((status) => isTransient({ status }))).toEqual([true, true, true, false, false, false]);
    class APIConnectionError extends Error {}
    expect(isTransient(new APIConnectionError("socket hang up"))).toBe(true);
    expect(isTransient(new Error("boom"))).toBe(false);
  });
});

describe("CircuitBreaker", () => {
  it("opens at the threshold, lets one trial through after the cooldown, closes on success", () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, now: () => now });
    breaker.onFailure();
    expect(breaker.state).toBe("closed");
    breaker.onFailure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(false);
    now = 1000;
    expect(breaker.state).toBe("half-open");
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // one trial at a time
    breaker.onSuccess();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryAcquire()).toBe(true);
  });
});

describe("prompts", () => {
  it("has a system prompt, a user template and instructions for every answerable intent", () => {
    const prompts = loadPrompts();
    for (const intent of ["scale", "interview", "career", "competency", "development", "general"] as const) expect(prompts.intents[intent]).toBeTruthy();
    expect(prompts.system).toContain("{intent_instructions}");
    expect(prompts.user).toContain("{context}");
    expect(prompts.user).toContain("{question}");
  });

  it("fills placeholders once, leaving braces in values alone", () => {
    expect(fill("<q>{question}</q>", { question: "wat is {context}?" })).toBe("<q>wat is {context}?</q>");
  });
});

describe("configuration", () => {
  it("is off without a key or base URL, on with a base URL alone", () => {
    expect(createLlmAnswererFromConfig(loadConfig({}), silentLogger)).toBeUndefined();
    const answerer = createLlmAnswererFromConfig(loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", OPENAI_MODEL: "llama3.1" }), silentLogger);
    expect(answerer).toBeInstanceOf(LlmAnswerer);
  });
});

describe("the fake server's embeddings endpoint", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => void (fake = await FakeOpenAi.start()));
  afterAll(() => fake.close());

  it("serves OpenAI-compatible embeddings", async () => {
    const embeddings = new OpenAIEmbeddings({ model: "fake-embed", apiKey: "not-needed", configuration: { baseURL: fake.baseUrl }, maxRetries: 0 });
    const vectors = await embeddings.embedDocuments(["schaal 6", "niveau C1"]);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(8);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(fake.requests[0]?.path).toBe("/v1/embeddings");
  });
});
