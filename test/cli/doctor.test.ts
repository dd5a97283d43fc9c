import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doctor, renderChecks } from "../../src/cli/doctor.js";
import { loadConfig } from "../../src/platform/config.js";
import { FakeSlack } from "../channels/slack/support/fakeSlack.js";
import { listen, type Listening } from "../support/http.js";

const APP = "00000000-1111-2222-3333-444444444444";
const TENANT = "55555555-6666-7777-8888-999999999999";

describe("npm run doctor: which door is configured and whether it can work", () => {
  let slack: FakeSlack;
  let login: Listening;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    const app = express();
    app.get("/openid", (_req, res) => void res.json({ issuer: "https://api.botframework.example", jwks_uri: `${login.url}/keys` }));
    app.get("/keys", (_req, res) => void res.json({ keys: [{ kty: "RSA", kid: "k1", n: "AQAB", e: "AQAB" }] }));
    login = await listen(app);
  });
  afterAll(async () => {
    await slack.close();
    await login.close();
  });

  const teamsEnv = (openid: string) => ({
    MICROSOFT_APP_ID: APP,
    MICROSOFT_APP_PASSWORD: "not-printed-secret",
    MICROSOFT_APP_TENANT_ID: TENANT,
    MICROSOFT_CLOUD: "custom",
    MICROSOFT_TOKEN_ISSUER: "https://api.botframework.example",
    MICROSOFT_OPENID_METADATA_URL: openid,
    MICROSOFT_OAUTH_ENDPOINT: "https://login.example",
    MICROSOFT_CHANNEL_SERVICE: "https://api.botframework.example",
  });

  it("with nothing configured: the web door, and every other door off with what to set", async () => {
    const checks = await doctor(loadConfig({}));
    expect(checks.map((c) => [c.door, c.status])).toEqual([
      ["Web", "ok"],
      ["Teams", "off"],
      ["Slack", "off"],
      ["Model", "off"],
    ]);
    expect(checks.find((c) => c.door === "Teams")!.detail).toContain("emulator mode");
  });

  it("Teams and Slack configured and reachable: keys, reply token and bot token all checked, no secret printed", async () => {
    const config = loadConfig({
      ...teamsEnv(`${login.url}/openid`),
      SLACK_BOT_TOKEN: "xoxb-secret",
      SLACK_SIGNING_SECRET: "sig-secret",
      SLACK_API_URL: slack.apiUrl,
    });
    const audiences: string[] = [];
    const checks = await doctor(config, { teamsTokens: () => ({ getAccessToken: async (audience) => (audiences.push(audience), "token") }) });
    expect(checks.filter((c) => c.door === "Teams" || c.door === "Slack").every((c) => c.status === "ok")).toBe(true);
    expect(checks.filter((c) => c.status === "fail")).toEqual([]);
    const text = renderChecks(checks);
    expect(text).toContain("1 signing keys from 127.0.0.1");
    expect(text).toContain("bot token valid: @functiewijzer in Test (T1)");
    expect(audiences).toEqual(["https://api.botframework.example"]);
    expect(slack.called("auth.test")[0]!.authorization).toBe("Bearer xoxb-secret");
    expect(text).not.toMatch(/not-printed-secret|xoxb-secret|sig-secret/);
  });

  it("says what fails: unreachable signing keys, credentials without a token, a refused Slack token, an unreachable model", async () => {
    slack.failing.add("auth.test");
    try {
      const config = loadConfig({
        ...teamsEnv(`${login.url}/missing`),
        SLACK_BOT_TOKEN: "xoxb-revoked",
        SLACK_SIGNING_SECRET: "sig",
        SLACK_API_URL: slack.apiUrl,
        OPENAI_BASE_URL: `${login.url}/v1`,
      });
      const checks = await doctor(config, { teamsTokens: () => ({ getAccessToken: () => Promise.reject(new Error("AADSTS7000215: Invalid client secret")) }) });
      const failed = checks.filter((c) => c.status === "fail").map((c) => c.detail);
      expect(failed).toEqual([
        expect.stringMatching(/^incoming tokens cannot be checked: .*404/),
        expect.stringMatching(/^replies: the bot's credentials get no token \(AADSTS7000215/),
        "bot token refused: not_allowed",
        expect.stringMatching(/is not reachable with this key: .*404/),
      ]);
    } finally {
      slack.failing.delete("auth.test");
    }
  });
});
