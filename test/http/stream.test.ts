import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeAssistant } from "../support/fakeAssistant.js";
import { listen, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

/** A model that drafts "schaal 99"; verification replaces it with what the documents support. */
const assistant = new FakeAssistant((_question, options) => {
  for (const delta of ["Dat is ", "schaal 99 [1]."]) options?.onToken?.(delta);
  return { mode: "llm", answer: "Dat is **niveau C1** [1]." };
});

describe("/api/ask/stream marks the model's text as an unverified draft", () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
  });
  afterAll(() => server.close());

  it("sends drafts as provisional token events and the verified answer as the one answer event, last", async () => {
    const response = await fetch(`${server.url}/api/ask/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "Welke schaal?" }),
    });
    const events = (await response.text())
      .split("\n\n")
      .filter(Boolean)
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)![1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
    expect(events.map((e) => e.event)).toEqual(["token", "token", "answer"]);
    for (const token of events.slice(0, 2)) expect(token.data.provisional).toBe(true);
    expect(events[2]!.data.answer).toBe("Dat is **niveau C1** [1].");
    expect(events[2]!.data.provisional).toBeUndefined();
  });
});
