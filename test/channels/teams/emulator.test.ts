import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { silentLogger } from "../../../src/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";

type Posted = { path: string; body: any };

/** A fake Bot Framework connector on 127.0.0.1: records every activity the bot sends. */
async function fakeConnector(): Promise<{ url: string; posted: Posted[]; close: () => Promise<void> }> {
  const posted: Posted[] = [];
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.post(/^\/v3\/conversations\/.+$/, (req, res) => {
    posted.push({ path: decodeURIComponent(req.path), body: req.body });
    res.json({ id: `reply-${posted.length}` });
  });
  const server = await listen(app);
  return { url: server.url, posted, close: server.close };
}

let counter = 0;
function activity(connector: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: "message",
    id: `act-${counter}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector,
    channelId: "msteams",
    from: { id: "user-1", name: "Manager", aadObjectId: "aad-user-1" },
    recipient: { id: "bot-1", name: "Functiewijzer" },
    conversation: { id: "conv-personal", conversationType: "personal" },
    locale: "nl-NL",
    text: "Welke schaal past bij een servicedesk medewerker?",
    ...overrides,
  };
}

const cardOf = (post: Posted) => post.body.attachments?.[0]?.content;
const cardText = (post: Posted) => JSON.stringify(cardOf(post));

describe("Teams door in emulator mode (no app id)", () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let server: Listening;
  const feedback = new MemoryFeedback();
  const assistant = new FakeAssistant((question) => (/toetsvragen/i.test(question) ? { intent: "interview", answer: "**Toetsvragen voor Onderhandelen**\n\n1. Kun je een situatie schetsen?\n2. Beschrijf een onderhandeling." } : {}));

  beforeAll(async () => {
    connector = await fakeConnector();
    const config = loadConfig({});
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback });
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback, doors: [door] }));
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  const send = async (body: Record<string, unknown>) => {
    const before = connector.posted.length;
    const response = await postJson(`${server.url}/api/messages`, body);
    return { status: response.status, replies: connector.posted.slice(before) };
  };

  it("answers a scale question with typing, then an Adaptive Card with the answer and its citations", async () => {
    const { status, replies } = await send(activity(connector.url));
    expect(status).toBe(200);
    expect(replies[0]!.body.type).toBe("typing");
    const reply = replies.at(-1)!;
    expect(reply.path).toMatch(/^\/v3\/conversations\/conv-personal\/activities\/act-\d+$/);
    expect(reply.body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(reply)).toContain("Antwoord");
    expect(cardText(reply)).toContain("Competenties › Onderhandelen");
    expect(cardText(reply)).toContain("profiel.txt");
    expect(assistant.calls.at(-1)).toMatchObject({ question: "Welke schaal past bij een servicedesk medewerker?", options: { channel: "teams", conversation: "teams:conv-personal" } });
  });

  it("answers an interview question with the list in the card and follow-up and feedback buttons", async () => {
    const { replies } = await send(activity(connector.url, { text: "Geef toetsvragen voor onderhandelen" }));
    const card = cardOf(replies.at(-1)!);
    expect(JSON.stringify(card.body)).toContain("1. Kun je een situatie schetsen?");
    const titles = card.actions.map((a: { title: string }) => a.title);
    expect(titles).toEqual(expect.arrayContaining(["Welke toetsvragen horen bij onderhandelen?", "👍", "👎"]));
  });

  it("keeps one conversation id for follow-ups, and a follow-up button asks its question", async () => {
    await send(activity(connector.url, { text: "Geef toetsvragen voor onderhandelen", conversation: { id: "conv-2", conversationType: "personal" } }));
    await send(activity(connector.url, { text: "en voor klantgerichtheid?", conversation: { id: "conv-2", conversationType: "personal" } }));
    expect(assistant.calls.at(-1)!.options?.conversation).toBe("teams:conv-2");
    await send(activity(connector.url, { text: undefined, value: { action: "ask", question: "Welke schaal past bij deze functie?" }, conversation: { id: "conv-2", conversationType: "personal" } }));
    expect(assistant.calls.at(-1)).toMatchObject({ question: "Welke schaal past bij deze functie?", options: { conversation: "teams:conv-2" } });
  });

  it("in a channel answers only when @mentioned, with the mention stripped, per thread", async () => {
    const calls = assistant.calls.length;
    const channel = { id: "19:abc@thread.tacv2;messageid=111", conversationType: "channel" };
    const silent = await send(activity(connector.url, { text: "Welke schaal past hier?", conversation: channel }));
    expect(silent.status).toBe(200);
    expect(silent.replies).toHaveLength(0);
    expect(assistant.calls.length).toBe(calls);
    const mentioned = await send(
      activity(connector.url, {
        text: "<at>Functiewijzer</at> Welke schaal past bij een servicedesk medewerker?",
        conversation: channel,
        entities: [{ type: "mention", text: "<at>Functiewijzer</at>", mentioned: { id: "bot-1", name: "Functiewijzer" } }],
      }),
    );
    expect(mentioned.replies.at(-1)!.body.attachments).toHaveLength(1);
    expect(assistant.calls.at(-1)).toMatchObject({ question: "Welke schaal past bij een servicedesk medewerker?", options: { conversation: "teams:19:abc@thread.tacv2;messageid=111" } });
  });

  it("records a thumbs-up from the card and thanks the user", async () => {
    const { replies } = await send(activity(connector.url, { text: undefined, value: { action: "feedback", vote: "up", answerId: "0123456789abcdef", question: "Geef toetsvragen" } }));
    expect(feedback.votes.at(-1)).toMatchObject({ channel: "teams", vote: "up", answerId: "0123456789abcdef", conversation: "conv-personal", user: "aad-user-1" });
    expect(replies.at(-1)!.body.text).toMatch(/Bedankt/);
  });

  it("welcomes the team with example questions when the bot is installed", async () => {
    const { replies } = await send(activity(connector.url, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "bot-1" }] }));
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0]!)).toContain("Welke schaal past bij een servicedesk medewerker?");
    const someoneElse = await send(activity(connector.url, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "user-9" }] }));
    expect(someoneElse.replies).toHaveLength(0);
  });

  it("handles non-text activities without crashing", async () => {
    const calls = assistant.calls.length;
    const attachment = await send(activity(connector.url, { text: "", attachments: [{ contentType: "image/png", contentUrl: "https://example.org/x.png" }] }));
    expect(attachment.status).toBe(200);
    expect(attachment.replies.at(-1)!.body.text).toMatch(/bijlagen/);
    expect((await send(activity(connector.url, { type: "messageReaction", text: undefined, reactionsAdded: [{ type: "like" }] }))).status).toBe(200);
    expect((await send(activity(connector.url, { type: "invoke", name: "unknown/thing", text: undefined }))).status).toBeLessThan(500);
    expect((await send(activity(connector.url, { text: undefined, value: { action: "explode" } }))).replies.at(-1)!.body.text).toMatch(/knop/);
    expect(assistant.calls.length).toBe(calls);
    expect((await postJson(`${server.url}/api/messages`, { hello: "world" })).status).toBe(400);
    expect((await postJson(`${server.url}/api/messages`, "{broken")).status).toBe(400);
  });
});

describe("Teams door with an app id", () => {
  it("rejects requests without or with a malformed token before the bot runs", async () => {
    const assistant = new FakeAssistant();
    const config = loadConfig({ MICROSOFT_APP_ID: "00000000-1111-2222-3333-444444444444", MICROSOFT_APP_PASSWORD: "not-a-real-secret" });
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback: new MemoryFeedback() });
    const server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }));
    try {
      expect(door.description).toContain("00000000-1111-2222-3333-444444444444");
      const body = activity("http://127.0.0.1:9");
      expect((await postJson(`${server.url}/api/messages`, body)).status).toBe(401);
      expect((await postJson(`${server.url}/api/messages`, body, { authorization: "Basic abc" })).status).toBe(401);
      // botbuilder reports the rejected token with console.error: an expected failure, checked here instead of
      // printed into the test output where it looks like a real one.
      const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
      expect((await postJson(`${server.url}/api/messages`, body, { authorization: "Bearer not.a.jwt" })).status).toBe(401);
      for (const [first] of consoleError.mock.calls) {
        expect((first as Error).constructor.name).toBe("AuthenticationError");
        expect(first).toMatchObject({ statusCode: 401 });
      }
      expect(assistant.calls).toHaveLength(0);
    } finally {
      vi.restoreAllMocks();
      await server.close();
    }
  });
});
