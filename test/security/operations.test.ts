import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeAssistant } from "../support/fakeAssistant.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

const TOKEN = "a-long-enough-admin-token-123";

function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a configuration error");
}

describe("ADMIN_TOKEN (finding 10)", () => {
  let server: Listening | undefined;
  afterEach(async () => server?.close());

  it("refuses a token shorter than 24 characters, naming the variable in one line", () => {
    for (const token of ["a", "x".repeat(23)]) {
      const message = configError({ ADMIN_TOKEN: token });
      expect(message).toContain("ADMIN_TOKEN");
      expect(message).toMatch(/24 characters/);
      expect(message.split("\n")).toHaveLength(1);
    }
    expect(loadConfig({ ADMIN_TOKEN: "x".repeat(24) }).ADMIN_TOKEN).toBe("x".repeat(24));
    expect(loadConfig({}).ADMIN_TOKEN).toBeUndefined();
  });

  it("accepts only exactly 'Bearer <token>'", async () => {
    server = await listen(
      createHttpApp({ config: loadConfig({ ADMIN_TOKEN: TOKEN }), logger: silentLogger, assistant: () => new FakeAssistant(), feedback: new MemoryFeedback() }),
    );
    const reindex = (authorization?: string) => postJson(`${server!.url}/api/reindex`, {}, authorization === undefined ? {} : { authorization });
    for (const header of [
      undefined,
      TOKEN,
      `bearer ${TOKEN}`,
      `Bearer  ${TOKEN}`,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      "Bearer ",
      `Token ${TOKEN}`,
    ]) {
      expect((await reindex(header)).status, String(header)).toBe(401);
    }
    const ok = await reindex(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ documents: 1 });
  });
});

describe("TRUST_PROXY (finding 10)", () => {
  let server: Listening | undefined;
  afterEach(async () => server?.close());

  it("is off by default and accepts a hop count or a list of addresses and CIDRs", () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "off" }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1, ::1, fd00::/8, loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses 'trust everyone' and malformed entries, naming the variable", () => {
    for (const value of ["true", "yes", "10.0.0.0/33", "proxy.example.org", "10.0.0.1/8/2", "1.2.3"]) {
      expect(configError({ TRUST_PROXY: value }), value).toMatch(/^Invalid configuration: TRUST_PROXY: /);
    }
  });

  /** Three clients behind one proxy at 127.0.0.1, two requests allowed per minute. */
  async function askAs(trustProxy: string | undefined): Promise<number[]> {
    const env: Record<string, string> = { RATE_LIMIT_PER_MINUTE: "2" };
    if (trustProxy !== undefined) env.TRUST_PROXY = trustProxy;
    server = await listen(
      createHttpApp({ config: loadConfig(env), logger: silentLogger, assistant: () => new FakeAssistant(), feedback: new MemoryFeedback() }),
    );
    const statuses: number[] = [];
    for (const client of ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
      statuses.push((await postJson(`${server.url}/api/ask`, { question: "schaal?" }, { "x-forwarded-for": client })).status);
    }
    await server.close();
    server = undefined;
    return statuses;
  }

  it("gives each client behind a trusted proxy its own rate-limit bucket", async () => {
    expect(await askAs("1")).toEqual([200, 200, 429, 200, 200]);
    expect(await askAs("127.0.0.1")).toEqual([200, 200, 429, 200, 200]);
    expect(await askAs("loopback")).toEqual([200, 200, 429, 200, 200]);
  });

  it("tells the operator once, in the JSON log, that proxy headers arrive while TRUST_PROXY is off", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(line) });
    server = await listen(createHttpApp({ config: loadConfig({}), logger, assistant: () => new FakeAssistant(), feedback: new MemoryFeedback() }));
    for (let i = 0; i < 3; i++) await postJson(`${server.url}/api/ask`, { question: "schaal?" }, { "x-forwarded-for": "203.0.113.9" });
    expect(lines.filter((l) => l.includes("TRUST_PROXY"))).toHaveLength(1);
  });

  it("ignores X-Forwarded-For when off or when the proxy is not trusted, so a client cannot pick its own bucket", async () => {
    expect(await askAs(undefined)).toEqual([200, 200, 429, 429, 429]);
    expect(await askAs("10.0.0.0/8")).toEqual([200, 200, 429, 429, 429]);
  });
});
