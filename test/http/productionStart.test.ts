import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeOpenAi, reply } from "../llm/fakeOpenAi.js";
import { KNOWLEDGE_DIR, localEmbedder, tempDir } from "../support/knowledge.js";

type Started = { child: ChildProcess; url: string; exited: Promise<number | null>; output: () => string };

const started: ChildProcess[] = [];

/** Starts a server command in its own process group (so a failed test can remove all of it) and waits for its ready line. */
async function start(command: string, args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(command, args, { env: { ...process.env, PORT: "0", LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ready line: ${output}`)), 60_000);
    child.stderr!.on("data", (d) => {
      output += d;
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) clearTimeout(timer), ready(match[1]!);
    });
    void exited.then((code) => fail(new Error(`exited ${code} before it was ready: ${output}`)));
  });
  return { child, url, exited, output: () => output };
}

async function refusesConnections(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    () => false,
    () => true,
  );
}

describe("production start and clean shutdown", () => {
  let fake: FakeOpenAi;
  let env: Record<string, string>;

  beforeAll(async () => {
    // The compiled JavaScript, exactly as the README's production start builds it.
    const build = spawnSync("npm", ["run", "build"], { encoding: "utf8" });
    expect(build.status, build.stderr + build.stdout).toBe(0);
    const indexDir = join(tempDir("fw-prod-"), "index");
    await ingest({ knowledgeDir: KNOWLEDGE_DIR, indexDir, embedder: localEmbedder(), logger: silentLogger });
    fake = await FakeOpenAi.start();
    env = {
      KNOWLEDGE_DIR,
      INDEX_DIR: indexDir,
      DATA_DIR: join(tempDir("fw-prod-data-"), "data"),
      EMBEDDINGS: "local",
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_MODEL: "fake-model",
    };
  }, 240_000);
  afterAll(async () => {
    // Only after a failure is anything left: end the whole process group of each server started here.
    for (const child of started) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await fake?.close();
  });

  /** A slow generated answer (about 2 s of streamed tokens) is in flight when the signal arrives. */
  async function finishesInFlightRequest(server: Started, signal: NodeJS.Signals, target: ChildProcess): Promise<void> {
    fake.respond(reply("De servicedesk medewerker ICT zit op niveau C1 [1].\nCITATIONS: [1]", 2, 80));
    const inFlight = fetch(`${server.url}/api/ask/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "Welke schaal heeft de servicedesk medewerker ICT?" }),
    });
    // Wait until the request has reached the model: it is really in flight.
    while (fake.chatRequests.length === 0) await new Promise((r) => setTimeout(r, 20));
    const signalledAt = Date.now();
    target.kill(signal);
    const response = await inFlight;
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain("event: answer");
    expect(Date.now() - signalledAt).toBeGreaterThan(500); // it really was still streaming when the signal came
    expect(await server.exited).toBe(0);
    expect(await refusesConnections(server.url)).toBe(true);
    expect(server.output()).toContain("shutting down: finishing requests in flight");
  }

  it("runs the compiled server (web page, vendor scripts, API) and finishes a slow request after SIGTERM, then exits 0", async () => {
    const server = await start(process.execPath, ["dist/src/server.js"], env);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
    expect((await fetch(`${server.url}/vendor/marked.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/vendor/purify.js`)).status).toBe(200);
    const ask = await fetch(`${server.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "toetsvragen onderhandelen" }),
    });
    expect(ask.status).toBe(200);
    await finishesInFlightRequest(server, "SIGTERM", server.child);
  }, 90_000);

  it("npm run start:prod stops cleanly on SIGINT sent to the npm process", async () => {
    const server = await start("npm", ["run", "start:prod"], env);
    await finishesInFlightRequest(server, "SIGINT", server.child);
  }, 90_000);

  it("npm start (TypeScript via tsx) stops cleanly on SIGTERM sent to the npm process", async () => {
    const server = await start("npm", ["start"], env);
    await finishesInFlightRequest(server, "SIGTERM", server.child);
  }, 90_000);
});
