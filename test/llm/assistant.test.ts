import { describe, expect, it } from "vitest";
import { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { silentLogger } from "../../src/platform/logger.js";
import { fail, reply } from "./fakeOpenAi.js";
import { answererFor, userOf, withFakeModel } from "./setup.js";

const env = withFakeModel();

function assistant(options: Parameters<typeof answererFor>[1] = {}): FunctiewijzerAssistant {
  return new FunctiewijzerAssistant(env.kb, {
    logger: silentLogger,
    maxQuestionChars: 2000,
    llm: answererFor(env.fake, options),
    reindex: () => Promise.reject(new Error("not in this test")),
  });
}

describe("FunctiewijzerAssistant with the generated answerer", () => {
  it("answers in llm mode when the model's answer holds up", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT zit op **niveau C1** [1].\nCITATIONS: [1]"));
    const answer = await assistant().ask("Welke schaal heeft de servicedesk medewerker ICT?");
    expect(answer.mode).toBe("llm");
    expect(answer.answered).toBe(true);
    expect(answer.intent).toBe("scale");
    expect(answer.answer).toBe("De servicedesk medewerker ICT zit op **niveau C1** [1].");
    expect(answer.citations[0]?.source).toBe("provincie-servicedesk-medewerker-ict.md");
    expect(answer.followUps.length).toBeGreaterThan(0);
  });

  it("streams through ask() and returns the verified answer", async () => {
    env.fake.respond(reply("Niveau **C1** [1].\nCITATIONS: [1]", 3));
    const deltas: string[] = [];
    const answer = await assistant().ask("Welke schaal heeft de servicedesk medewerker ICT?", { onToken: (d) => deltas.push(d) });
    expect(answer.mode).toBe("llm");
    expect(deltas.join("").trim()).toBe(answer.answer);
  });

  it("answers offline when the model fails", async () => {
    env.fake.respond(fail(500));
    const answer = await assistant().ask("Welke schaal heeft de servicedesk medewerker ICT?");
    expect(answer.mode).toBe("offline");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("C1");
    expect(answer.answer).toMatch(/taalmodel is nu niet bereikbaar/);
    expect(env.fake.chatRequests).toHaveLength(3);
  });

  it("answers offline when the model makes up a scale", async () => {
    env.fake.respond(reply("Schaal 14 [1].\nCITATIONS: [1]"));
    const answer = await assistant().ask("Welke schaal heeft de servicedesk medewerker ICT?");
    expect(answer.mode).toBe("offline");
    expect(answer.answer).not.toContain("14");
    expect(answer.answer).not.toMatch(/niet bereikbaar/); // rejected, not unavailable: no note
  });

  it("gives a follow-up the earlier question as context, for retrieval and in the prompt", async () => {
    env.fake.respond(reply("Zie de functietypering [1].\nCITATIONS: [1]"));
    const bot = assistant();
    await bot.ask("Welke schaal heeft de medewerker ICT techniek informatiebeheer bij het Rijk?", { conversation: "c-1" });
    const followUp = await bot.ask("en schaal 8?", { conversation: "c-1" });
    expect(followUp.mode).toBe("llm");
    const prompt = userOf(env.fake.chatRequests[1]!.body);
    expect(prompt).toContain(
      "This is a follow-up in a conversation. The earlier question was: Welke schaal heeft de medewerker ICT techniek informatiebeheer bij het Rijk?",
    );
    expect(prompt).toContain("en schaal 8?");
    expect(prompt).toMatch(/\[\d+\] rijk-medewerker-ict-techniek-informatiebeheer\.txt/);
  });

  it("never calls the model for a question the offline answerer cannot place", async () => {
    env.fake.respond(reply("Iets.\nCITATIONS: [1]"));
    const answer = await assistant().ask("Wat is de hoofdstad van Frankrijk?");
    expect(answer.mode).toBe("offline");
    expect(env.fake.chatRequests).toHaveLength(0);
  });
});
