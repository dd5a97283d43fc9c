import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { ingest } from "../../src/indexing/ingest.js";
import { loadConfig } from "../../src/platform/config.js";
import { silentLogger } from "../../src/platform/logger.js";
import { selectEmbedder } from "../../src/search/embeddings/select.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { copyKnowledge, tempDir } from "../support/knowledge.js";
import { FakeOpenAi, reply } from "./fakeOpenAi.js";
import { answererFor } from "./setup.js";

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await FakeOpenAi.start();
});
afterAll(() => fake.close());

describe("the LLM mode with OpenAI embeddings", () => {
  it("embeds each question once: the generated answer reuses the offline answer's retrieval", async () => {
    const indexDir = tempDir("fw-embed-once-");
    const embedder = selectEmbedder(loadConfig({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_EMBEDDINGS_MODEL: "fake-embed" }));
    await ingest({ knowledgeDir: copyKnowledge(), indexDir, embedder, logger: silentLogger });
    const kb = await KnowledgeBase.open(indexDir, embedder);
    const assistant = new FunctiewijzerAssistant(kb, {
      logger: silentLogger,
      maxQuestionChars: 2000,
      llm: answererFor(fake),
      reindex: () => Promise.reject(new Error("not in this test")),
    });
    // An answer the documents support, so the generated answer is the one given.
    fake.respond(reply("De servicedesk medewerker ICT zit op **niveau C1** [1].\nCITATIONS: [1]"));
    const embeddingsBefore = fake.requests.filter((r) => r.path.endsWith("/embeddings")).length;
    const chatsBefore = fake.chatRequests.length;
    const answer = await assistant.ask("Welke schaal heeft de servicedesk medewerker ICT?");
    expect(fake.chatRequests.length - chatsBefore).toBe(1); // the model was asked …
    expect(answer.mode).toBe("llm"); // … and its answer was used
    expect(fake.requests.filter((r) => r.path.endsWith("/embeddings")).length - embeddingsBefore).toBe(1);
  }, 60_000);
});
