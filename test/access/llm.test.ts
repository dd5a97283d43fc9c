import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLlmAnswererFromConfig } from "../../src/answer/llm/fromConfig.js";
import type { Assistant } from "../../src/domain/assistant.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeOpenAi } from "../llm/fakeOpenAi.js";
import { HIDDEN_WORD, setsAssistant, setsKnowledge } from "./setsKnowledge.js";

/** The LLM mode against the fake OpenAI-compatible server: what reaches the model is the asker's sets only. */
describe("document sets in the LLM mode: the model's context holds only the asker's sets", () => {
  const knowledgeDir = setsKnowledge();
  let fake: FakeOpenAi;
  let assistant: Assistant;
  // Answered for both audiences; for HR the hr-only profile ranks first.
  const question = "Welke resultaatsgebieden horen bij een functie die plannen schrijft en de planning bewaakt?";

  beforeAll(async () => {
    fake = await FakeOpenAi.start();
    ({ assistant } = await setsAssistant(
      knowledgeDir,
      { OPENAI_BASE_URL: fake.baseUrl, OPENAI_API_KEY: "test-key", EMBEDDINGS: "local" },
      { llm: (config) => createLlmAnswererFromConfig(config, silentLogger) },
    ));
  });
  afterAll(async () => {
    await fake?.close();
  });

  const prompt = async (audience: Parameters<Assistant["ask"]>[1]) => {
    fake.respond({ kind: "reply", text: "Geen antwoord.\nCITATIONS: []" });
    const answer = await assistant.ask(question, audience);
    return { answer, sent: JSON.stringify(fake.chatRequests.map((r) => r.body.messages)) };
  };

  it("sends HR's context with the set, and an outsider's (streaming too) without it", async () => {
    const hr = await prompt({ audience: { door: "web", groups: ["hr"] } });
    expect(hr.sent).toMatch(HIDDEN_WORD);
    const tokens: string[] = [];
    const outsider = await prompt({ onToken: (delta) => tokens.push(delta) });
    expect(fake.chatRequests.length).toBeGreaterThan(0);
    expect(outsider.sent).not.toMatch(HIDDEN_WORD);
    expect(JSON.stringify(outsider.answer)).not.toMatch(HIDDEN_WORD);
    expect(tokens.join("")).not.toMatch(HIDDEN_WORD);
  });
});
