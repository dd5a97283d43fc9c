import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { silentLogger } from "../../../src/platform/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { activity, fakeConnector, messageEntity } from "./fakeConnector.js";

describe("Teams door in emulator mode (no app id, loopback host)", () => {
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let server: Listening;
  const feedback = new MemoryFeedback();
  const assistant = new FakeAssistant((question) =>
    /toetsvragen/i.test(question)
      ? {
          intent: "interview",
          answer: "**Toetsvragen voor Onderhandelen** [1]\n\n1. Kun je een situatie schetsen?\n2. Beschrijf een onderhandeling.",
          expansions: [{ label: "…en 3 meer", markdown: "3. Vraag drie\n4. Vraag vier\n5. Vraag vijf" }],
        }
      : {},
  );

  beforeAll(async () => {
    connector = await fakeConnector();
    const config = loadConfig({ TEAMS_SENSITIVITY_LABEL: "Intern" });
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
    return { status: response.status, body: response.body, replies: connector.posted.slice(before) };
  };

  it("answers a scale question with typing, then a native message: Markdown text, citation markers and entity, feedback loop, sensitivity label", async () => {
    const { status, replies } = await send(activity(connector.url));
    expect(status).toBe(200);
    expect(replies.map((r) => r.body.type)).toEqual(["typing", "message"]);
    const reply = replies.at(-1)!;
    expect(reply.path).toMatch(/^\/v3\/conversations\/conv-personal\/activities\/act-\d+$/);
    // The fake's answer has no [n] marker: the door adds a sources line so the citation is clickable.
    expect(reply.body.text).toBe("**Antwoord** op: Welke schaal past bij een servicedesk medewerker?\n\nBronnen: [1]");
    expect(reply.body.textFormat).toBe("markdown");
    expect(reply.body.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const entity = messageEntity(reply.body);
    // Offline answers are not labelled AI-generated.
    expect(entity.additionalType).toBeUndefined();
    expect(entity.usageInfo).toMatchObject({ "@type": "CreativeWork", name: "Intern" });
    expect(entity.citation).toHaveLength(1);
    const citation = entity.citation[0];
    expect(citation).toMatchObject({
      "@type": "Claim",
      position: 1,
      appearance: { "@type": "DigitalDocument", name: "profiel.txt", abstract: "Competenties › Onderhandelen: “Belangen behartigen”", image: { name: "Text" } },
    });
    // The pop-up holds the whole section (Assistant.section), as an Adaptive Card.
    expect(citation.appearance.encodingFormat).toBe("application/vnd.microsoft.card.adaptive");
    // One line per block, so the section's line breaks and lists survive.
    expect(JSON.parse(citation.appearance.text).body.map((b: any) => b.inlines[0].text)).toEqual(
      expect.arrayContaining(["Belangen behartigen van de eigen afdeling.", "Gedragsindicatoren: …"]),
    );
    // Follow-ups as suggested actions in personal chat.
    expect(reply.body.suggestedActions.actions).toEqual([
      { type: "imBack", title: "Welke toetsvragen horen bij onderhandelen?", value: "Welke toetsvragen horen bij onderhandelen?" },
      { type: "imBack", title: "Welke schaal past bij deze functie?", value: "Welke schaal past bij deze functie?" },
    ]);
    expect(assistant.calls.at(-1)).toMatchObject({
      question: "Welke schaal past bij een servicedesk medewerker?",
      options: { channel: "teams", conversation: "teams:conv-personal" },
    });
  });

  it("keeps the answer's own [n] markers, and shows a cut-short list's rest behind a toggle", async () => {
    const { replies } = await send(activity(connector.url, { text: "Geef toetsvragen voor onderhandelen" }));
    const reply = replies.at(-1)!.body;
    expect(reply.text).toBe("**Toetsvragen voor Onderhandelen** [1]\n\n1. Kun je een situatie schetsen?\n2. Beschrijf een onderhandeling.");
    expect(messageEntity(reply).citation.map((c: any) => c.position)).toEqual([1]);
    const card = reply.attachments[0].content;
    expect(card.body[0].actions[0]).toMatchObject({ type: "Action.ToggleVisibility", title: "Toon: …en 3 meer", targetElements: ["expansion-0"] });
    expect(card.body[1]).toMatchObject({ id: "expansion-0", isVisible: false });
    expect(JSON.stringify(card.body[1])).toContain("5. Vraag vijf");
  });

  it("keeps one conversation id for follow-ups, a button asks its question, and 'nieuw gesprek' starts a fresh conversation", async () => {
    const conversation = { id: "conv-2", conversationType: "personal" };
    await send(activity(connector.url, { text: "Geef toetsvragen voor onderhandelen", conversation }));
    await send(activity(connector.url, { text: "en voor klantgerichtheid?", conversation }));
    expect(assistant.calls.at(-1)!.options?.conversation).toBe("teams:conv-2");
    await send(
      activity(connector.url, {
        text: "Welke schaal past bij deze functie?",
        value: { action: "ask", question: "Welke schaal past bij deze functie?" },
        conversation,
      }),
    );
    expect(assistant.calls.at(-1)).toMatchObject({ question: "Welke schaal past bij deze functie?", options: { conversation: "teams:conv-2" } });
    const calls = assistant.calls.length;
    const reset = await send(activity(connector.url, { text: "Nieuw gesprek", conversation }));
    expect(reset.replies.at(-1)!.body.text).toMatch(/^Nieuw gesprek gestart/);
    expect(assistant.calls.length).toBe(calls);
    await send(activity(connector.url, { text: "en voor klantgerichtheid?", conversation }));
    const fresh = assistant.calls.at(-1)!.options!.conversation!;
    expect(fresh).toMatch(/^teams:conv-2#[0-9a-f]{8}$/);
    await send(activity(connector.url, { text: "en voor samenwerken?", conversation }));
    expect(assistant.calls.at(-1)!.options!.conversation).toBe(fresh);
  });

  it("in a channel answers only when @mentioned, per thread, with follow-ups as card buttons and no typing indicator", async () => {
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
    expect(mentioned.replies.map((r) => r.body.type)).toEqual(["message"]);
    const reply = mentioned.replies[0]!.body;
    expect(reply.suggestedActions).toBeUndefined();
    const buttons = reply.attachments[0].content.actions;
    expect(buttons[0]).toMatchObject({
      type: "Action.Submit",
      title: "Welke toetsvragen horen bij onderhandelen?",
      data: {
        action: "ask",
        question: "Welke toetsvragen horen bij onderhandelen?",
        msteams: { type: "messageBack", displayText: "Welke toetsvragen horen bij onderhandelen?" },
      },
    });
    expect(assistant.calls.at(-1)).toMatchObject({
      question: "Welke schaal past bij een servicedesk medewerker?",
      options: { conversation: "teams:19:abc@thread.tacv2;messageid=111" },
    });
    // A follow-up button in the channel is answered without a mention: it carries its payload.
    await send(activity(connector.url, { text: "Welke toetsvragen horen bij onderhandelen?", value: buttons[0].data, conversation: channel }));
    expect(assistant.calls.at(-1)!.question).toBe("Welke toetsvragen horen bij onderhandelen?");
  });

  it("records the native feedback loop's thumbs on the answer it was given for, without a message in the chat", async () => {
    const { replies } = await send(activity(connector.url, { text: "Geef toetsvragen voor onderhandelen" }));
    const messageId = `reply-${connector.posted.indexOf(replies.at(-1)!) + 1}`;
    const invoke = await send(
      activity(connector.url, {
        type: "invoke",
        name: "message/submitAction",
        text: undefined,
        replyToId: messageId,
        value: { actionName: "feedback", actionValue: { reaction: "dislike", feedback: '{"feedbackText":"onvolledig"}' } },
      }),
    );
    expect(invoke.status).toBe(200);
    expect(invoke.replies).toHaveLength(0);
    expect(feedback.votes.at(-1)).toEqual({
      channel: "teams",
      conversation: "conv-personal",
      question: "Geef toetsvragen voor onderhandelen",
      answerId: expect.stringMatching(/^[0-9a-f]{16}$/),
      vote: "down",
      user: "aad-user-1",
    });
    const bad = await send(
      activity(connector.url, {
        type: "invoke",
        name: "message/submitAction",
        text: undefined,
        value: { actionName: "feedback", actionValue: { reaction: "meh" } },
      }),
    );
    expect(bad.status).toBe(400);
    expect(feedback.votes).toHaveLength(1);
  });

  it("welcomes the team with example questions when the bot is installed", async () => {
    const { replies } = await send(activity(connector.url, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "bot-1" }] }));
    expect(replies).toHaveLength(1);
    const card = replies[0]!.body.attachments[0].content;
    expect(card.actions.map((a: any) => a.data.question)).toContain("Welke schaal past bij het profiel?"); // from the documents (Assistant.examples)
    const someoneElse = await send(activity(connector.url, { type: "conversationUpdate", text: undefined, membersAdded: [{ id: "user-9" }] }));
    expect(someoneElse.replies).toHaveLength(0);
  });

  it("handles non-text activities and malformed bodies without crashing or asking the assistant", async () => {
    const calls = assistant.calls.length;
    const attachment = await send(activity(connector.url, { text: "", attachments: [{ contentType: "image/png", contentUrl: "https://example.org/x.png" }] }));
    expect(attachment.status).toBe(200);
    expect(attachment.replies.at(-1)!.body.text).toMatch(/bijlagen/);
    expect((await send(activity(connector.url, { type: "messageReaction", text: undefined, reactionsAdded: [{ type: "like" }] }))).status).toBe(200);
    expect((await send(activity(connector.url, { type: "invoke", name: "unknown/thing", text: undefined }))).status).toBe(200);
    expect((await send(activity(connector.url, { text: undefined, value: { action: "explode" } }))).replies.at(-1)!.body.text).toMatch(/knop/);
    expect(assistant.calls.length).toBe(calls);
    expect((await postJson(`${server.url}/api/messages`, { hello: "world" })).status).toBe(400);
    expect((await postJson(`${server.url}/api/messages`, "{broken")).status).toBe(400);
    expect((await postJson(`${server.url}/api/messages`, { type: "message", conversation: {} })).status).toBe(400);
  });

  it("says so, politely, while the index is still loading", async () => {
    const calls = assistant.calls.length;
    assistant.ready = false;
    try {
      const { replies } = await send(activity(connector.url));
      expect(replies.at(-1)!.body.text).toMatch(/^Ik ben net opgestart/);
    } finally {
      assistant.ready = true;
    }
    expect(assistant.calls.length).toBe(calls);
  });

  it("sends nothing to a serviceUrl that is not on this machine (no blind SSRF)", async () => {
    const calls = assistant.calls.length;
    for (const target of [
      "http://169.254.169.254/latest/",
      "http://10.0.0.1:8080/",
      "https://example.org/",
      "http://127.0.0.1.evil.example/",
      "file:///etc/passwd",
    ]) {
      const response = await postJson(`${server.url}/api/messages`, activity(target));
      expect(response.status).toBe(400);
    }
    expect(assistant.calls.length).toBe(calls);
  });
});

describe("Teams door without an app id on a public address", () => {
  it("is not mounted, and its description says why", async () => {
    const assistant = new FakeAssistant();
    const config = loadConfig({ HOST: "0.0.0.0" });
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback: new MemoryFeedback() });
    expect(door.description).toMatch(/Teams\s+off: no MICROSOFT_APP_ID.*loopback HOST, not 0\.0\.0\.0/);
    const server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }));
    try {
      const connector = await fakeConnector();
      expect((await postJson(`${server.url}/api/messages`, activity(connector.url))).status).toBe(404);
      expect(connector.posted).toHaveLength(0);
      await connector.close();
      expect(assistant.calls).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe("Teams door rate limit per user", () => {
  it("answers a user's questions up to RATE_LIMIT_PER_MINUTE, then asks them to wait, while others are still answered", async () => {
    const assistant = new FakeAssistant();
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: "2" });
    const door = createTeamsDoor({ assistant, config, logger: silentLogger, feedback: new MemoryFeedback() });
    const server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }));
    const connector = await fakeConnector();
    try {
      for (let i = 0; i < 3; i++) await postJson(`${server.url}/api/messages`, activity(connector.url));
      expect(assistant.calls).toHaveLength(2);
      expect(connector.posted.at(-1)!.body.text).toMatch(/wacht even een minuut/);
      await postJson(`${server.url}/api/messages`, activity(connector.url, { from: { id: "user-2", aadObjectId: "aad-user-2" } }));
      expect(assistant.calls).toHaveLength(3);
    } finally {
      await server.close();
      await connector.close();
    }
  });
});
