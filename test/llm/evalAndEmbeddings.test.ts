import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema } from "../../src/domain/answer.js";
import { loadConfig } from "../../src/platform/config.js";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { selectEmbedder } from "../../src/search/embeddings/select.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { copyKnowledge, localEmbedder, tempDir } from "../support/knowledge.js";
import { runScript } from "../support/run.js";
import { dynamic, FakeOpenAi, reply } from "./fakeOpenAi.js";

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await FakeOpenAi.start();
});
afterAll(() => fake.close());

describe("OpenAI-compatible embeddings", () => {
  it("embed through the configured endpoint, are recorded in the index, and a change of embedder rebuilds it", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = tempDir("fw-openai-index-");
    const embedder = selectEmbedder(loadConfig({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_EMBEDDINGS_MODEL: "fake-embed" }));
    expect(embedder.id).toBe(`openai:${fake.baseUrl}:fake-embed`);
    const first = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(first.embedded).toBe(first.chunks);
    expect(fake.requests.some((r) => r.path.endsWith("/embeddings") && r.body.model === "fake-embed")).toBe(true);
    const kb = await KnowledgeBase.open(indexDir, embedder);
    expect(kb.manifest.embedder).toBe(embedder.id);
    expect((await kb.search("toetsvragen onderhandelen", { k: 3 })).length).toBe(3);

    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_obj: unknown, msg?: string) => void warnings.push(String(msg)) } as unknown as typeof silentLogger;
    const rebuilt = await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger });
    expect(rebuilt.reused).toBe(0);
    expect(rebuilt.embedded).toBe(rebuilt.chunks);
    expect(warnings.join(" ")).toMatch(/embedder changed/);
  }, 30_000);
});

describe("npm run eval -- --mode llm", () => {
  it("evaluates generated answers against a configured endpoint and reports the same metrics", async () => {
    // The fake model answers with the first line of the first context block, cited.
    fake.respond(
      dynamic((body) => {
        const user = body.messages?.find((m) => m.role === "user")?.content ?? "";
        const line = /\[1\][^\n]*\n([^\n]+)/.exec(user)?.[1] ?? "Zie de bron.";
        return reply(`${line.replace(/\d/g, "")} [1]\nCITATIONS: [1]`);
      }),
    );
    const dir = tempDir("fw-eval-llm-");
    const questions = join(dir, "questions.jsonl");
    writeFileSync(
      questions,
      [
        {
          id: "a",
          who: "recruiter",
          question: "Geef toetsvragen voor onderhandelen",
          answerable: true,
          facts: [],
          sources: ["ufo-service-level-manager-ict.txt"],
        },
        { id: "b", who: "employee", question: "Wat verdient iemand in schaal 8?", answerable: false, facts: [], sources: [] },
      ]
        .map((q) => JSON.stringify(q))
        .join("\n"),
    );
    const run = await runScript("src/eval/answers.ts", ["--mode", "llm", "--json", "--questions", questions], {
      OPENAI_BASE_URL: fake.baseUrl,
      EMBEDDINGS: "local",
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ mode: "llm", questions: 2, answerable: 1, unanswerable: 1, correctRefusals: 1 });
    expect(report.citationPrecision).toBe(1);
    expect(fake.chatRequests.length).toBeGreaterThan(0);
    expect(AnswerSchema.shape.mode.options).toContain("llm");
  }, 60_000);

  it("refuses --mode llm without a configured endpoint, in one line", async () => {
    const run = await runScript("src/eval/answers.ts", ["--mode", "llm"], { OPENAI_BASE_URL: "", OPENAI_API_KEY: "" });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/OPENAI_API_KEY or OPENAI_BASE_URL/);
  }, 30_000);
});
