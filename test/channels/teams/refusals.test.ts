import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FunctiewijzerAssistant } from "../../../src/answer/assistant.js";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { listen, postJson, type Listening } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { reply } from "../../llm/fakeOpenAi.js";
import { answererFor, withFakeModel } from "../../llm/setup.js";
import { activity, fakeConnector, kindOf, messageEntity, type FakeConnector, type Posted } from "./fakeConnector.js";

const env = withFakeModel();
const VERIFIED = "De servicedesk medewerker ICT zit op **niveau C1** [1]. Dat staat in de functiebeschrijving van de provincie.";
const REPORT = process.env.REFUSAL_PAYLOADS === "1";

/** Every accepted post that shows the answer's text to the user (stream updates carry progress only). */
const shown = (posts: Posted[]) => posts.filter((p) => !p.refused && p.body.type === "message" && String(p.body.text).includes("niveau C1"));
const isFinal = (body: any) => kindOf(body) === "message:final";
const isInformative = (body: any) => kindOf(body) === "typing:informative";

describe("Teams door when the Bot Connector refuses (LLM mode, personal chat, fake connector)", () => {
  let connector: FakeConnector;
  let server: Listening;
  let conversation = 0;

  beforeAll(async () => {
    connector = await fakeConnector();
    const feedback = new MemoryFeedback();
    const assistant = new FunctiewijzerAssistant(env.kb, {
      logger: silentLogger,
      maxQuestionChars: 2000,
      llm: answererFor(env.fake),
      reindex: () => Promise.reject(new Error("not here")),
    });
    const config = loadConfig({ TEAMS_SENSITIVITY_LABEL: "Intern", TEAMS_SENSITIVITY_DESCRIPTION: "Alleen voor medewerkers" });
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback }, { streamDelayMs: 20, sendRetry: { baseMs: 20, maxMs: 3_000 } });
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback, doors: [door] }));
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.refusals.length = 0;
    env.fake.respond(reply(`${VERIFIED}\nCITATIONS: [1]`, 8, 15));
  });

  const ask = async (overrides: Record<string, unknown> = {}) => {
    const before = connector.posted.length;
    conversation++;
    const response = await postJson(
      `${server.url}/api/messages`,
      activity(connector.url, {
        text: "Welke schaal heeft de servicedesk medewerker ICT?",
        conversation: { id: `refusal-${conversation}`, conversationType: "personal" },
        ...overrides,
      }),
    );
    expect(response.status).toBe(200);
    const posts = connector.posted.slice(before);
    if (REPORT)
      process.stdout.write(
        `${JSON.stringify(
          posts.map((p) => ({ refused: p.refused, body: p.body })),
          null,
          1,
        )}\n`,
      );
    return posts;
  };

  /** The user ends with the verified answer exactly once, with its AI label, citations, sensitivity label and feedback. */
  const expectAnsweredOnce = (posts: Posted[]) => {
    const answers = shown(posts);
    expect(answers).toHaveLength(1);
    const body = answers[0]!.body;
    expect(body.text).toBe(VERIFIED);
    expect(body.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const entity = messageEntity(body);
    expect(entity.additionalType).toEqual(["AIGeneratedContent"]);
    expect(entity.citation.length).toBeGreaterThan(0);
    expect(entity.usageInfo).toEqual({ "@type": "CreativeWork", "@id": "sensitivity1", name: "Intern", description: "Alleen voor medewerkers" });
    for (const citation of entity.citation) expect(citation.appearance.usageInfo["@id"]).toBe(entity.usageInfo["@id"]);
    return body;
  };

  it("stream start refused (403 ContentStreamNotAllowed): no stream, the answer as an ordinary message", async () => {
    connector.refusals.push({ when: isInformative, status: 403, code: "ContentStreamNotAllowed", message: "Content stream is not allowed", times: 99 });
    const posts = await ask();
    const body = expectAnsweredOnce(posts);
    expect(kindOf(body)).toBe("message:-");
    // After the refusal the door stops streaming: one refused update, then the message.
    expect(posts.filter((p) => p.refused)).toHaveLength(1);
  });

  it("final stream message refused (stream timed out after two minutes): the answer as an ordinary message, once", async () => {
    connector.refusals.push({
      when: isFinal,
      status: 403,
      code: "ContentStreamNotAllowed",
      message: "Content stream finished due to exceeded streaming time.",
      times: 1,
    });
    const posts = await ask();
    expect(posts.filter((p) => p.refused).map((p) => kindOf(p.body))).toEqual(["message:final"]);
    const body = expectAnsweredOnce(posts);
    expect(kindOf(body)).toBe("message:-");
  });

  it("429 with Retry-After on the final message: waits as told, then ends the stream with the answer", async () => {
    connector.refusals.push({ when: isFinal, status: 429, code: "Throttled", headers: { "Retry-After": "1" }, times: 1 });
    const started = Date.now();
    const posts = await ask();
    const refusedAt = posts.findIndex((p) => p.refused === 429);
    expect(refusedAt).toBeGreaterThan(0);
    const body = expectAnsweredOnce(posts);
    expect(isFinal(body)).toBe(true);
    expect(body.entities.find((e: any) => e.type === "streaminfo").streamSequence).toBeUndefined();
    // Retry-After: 1 s was honoured (the configured back-off alone is 20 ms).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("412 and 502 on stream updates are retried; the stream continues", async () => {
    connector.refusals.push({ when: isInformative, status: 412, code: "PreconditionFailed", times: 1 });
    connector.refusals.push({ when: isInformative, status: 502, code: "BadGateway", times: 1 });
    const posts = await ask();
    expect(posts.filter((p) => p.refused).map((p) => p.refused)).toEqual([412, 502]);
    expect(isFinal(expectAnsweredOnce(posts))).toBe(true);
  });

  it("504 on every try of the final message: the retries are bounded, then the answer goes as an ordinary message", async () => {
    connector.refusals.push({ when: isFinal, status: 504, code: "GatewayTimeout", times: 99 });
    const posts = await ask();
    // One try and three retries (Microsoft's example policy), then the ordinary message.
    expect(posts.filter((p) => p.refused === 504)).toHaveLength(4);
    expect(kindOf(expectAnsweredOnce(posts))).toBe("message:-");
  });

  it("an answer message refused with 400 (an entity Teams will not take) comes again as plain text with its sources and AI label", async () => {
    connector.refusals.push({
      when: (body) => body.type === "message" && !isFinal(body) && Boolean(messageEntity(body)?.citation),
      status: 400,
      code: "BadArgument",
      times: 99,
    });
    connector.refusals.push({ when: isFinal, status: 403, code: "ContentStreamNotAllowed", times: 1 });
    const posts = await ask();
    const answers = shown(posts);
    expect(answers).toHaveLength(1);
    const body = answers[0]!.body;
    expect(body.text.startsWith(VERIFIED)).toBe(true);
    expect(body.text).toMatch(/Bronnen:\n\n- \[1\] .+/);
    expect(messageEntity(body).additionalType).toEqual(["AIGeneratedContent"]);
    expect(body.channelData).toMatchObject({ feedbackLoopEnabled: true });
  });

  it("a 429 on an offline-style group chat answer is retried, not replaced by an error message", async () => {
    connector.refusals.push({ when: (body) => body.type === "message", status: 429, code: "Throttled", times: 2 });
    const posts = await ask({
      conversation: { id: "group-refusals", conversationType: "groupChat" },
      text: "<at>Functiewijzer</at> Welke schaal heeft de servicedesk medewerker ICT?",
      entities: [{ type: "mention", text: "<at>Functiewijzer</at>", mentioned: { id: "bot-1" } }],
    });
    expect(posts.filter((p) => p.refused === 429)).toHaveLength(2);
    expectAnsweredOnce(posts);
    expect(posts.some((p) => /ging iets mis|went wrong/.test(String(p.body.text)))).toBe(false);
  });
});
