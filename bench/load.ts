/**
 * `npm run load`: N concurrent clients asking questions over HTTP for a
 * bounded time; reports throughput, latency percentiles and errors. Without
 * --url it starts its own server on 127.0.0.1 over the seed corpus.
 */
import { Command } from "commander";
import { openAssistant } from "../src/answer/openAssistant.js";
import { runCli } from "../src/cli/common.js";
import { loadConfig } from "../src/config.js";
import { percentile } from "../src/eval/metrics.js";
import { createHttpApp } from "../src/http/app.js";
import { silentLogger } from "../src/logger.js";
import type { FeedbackStore } from "../src/feedback/feedbackLog.js";
import { benchQuestions } from "./queries.js";
import { createTeamsDoor } from "../src/channels/teams/index.js";

export type LoadResult = { clients: number; seconds: number; requests: number; errors: number; statuses: Record<string, number>; throughputPerSecond: number; p50: number; p95: number; p99: number; max: number };

export type LoadTarget = "web" | "teams";

/** One question as the target's HTTP request: the JSON API, or a Bot Framework activity (emulator mode). */
function requestFor(target: LoadTarget, url: string, question: string, client: number, turn: number, serviceUrl?: string): { path: string; body: unknown } {
  if (target === "web") return { path: "/api/ask", body: { question, conversation: `load-${client}` } };
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

/** Runs `clients` loops, each asking the next question as soon as the last answer arrived. */
export async function runLoad(url: string, options: { clients: number; seconds: number; maxRequests?: number; target?: LoadTarget; serviceUrl?: string }): Promise<LoadResult> {
  const questions = benchQuestions(200);
  const deadline = performance.now() + options.seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const client = async (id: number) => {
    for (let turn = 0; performance.now() < deadline && sent < (options.maxRequests ?? Infinity); turn++) {
      sent++;
      const t0 = performance.now();
      try {
        const { path, body } = requestFor(options.target ?? "web", url, questions[(id * 7 + turn) % questions.length]!, id, turn, options.serviceUrl);
        const response = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status !== 200) errors++;
      } catch {
        statuses.network = (statuses.network ?? 0) + 1;
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
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
 * A server of our own on a free port, rate limit lifted (the load comes from
 * one address), with the Teams door in emulator mode; the same process
 * answers as the Bot Framework connector, so Teams replies stay local.
 */
export async function startLocalServer(knowledgeDir = "knowledge", indexDir?: string): Promise<{ url: string; close: () => Promise<void> }> {
  const config = loadConfig({ ...process.env, KNOWLEDGE_DIR: knowledgeDir, ...(indexDir ? { INDEX_DIR: indexDir } : {}), RATE_LIMIT_PER_MINUTE: "1000000", LOG_LEVEL: "silent", MICROSOFT_APP_ID: "" });
  const assistant = await openAssistant(config, { logger: silentLogger });
  const feedback: FeedbackStore = { record: async () => {} };
  const teams = createTeamsDoor({ assistant, config, logger: silentLogger, feedback });
  const app = createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback, doors: [teams] });
  // The fake connector: accepts the bot's replies.
  app.post(/^\/v3\/conversations\/.+$/, (_req, res) => void res.json({ id: "reply" }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address() as import("node:net").AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("load")
    .description("Concurrent clients against POST /api/ask for a bounded time.")
    .option("--url <url>", "an already running server (its rate limit must allow the load)")
    .option("--clients <n>", "concurrent clients", "50")
    .option("--seconds <n>", "duration", "20")
    .option("--max-requests <n>", "stop after this many requests")
    .option("--target <door>", "web (POST /api/ask) or teams (POST /api/messages, emulator mode)", "web")
    .option("--json", "print the result as JSON")
    .parse();
  runCli(async () => {
    const options = program.opts<{ url?: string; clients: string; seconds: string; maxRequests?: string; json?: boolean; target: string }>();
    if (options.target !== "web" && options.target !== "teams") throw new Error("--target must be web or teams");
    const own = options.url ? undefined : await startLocalServer();
    const url = options.url ?? own!.url;
    const result = await runLoad(url, { clients: Number(options.clients), seconds: Number(options.seconds), maxRequests: options.maxRequests ? Number(options.maxRequests) : undefined, target: options.target });
    await own?.close();
    process.stdout.write(
      options.json
        ? `${JSON.stringify(result)}\n`
        : `${options.target}: ${result.clients} clients, ${result.seconds} s: ${result.requests} requests, ${result.throughputPerSecond}/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms, errors ${result.errors} ${JSON.stringify(result.statuses)}\n`,
    );
  });
}
