/**
 * `npm run load`: N concurrent clients asking questions over HTTP for a
 * bounded time; reports throughput, latency percentiles and errors. Without
 * --url it starts its own server on 127.0.0.1 over the seed corpus.
 */
import { Command } from "commander";
import { openAssistant } from "../src/app/openAssistant.js";
import { runCli } from "../src/platform/runCli.js";
import { loadConfig } from "../src/platform/config.js";
import { percentile } from "../src/eval/metrics.js";
import { createHttpApp } from "../src/http/app.js";
import { silentLogger } from "../src/platform/logger.js";
import type { FeedbackStore } from "../src/feedback/feedbackLog.js";
import { benchQuestions } from "./queries.js";
import { createTeamsDoor } from "../src/channels/teams/index.js";
import { createSlackDoor } from "../src/channels/slack/index.js";
import { createHmac } from "node:crypto";
import { Agent, createServer, request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ingest } from "../src/indexing/ingest.js";
import { selectEmbedder } from "../src/search/embeddings/select.js";
import { startRedis } from "./redisProcess.js";
import { startReplica } from "./replicaProcess.js";

export type LoadResult = {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  throughputPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export type LoadTarget = "web" | "teams" | "slack";

/** The signing secret of the load server's Slack door (a local test value, not a credential). */
export const LOAD_SLACK_SECRET = "load-test-signing-secret";

/**
 * One question as the target's HTTP request: the JSON API, a Bot Framework
 * activity (emulator mode), or a signed Slack app_mention event.
 */
function requestFor(target: LoadTarget, url: string, question: string, client: number, turn: number, serviceUrl?: string): { path: string; body: unknown } {
  if (target === "web") return { path: "/api/ask", body: { question, conversation: `load-${client}` } };
  if (target === "slack") {
    const ts = `${1_700_000_000 + client}.${String(turn).padStart(6, "0")}`;
    return {
      path: "/slack/events",
      body: {
        type: "event_callback",
        team_id: "T1",
        api_app_id: "A1",
        event_id: `Ev${client}x${turn}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_mention", user: `U${client}`, text: `<@UBOT> ${question}`, ts, channel: "C1", event_ts: ts },
      },
    };
  }
  return {
    path: "/api/messages",
    body: {
      type: "message",
      id: `load-${client}-${turn}`,
      serviceUrl: serviceUrl ?? url,
      channelId: "msteams",
      from: { id: `user-${client}` },
      recipient: { id: "bot" },
      conversation: { id: `load-${client}`, conversationType: "personal" },
      text: question,
    },
  };
}

/**
 * Runs `clients` loops, each asking the next question as soon as the last
 * answer arrived. With several URLs (replicas) client i talks to URL i mod n,
 * as a round-robin load balancer would spread them.
 */
/**
 * One POST over node:http, the body read to the end; resolves with the status.
 * Not fetch: on this 2-core machine the load generator shares the CPU with the
 * server, and fetch's per-request cost showed up as server latency.
 */
function post(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, timeout: 10_000 },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

export async function runLoad(
  urls: string | string[],
  options: { clients: number; seconds: number; maxRequests?: number; target?: LoadTarget; serviceUrl?: string },
): Promise<LoadResult> {
  const questions = benchQuestions(200);
  const deadline = performance.now() + options.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const targets = typeof urls === "string" ? [urls] : urls;
  // One kept-alive connection per client, as a chat platform's connection pool does.
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const client = async (id: number) => {
    const url = targets[id % targets.length]!;
    for (let turn = 0; performance.now() < deadline && sent < (options.maxRequests ?? Infinity); turn++) {
      sent++;
      const t0 = performance.now();
      try {
        const { path, body } = requestFor(options.target ?? "web", url, questions[(id * 7 + turn) % questions.length]!, id, turn, options.serviceUrl);
        const raw = JSON.stringify(body);
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (options.target === "slack") {
          const timestamp = Math.floor(Date.now() / 1000);
          headers["x-slack-request-timestamp"] = String(timestamp);
          headers["x-slack-signature"] = `v0=${createHmac("sha256", LOAD_SLACK_SECRET).update(`v0:${timestamp}:${raw}`).digest("hex")}`;
        }
        const status = await post(agent, `${url}${path}`, headers, raw);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 200) errors++;
      } catch {
        statuses.network = (statuses.network ?? 0) + 1;
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i))).finally(() => agent.destroy());
  const elapsed = (performance.now() - started) / 1000;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    clients: options.clients,
    seconds: round(elapsed),
    requests: latencies.length,
    errors,
    statuses,
    throughputPerSecond: round(latencies.length / elapsed),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(Math.max(0, ...latencies)),
  };
}

/**
 * A server of our own on a free port, rate limits lifted (the load comes from
 * one address), with the Teams door in emulator mode; the same process
 * answers as the Bot Framework connector, so Teams replies stay local.
 */
export async function startLocalServer(knowledgeDir = "knowledge", indexDir?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const slackApi = await fakeSlackWebApi();
  const config = loadConfig({
    ...process.env,
    KNOWLEDGE_DIR: knowledgeDir,
    ...(indexDir ? { INDEX_DIR: indexDir } : {}),
    RATE_LIMIT_PER_MINUTE: "1000000",
    // The Slack events endpoint has its own limit per address (600 a minute): a load faster than 300 acks/s hit it.
    SLACK_RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: "silent",
    MICROSOFT_APP_ID: "",
    SLACK_BOT_TOKEN: "xoxb-load-test",
    SLACK_SIGNING_SECRET: LOAD_SLACK_SECRET,
    SLACK_APP_TOKEN: "",
  });
  const assistant = await openAssistant(config, { logger: silentLogger });
  const feedback: FeedbackStore = { record: async () => {} };
  const teams = createTeamsDoor({ assistant, config, logger: silentLogger, feedback });
  const slack = createSlackDoor(
    { assistant, config, logger: silentLogger, feedback },
    { clientOptions: { slackApiUrl: slackApi.url, retryConfig: { retries: 0 } }, identity: { botUserId: "UBOT", botId: "BBOT" } },
  )!;
  const app = createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback, doors: [teams, slack] });
  // The fake connector: accepts the bot's replies.
  app.post(/^\/v3\/conversations\/.+$/, (_req, res) => void res.json({ id: "reply" }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address() as import("node:net").AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await slackApi.close();
    },
  };
}

/** Slack's Web API as far as the door uses it, on 127.0.0.1: every method says ok. */
async function fakeSlackWebApi(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, ts: "1.2", channel: "C1", user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}/api/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The same load against one server process, then against two replicas
 * sharing one Redis (conversation memory and rate limits in Redis), on this
 * machine, one after the other: the two-replica figure beside the
 * single-process one. Both runs use spawned `tsx src/server.ts` processes
 * over one prebuilt index, so the only differences are the second process
 * and Redis.
 */
export async function compareReplicas(options: {
  clients: number;
  seconds: number;
  replicas: number;
}): Promise<{ single: LoadResult; replicated: LoadResult; ratio: number }> {
  const root = await mkdtemp(join(tmpdir(), "fw-load-"));
  const indexDir = join(root, "index");
  const redis = await startRedis();
  try {
    await ingest({ knowledgeDir: resolve("knowledge"), indexDir, embedder: selectEmbedder(loadConfig({ EMBEDDINGS: "local" })), logger: silentLogger });
    const env = { KNOWLEDGE_DIR: resolve("knowledge"), INDEX_DIR: indexDir, DATA_DIR: join(root, "data"), RATE_LIMIT_PER_MINUTE: "1000000", LOG_LEVEL: "warn" };
    const measure = async (replicas: number, shared: Record<string, string>) => {
      const servers = await Promise.all(Array.from({ length: replicas }, () => startReplica({ ...env, ...shared })));
      try {
        return await runLoad(
          servers.map((s) => s.url),
          { clients: options.clients, seconds: options.seconds },
        );
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    };
    const single = await measure(1, {});
    const replicated = await measure(options.replicas, { REDIS_URL: redis.url, REDIS_KEY_PREFIX: "fw-load:" });
    return { single, replicated, ratio: Math.round((replicated.throughputPerSecond / single.throughputPerSecond) * 100) / 100 };
  } finally {
    await redis.stop();
    await rm(root, { recursive: true, force: true });
  }
}

const summary = (label: string, result: LoadResult) =>
  `${label}: ${result.clients} clients, ${result.seconds} s: ${result.requests} requests, ${result.throughputPerSecond}/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms, errors ${result.errors} ${JSON.stringify(result.statuses)}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("load")
    .description("Concurrent clients against POST /api/ask for a bounded time.")
    .option("--url <url>", "an already running server (its rate limit must allow the load)")
    .option("--clients <n>", "concurrent clients", "50")
    .option("--seconds <n>", "duration", "20")
    .option("--max-requests <n>", "stop after this many requests")
    .option("--target <door>", "web (POST /api/ask), teams (POST /api/messages, emulator mode) or slack (POST /slack/events, signed)", "web")
    .option("--replicas <n>", "compare one server process with n replicas sharing a Redis (needs redis-server; web target)")
    .option("--json", "print the result as JSON")
    .parse();
  runCli(async () => {
    const options = program.opts<{ url?: string; clients: string; seconds: string; maxRequests?: string; json?: boolean; target: string; replicas?: string }>();
    if (options.replicas !== undefined) {
      const replicas = Number(options.replicas);
      if (!Number.isInteger(replicas) || replicas < 2 || replicas > 8) throw new Error("--replicas must be a whole number from 2 to 8");
      if (options.url || options.target !== "web") throw new Error("--replicas starts its own servers and loads the web API: leave out --url and --target");
      const result = await compareReplicas({ clients: Number(options.clients), seconds: Number(options.seconds), replicas });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(result)}\n`
          : `${summary("1 process", result.single)}\n${summary(`${replicas} replicas + Redis`, result.replicated)}\nthroughput ratio ${replicas} replicas / 1 process: ${result.ratio}\n`,
      );
      return;
    }
    if (!["web", "teams", "slack"].includes(options.target)) throw new Error("--target must be web, teams or slack");
    const own = options.url ? undefined : await startLocalServer();
    const url = options.url ?? own!.url;
    const result = await runLoad(url, {
      clients: Number(options.clients),
      seconds: Number(options.seconds),
      maxRequests: options.maxRequests ? Number(options.maxRequests) : undefined,
      target: options.target as LoadTarget,
    });
    await own?.close();
    process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${summary(options.target, result)}\n`);
  });
}
