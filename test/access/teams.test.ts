import { generateKeyPairSync } from "node:crypto";
import express from "express";
import { exportJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/domain/assistant.js";
import { createTeamsDoor } from "../../src/channels/teams/index.js";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { activity, fakeConnector } from "../channels/teams/fakeConnector.js";
import { fakeLogin, ISSUER } from "../channels/teams/fakeLogin.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import { HIDDEN_QUESTION, HIDDEN_SOURCE, HIDDEN_WORD, setsAssistant, setsKnowledge } from "./setsKnowledge.js";

const APP_ID = "5b1c7f0e-2d3a-4c5b-8e9f-0a1b2c3d4e5f";
const TENANT = "0d3f6c2a-1b2c-4d5e-8f90-123456789abc";
const HR_GROUP = "6f1c2a9e-0000-4000-8000-00000000a11a";
const GRAPH_TOKEN = "graph-token-for-the-bot";

/** A fake Microsoft Graph on 127.0.0.1: checkMemberGroups for the users it knows, with the bot's token only. */
async function fakeGraph(members: Record<string, string[]>) {
  const calls: { user: string; groupIds: string[]; authorization?: string }[] = [];
  const app = express();
  app.use(express.json());
  app.post("/v1.0/users/:user/checkMemberGroups", (req, res) => {
    calls.push({ user: req.params.user, groupIds: req.body.groupIds, authorization: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${GRAPH_TOKEN}`) return void res.status(401).json({ error: { code: "InvalidAuthenticationToken" } });
    const groups = members[req.params.user] ?? [];
    res.json({ value: (req.body.groupIds as string[]).filter((id) => groups.includes(id)) });
  });
  const server = await listen(app);
  return { url: server.url, calls, close: server.close };
}

/** The Teams door with token authentication (fake login service), over the real assistant, groups from a fake Graph. */
describe("document sets in Teams: the HR channel and HR's Entra group see hr-only, other chats do not", () => {
  const knowledgeDir = setsKnowledge();
  const signing = generateKeyPairSync("rsa", { modulusLength: 2048 });
  let assistant: Assistant;
  let login: Awaited<ReturnType<typeof fakeLogin>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  let server: Listening;

  const token = () =>
    new SignJWT({ iss: ISSUER, aud: APP_ID, serviceurl: connector.url })
      .setProtectedHeader({ alg: "RS256", kid: "key-1", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(signing.privateKey);
  /** Sends one activity and returns what the bot posted back, the echoed question left out. */
  const replyTo = async (overrides: Record<string, unknown>): Promise<string> => {
    const before = connector.posted.length;
    const response = await postJson(`${server.url}/api/messages`, activity(connector.url, { text: HIDDEN_QUESTION, ...overrides }), {
      authorization: `Bearer ${await token()}`,
    });
    expect(response.status).toBe(200);
    const replies = connector.posted.slice(before).filter((p) => p.body.type === "message");
    expect(replies.length).toBeGreaterThan(0);
    return JSON.stringify(replies.map((p) => p.body)).replaceAll(HIDDEN_QUESTION, "");
  };
  const personal = (aadObjectId: string) =>
    replyTo({
      from: { id: `29:${aadObjectId}`, name: "Medewerker", aadObjectId },
      conversation: { id: `a:${aadObjectId}`, conversationType: "personal", tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
  const inChannel = (channel: string, aadObjectId: string) =>
    replyTo({
      text: `<at>Functiewijzer</at> ${HIDDEN_QUESTION}`,
      entities: [{ type: "mention", text: "<at>Functiewijzer</at>", mentioned: { id: "bot-1", name: "Functiewijzer" } }],
      from: { id: `29:${aadObjectId}`, name: "Medewerker", aadObjectId },
      conversation: { id: `${channel};messageid=1700000000000`, conversationType: "channel", tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" }, channel: { id: channel } },
    });

  beforeAll(async () => {
    ({ assistant } = await setsAssistant(knowledgeDir));
    login = await fakeLogin([{ ...(await exportJWK(signing.publicKey)), kid: "key-1", use: "sig", endorsements: ["msteams"] } as never]);
    connector = await fakeConnector();
    graph = await fakeGraph({ "aad-hr": [HR_GROUP, "another-group"] });
    const config = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_OPENID_METADATA_URL: login.metadataUrl,
      GRAPH_API_URL: graph.url,
      KNOWLEDGE_DIR: knowledgeDir,
      RATE_LIMIT_PER_MINUTE: "100000",
    });
    const door = createTeamsDoor(
      { assistant, config, logger: silentLogger, feedback: new MemoryFeedback() },
      { tokens: { getAccessToken: async (audience) => (audience === graph.url ? GRAPH_TOKEN : "bot-reply-token") } },
    );
    server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }));
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
    await graph?.close();
    await login?.close();
  });

  it("answers a member of the HR Entra group in a personal chat from the set, anyone else without it", async () => {
    expect(await personal("aad-hr")).toMatch(HIDDEN_WORD);
    const outsider = await personal("aad-out");
    expect(outsider).not.toMatch(HIDDEN_WORD);
    expect(outsider).not.toContain(HIDDEN_SOURCE);
  });

  it("asks Graph only about the groups access.yaml names, with the bot's own token, once per user while cached", async () => {
    expect(await personal("aad-hr")).toMatch(HIDDEN_WORD);
    const asked = graph.calls.filter((call) => call.user === "aad-hr");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ groupIds: [HR_GROUP], authorization: `Bearer ${GRAPH_TOKEN}` });
  });

  it("vouches for nobody in emulator mode (no app id, no token): the HR channel's id in an activity opens nothing", async () => {
    const emulator = createTeamsDoor(
      { assistant, config: loadConfig({ KNOWLEDGE_DIR: knowledgeDir, RATE_LIMIT_PER_MINUTE: "100000" }), logger: silentLogger, feedback: new MemoryFeedback() },
      {},
    );
    const local = await listen(
      createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [emulator] }),
    );
    try {
      const before = connector.posted.length;
      const response = await postJson(
        `${local.url}/api/messages`,
        activity(connector.url, {
          text: `<at>Functiewijzer</at> ${HIDDEN_QUESTION}`,
          entities: [{ type: "mention", text: "<at>Functiewijzer</at>", mentioned: { id: "bot-1", name: "Functiewijzer" } }],
          conversation: { id: "19:hr@thread.tacv2;messageid=1", conversationType: "channel", tenantId: TENANT },
          channelData: { tenant: { id: TENANT }, channel: { id: "19:hr@thread.tacv2" } },
        }),
      );
      expect(response.status).toBe(200);
      const replies = JSON.stringify(connector.posted.slice(before).map((p) => p.body)).replaceAll(HIDDEN_QUESTION, "");
      expect(replies).toContain("message");
      expect(replies).not.toMatch(HIDDEN_WORD);
    } finally {
      await local.close();
    }
  });

  it("answers in the HR channel from the set, and in another channel without it, whoever asks there", async () => {
    expect(await inChannel("19:hr@thread.tacv2", "aad-out")).toMatch(HIDDEN_WORD);
    const general = await inChannel("19:general@thread.tacv2", "aad-hr");
    expect(general).not.toMatch(HIDDEN_WORD);
    expect(general).not.toContain(HIDDEN_SOURCE);
  });
});
