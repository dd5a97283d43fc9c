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
import { activity, fakeConnector, messageEntity, type Posted } from "./fakeConnector.js";

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

  it("streams in personal chat: an informative update, text chunks with rising sequence numbers, then the final message with AI label, citations and feedback", async () => {
    // Slow enough that the model's text arrives over several streamed updates.
    env.fake.respond(
      reply("De servicedesk medewerker ICT zit op **niveau C1** [1]. Dat staat in de functiebeschrijving van de provincie.\nCITATIONS: [1]", 6, 40),
    );
    const posts = await ask();
    const kinds = posts.map((p) => `${p.body.type}:${streamInfo(p)?.streamType ?? "-"}`);
    expect(kinds[0]).toBe("typing:informative");
    expect(posts[0]!.body.text).toBe("Zoekt in de functiebeschrijvingen…");
    expect(kinds.at(-1)).toBe("message:final");
    const chunks = posts.filter((p) => streamInfo(p)?.streamType === "streaming");
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(kinds.slice(1, -1).every((k) => k === "typing:streaming")).toBe(true);
    // Each chunk carries the text so far; sequence numbers rise through informative, chunks and final.
    const sequences = posts.map((p) => streamInfo(p).streamSequence as number);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.body.text.startsWith(chunks[i - 1]!.body.text)).toBe(true);
    expect(chunks.map((c) => c.body.text).join("")).not.toContain("CITATIONS");
    // After the first update every activity names the stream it belongs to.
    const streamId = posts[1]!.body.entities.find((e: any) => e.type === "streaminfo").streamId;
    expect(streamId).toBeTruthy();
    expect(posts.slice(1).every((p) => streamInfo(p).streamId === streamId)).toBe(true);
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

  it("gives the offline answer, without the AI label, when the model's answer fails verification", async () => {
    env.fake.respond(reply("De servicedesk medewerker ICT zit op **schaal 99** [1].\nCITATIONS: [1]", 50, 0));
    const posts = await ask({ conversation: { id: "conv-llm-2", conversationType: "personal" } });
    const final = posts.at(-1)!;
    expect(streamInfo(final)?.streamType).toBe("final");
    expect(final.body.text).not.toContain("99");
    expect(messageEntity(final.body).additionalType).toBeUndefined();
    expect(messageEntity(final.body).citation.length).toBeGreaterThan(0);
  });
});
