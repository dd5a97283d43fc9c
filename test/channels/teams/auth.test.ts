import { createHmac, generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import { exportJWK, SignJWT } from "jose";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsDoor } from "../../../src/channels/teams/index.js";
import { loadConfig } from "../../../src/platform/config.js";
import { createHttpApp } from "../../../src/http/app.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../../support/http.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";
import { activity, fakeConnector } from "./fakeConnector.js";
import { fakeLogin, ISSUER } from "./fakeLogin.js";

const APP_ID = "5b1c7f0e-2d3a-4c5b-8e9f-0a1b2c3d4e5f";
const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** Captures the JSON log lines a pino logger writes. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), lines };
}

describe("Teams door with an app id: Bot Framework token authentication", () => {
  const signing = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const webchatOnly = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const assistant = new FakeAssistant();
  const feedback = new MemoryFeedback();
  const log = memoryLogger();
  const audiences: string[] = [];
  let login: Awaited<ReturnType<typeof fakeLogin>>;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  let server: Listening;

  beforeAll(async () => {
    const jwk = (key: typeof signing, kid: string, endorsements: string[]) => exportJWK(key.publicKey).then((k) => ({ ...k, kid, use: "sig", endorsements }));
    login = await fakeLogin([await jwk(signing, "key-1", ["msteams", "webchat"]), await jwk(webchatOnly, "key-webchat", ["webchat"])]);
    connector = await fakeConnector();
    const config = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: "contoso.onmicrosoft.com",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_OPENID_METADATA_URL: login.metadataUrl,
      RATE_LIMIT_PER_MINUTE: "100000",
    });
    const door = createTeamsDoor(
      { assistant, config, logger: log.logger, feedback },
      // The bot's own reply token: MSAL in production; here a fixed one the fake connector can check.
      { tokens: { getAccessToken: async (audience) => (audiences.push(audience), "bot-reply-token") } },
    );
    expect(door.description).toContain(`app ${APP_ID}, SingleTenant, public cloud`);
    server = await listen(createHttpApp({ config, logger: log.logger, assistant: () => assistant, feedback, doors: [door] }));
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
    await login.close();
  });

  type Claims = Record<string, unknown>;
  const TENANT = "9a8b7c6d-1111-2222-3333-444455556666";
  const claims = (overrides: Claims = {}): Claims => ({ iss: ISSUER, aud: APP_ID, serviceurl: connector.url, ...overrides });
  const sign = (overrides: Claims = {}, key = signing.privateKey, kid = "key-1", expiresIn: string | number = "10m") =>
    new SignJWT(claims(overrides))
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(expiresIn)
      .sign(key);
  const post = (token: string | undefined, body = activity(connector.url)) =>
    postJson(`${server.url}/api/messages`, body, token === undefined ? {} : { authorization: token.includes(" ") ? token : `Bearer ${token}` });

  it("accepts a correctly signed token and answers through the connector with the bot's own token", async () => {
    const response = await post(await sign());
    expect(response.status).toBe(200);
    expect(assistant.calls).toHaveLength(1);
    const reply = connector.posted.at(-1)!;
    expect(reply.body.type).toBe("message");
    expect(reply.body.text).toContain("**Antwoord** op:");
    expect(reply.authorization).toBe("Bearer bot-reply-token");
    expect(audiences.at(-1)).toBe("https://api.botframework.com");
  });

  it("refuses forged, misdirected and expired tokens with 401 and one log line each, never calling the assistant or printing to the console", async () => {
    const calls = assistant.calls.length;
    const posted = connector.posted.length;
    const hs256WithPublicKey = (() => {
      const header = b64url({ alg: "HS256", kid: "key-1", typ: "JWT" });
      const now = Math.floor(Date.now() / 1000);
      const payload = b64url({ ...claims(), iat: now, exp: now + 600 });
      const pem = signing.publicKey.export({ type: "spki", format: "pem" });
      return `${header}.${payload}.${createHmac("sha256", pem).update(`${header}.${payload}`).digest("base64url")}`;
    })();
    const algNone = `${b64url({ alg: "none", kid: "key-1", typ: "JWT" })}.${b64url({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    const cases: Record<string, string | undefined> = {
      "no header": undefined,
      "basic scheme": "Basic dXNlcjpwYXNz",
      "not a JWT": "not.a.jwt",
      "wrong audience": await sign({ aud: "11111111-2222-3333-4444-555555555555" }),
      "wrong issuer": await sign({ iss: "https://evil.example.org" }),
      expired: await sign({}, signing.privateKey, "key-1", Math.floor(Date.now() / 1000) - 3600),
      "forged signature": await sign({}, attacker.privateKey, "key-1"),
      "unknown key": await sign({}, attacker.privateKey, "key-unknown"),
      "alg none": algNone,
      "HS256 with the public key": hs256WithPublicKey,
      "other serviceUrl": await sign({ serviceurl: "https://smba.trafficmanager.net/emea/" }),
      "no serviceUrl claim": await sign({ serviceurl: undefined }),
      "key not endorsed for Teams": await sign({}, webchatOnly.privateKey, "key-webchat"),
    };
    const consoleSpies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) => vi.spyOn(console, method));
    const stdout = vi.spyOn(process.stdout, "write");
    const stderr = vi.spyOn(process.stderr, "write");
    try {
      for (const [name, token] of Object.entries(cases)) {
        const before = log.lines.length;
        const response = await post(token);
        expect(response.status, name).toBe(401);
        expect(response.body, name).toEqual({ error: "Unauthorized." });
        const lines = log.lines.slice(before);
        expect(lines, name).toHaveLength(1);
        expect(lines[0], name).toMatchObject({ level: 40, msg: "teams request refused" });
        if (token) expect(JSON.stringify(lines[0]), name).not.toContain(token.split(" ").at(-1)!);
      }
      for (const spy of [...consoleSpies, stdout, stderr]) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...consoleSpies, stdout, stderr]) spy.mockRestore();
    }
    expect(assistant.calls.length).toBe(calls);
    expect(connector.posted.length).toBe(posted);
  });

  it("refuses an Entra-issued token for our app id, correctly signed, with its own reason: the door takes Bot Framework channel tokens only", async () => {
    const calls = assistant.calls.length;
    for (const iss of [`https://sts.windows.net/${TENANT}/`, `https://login.microsoftonline.com/${TENANT}/v2.0`]) {
      const before = log.lines.length;
      const response = await post(await sign({ iss, tid: TENANT, serviceurl: undefined }));
      expect(response.status, iss).toBe(401);
      expect(log.lines.slice(before)).toEqual([
        expect.objectContaining({ msg: "teams request refused", reason: expect.stringMatching(/^Entra-issued token refused/) }),
      ]);
    }
    expect(assistant.calls.length).toBe(calls);
  });

  it("fetches the signing keys once, and unknown key ids do not make it refetch them", async () => {
    const before = login.jwksRequests();
    for (let i = 0; i < 5; i++) expect((await post(await sign({}, attacker.privateKey, `random-${i}`))).status).toBe(401);
    expect(login.jwksRequests()).toBe(before);
    expect((await post(await sign())).status).toBe(200);
    expect(login.jwksRequests()).toBe(before);
  });

  it("answers 300 random tokens and bodies with 4xx, never 5xx, and never reaches the assistant", async () => {
    let seed = 20261123;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join("");
    const calls = assistant.calls.length;
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const header = [
        `Bearer ${junk(20)}.${junk(40)}.${junk(30)}`,
        `Bearer ${b64url({ alg: ["RS256", "none", "HS256", "ES256"][i % 4], kid: i % 2 ? "key-1" : junk(5) })}.${b64url({ aud: APP_ID, iss: ISSUER, exp: 9e9 })}.${junk(10)}`,
        `bearer ${junk(8)}`,
        junk(30),
        `Bearer ${"a".repeat(20_000)}`,
      ][i % 5]!;
      const body = i % 3 === 0 ? junk(100) : JSON.stringify(activity(connector.url, { type: junk(4) }));
      const response = await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: header },
        body,
      });
      await response.arrayBuffer();
      statuses.add(response.status);
    }
    expect([...statuses].every((s) => s >= 400 && s < 500)).toBe(true);
    expect(assistant.calls.length).toBe(calls);
  });
});

describe("Teams door with an app id: refused requests are rate limited", () => {
  it("answers 429 once one address has had RATE_LIMIT_PER_MINUTE refusals in a minute", async () => {
    const assistant = new FakeAssistant();
    const config = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_TENANT_ID: "contoso.onmicrosoft.com",
      MICROSOFT_APP_PASSWORD: "x",
      MICROSOFT_OPENID_METADATA_URL: "http://127.0.0.1:9/openid",
      RATE_LIMIT_PER_MINUTE: "30",
    });
    const door = createTeamsDoor({ assistant, config, logger: memoryLogger().logger, feedback: new MemoryFeedback() });
    const server = await listen(
      createHttpApp({ config, logger: memoryLogger().logger, assistant: () => assistant, feedback: new MemoryFeedback(), doors: [door] }),
    );
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++)
        statuses.push((await postJson(`${server.url}/api/messages`, activity("http://127.0.0.1:9"), { authorization: "Bearer x.y.z" })).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
    } finally {
      await server.close();
    }
  });
});
