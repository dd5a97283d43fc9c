import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { listen, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import { reply } from "./fakeOpenAi.js";
import { answererFor, withFakeModel } from "./setup.js";

const env = withFakeModel();

describe("streaming a generated answer to the web chat", () => {
  let server: Listening;
  beforeAll(async () => {
    const assistant = new FunctiewijzerAssistant(env.kb, {
      logger: silentLogger,
      maxQuestionChars: 2000,
      llm: answererFor(env.fake),
      reindex: () => Promise.reject(new Error("not here")),
    });
    server = await listen(createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
  });
  afterAll(() => server.close());

  it("sends the model's text as token events, then the verified answer with its citations", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT zit op **niveau C1** [1].\nCITATIONS: [1]", 5));
    const response = await fetch(`${server.url}/api/ask/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "Welke schaal heeft de servicedesk medewerker ICT?" }),
    });
    const events = (await response.text())
      .split("\n\n")
      .filter(Boolean)
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)![1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
    const tokens = events.filter((e) => e.event === "token");
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.map((t) => t.data.delta).join("")).not.toContain("CITATIONS");
    const final = events.at(-1)!;
    expect(final.event).toBe("answer");
    expect(final.data).toMatchObject({ mode: "llm", answered: true, answer: "De servicedesk medewerker ICT zit op **niveau C1** [1]." });
    expect(final.data.citations[0].source).toBe("provincie-servicedesk-medewerker-ict.md");
  });
});
