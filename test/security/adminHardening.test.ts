import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { configError } from "../support/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeAssistant } from "../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

const TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";

describe("admin hardening (issue 26, findings 9 to 11)", () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(
      createHttpApp({ config: loadConfig({ ADMIN_TOKEN: TOKEN }), logger: silentLogger, assistant: () => new FakeAssistant(), feedback: new MemoryFeedback() }),
    );
  });
  afterAll(() => server?.close());

  it("refuses a token of 24 × 'a' and other guessable ones", () => {
    expect(configError({ ADMIN_TOKEN: "aaaaaaaaaaaaaaaaaaaaaaaa" })).toMatch(/ADMIN_TOKEN: .*too easy to guess/);
  });

  it("a page on another origin (same site too) cannot make the signed-in admin's browser reindex; the page itself can", async () => {
    const cookie = (await postJson(`${server.url}/admin/session`, { token: TOKEN })).headers.get("set-cookie")!.split(";")[0]!;
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/admin/api/reindex`, { method: "POST", headers: { cookie, "content-type": "text/plain", ...headers }, body: "x" });
    // The red team's auto-submitted text/plain form from a same-site page.
    expect((await post({ "sec-fetch-site": "same-site", origin: "http://intranet.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ origin: "http://evil.example" })).status).toBe(403);
    expect([202, 409]).toContain((await post({ "sec-fetch-site": "same-origin", origin: server.url })).status);
  });

  it("answers 300 wrong Bearer tokens with ten 401s and then 429, the right token included, until the window ends", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const response = await fetch(`${server.url}/api/reindex`, { method: "POST", headers: { authorization: `Bearer wrong-token-${i}` } });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(290);
    expect((await fetch(`${server.url}/admin/api/overview`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(429);
  });

  it("takes TRUST_PROXY only as a hop count up to 5 or a list of addresses", () => {
    expect(configError({ TRUST_PROXY: "99" })).toMatch(/TRUST_PROXY: .*at most 5 proxy hops/);
    expect(configError({ TRUST_PROXY: "6" })).toMatch(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: "5" }).TRUST_PROXY).toBe(5);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.1, 10.0.0.2" }).TRUST_PROXY).toEqual(["10.0.0.1", "10.0.0.2"]);
  });

  it("refuses an http SLACK_API_URL off the loopback (the bot token would travel in clear text)", () => {
    expect(configError({ SLACK_API_URL: "http://10.1.2.3/api/" })).toMatch(/SLACK_API_URL: .*https/);
    expect(loadConfig({ SLACK_API_URL: "http://127.0.0.1:4567/api" }).SLACK_API_URL).toBe("http://127.0.0.1:4567/api/");
    expect(loadConfig({ SLACK_API_URL: "https://slack-gov.com/api/" }).SLACK_API_URL).toBe("https://slack-gov.com/api/");
  });
});
