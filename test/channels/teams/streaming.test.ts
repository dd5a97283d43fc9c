import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctiewijzerAssistant } from "../../../src/answer/assistant.js";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { listen, postJson, type Listening } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { reply } from "../../llm/fakeOpenAi.js";
import { answererFor, withFakeModel } from "../../llm/setup.js";
import { activity, fakeConnector, kindOf, messageEntity, type Posted } from "./fakeConnector.js";

const env = withFakeModel();
const streamInfo = (post: Posted) => (post.body.entities ?? []).find((e: { type?: string }) => e.type === "streaminfo");

describe("Teams door with generated answers (LLM mode, fake model)", () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let server: Listening;
  const feedback = new MemoryFeedback();

  beforeAll(async () => {
    connector = await fakeConnector();
    const assistant = new FunctiewijzerAssistant(env.kb, {
      logger: silentLogger,
      maxQuestionChars: 2000,
      llm: answererFor(env.fake),
      reindex: () => Promise.reject(new Error("not here")),
    });
    const config = loadConfig({});
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback }, { streamDelayMs: 20 });
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback, doors: [door] }));
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  const ask = async (overrides: Record<string, unknown> = {}) => {
    const before = connector.posted.length;
    const response = await postJson(
      `${server.url}/api/messages`,
      activity(connector.url, { text: "Welke schaal heeft de servicedesk medewerker ICT?", ...overrides }),
    );
    expect(response.status).toBe(200);
    return connector.posted.slice(before);
  };

  it("streams progress only in personal chat: informative updates in the question's language, then the verified answer as the final message (no streamSequence), with AI label, citations and feedback", async () => {
    // Slow enough that the model's text arrives over several tokens.
    env.fake.respond(
      reply("De servicedesk medewerker ICT zit op **niveau C1** [1]. Dat staat in de functiebeschrijving van de provincie.\nCITATIONS: [1]", 6, 40),
    );
    // An English-locale Teams client asking in Dutch still gets Dutch notes.
    const posts = await ask({ locale: "en-US" });
    const kinds = posts.map((p) => kindOf(p.body));
    expect(kinds).toEqual(["typing:informative", "typing:informative", "message:final"]);
    expect(posts[0]!.body.text).toBe("Zoekt in de functiebeschrijvingen…");
    expect(posts[1]!.body.text).toBe("Schrijft het antwoord en controleert het aan de bronnen…");
    // Nothing of the model's text goes out before it is verified.
    expect(posts.slice(0, -1).some((p) => p.body.text.includes("niveau C1"))).toBe(false);
    expect(posts.map((p) => streamInfo(p).streamSequence)).toEqual([1, 2, undefined]);
    const streamId = streamInfo(posts[1]!).streamId;
    expect(streamId).toBeTruthy();
    expect(streamInfo(posts[2]!)).toEqual({ type: "streaminfo", streamId, streamType: "final" });
    const final = posts.at(-1)!.body;
    expect(final.text).toBe("De servicedesk medewerker ICT zit op **niveau C1** [1]. Dat staat in de functiebeschrijving van de provincie.");
    expect(final.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const entity = messageEntity(final);
    expect(entity.additionalType).toEqual(["AIGeneratedContent"]);
    expect(entity.citation[0].appearance.abstract).toContain("Niveau");
    expect(final.entities.filter((e: any) => e.type === "https://schema.org/Message")).toHaveLength(1);
    expect(final.suggestedActions.actions.length).toBeGreaterThan(0);

    // The native feedback on the streamed message is recorded against this answer.
    await postJson(
      `${server.url}/api/messages`,
      activity(connector.url, {
        type: "invoke",
        name: "message/submitAction",
        text: undefined,
        replyToId: streamId,
        value: { actionName: "feedback", actionValue: { reaction: "like", feedback: "" } },
      }),
    );
    expect(feedback.votes.at(-1)).toMatchObject({
      channel: "teams",
      vote: "up",
      question: "Welke schaal heeft de servicedesk medewerker ICT?",
      answerId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it("sends group chats and channels the final message only, still with the AI label and citations", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT zit op **niveau C1** [1].\nCITATIONS: [1]", 6, 10));
    const posts = await ask({
      conversation: { id: "group-1", conversationType: "groupChat" },
      text: "<at>Functiewijzer</at> Welke schaal heeft de servicedesk medewerker ICT?",
      entities: [{ type: "mention", text: "<at>Functiewijzer</at>", mentioned: { id: "bot-1" } }],
    });
    expect(posts.map((p) => p.body.type)).toEqual(["typing", "message"]);
    expect(posts.every((p) => !streamInfo(p))).toBe(true);
    expect(messageEntity(posts[1]!.body).additionalType).toEqual(["AIGeneratedContent"]);
    expect(posts[1]!.body.text).toContain("[1]");
  });

  it("gives the offline answer, without the AI label, when the model's answer fails verification; the rejected text is never sent", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT valt in **schaal 99**, tot 6.500 euro per maand [1].\nCITATIONS: [1]", 5, 20));
    const posts = await ask({ conversation: { id: "conv-llm-2", conversationType: "personal" } });
    for (const post of posts) expect(JSON.stringify(post.body)).not.toMatch(/99|6\.500/);
    const final = posts.at(-1)!;
    expect(streamInfo(final)?.streamType).toBe("final");
    expect(messageEntity(final.body).additionalType).toBeUndefined();
    expect(messageEntity(final.body).citation.length).toBeGreaterThan(0);
  });
});
