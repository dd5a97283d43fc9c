import type { Server } from "node:http";
import { parseTurn } from "../answer/memory.js";
import { openLiveAssistant } from "./openAssistant.js";
import type { Assistant } from "../domain/assistant.js";
import { createLlmAnswererFromConfig } from "../answer/llm/fromConfig.js";
import { progressReporter } from "../platform/progressBar.js";
import { ConfigError, llmConfigured, loadConfig, type Config } from "../platform/config.js";
import { createHttpApp } from "../http/app.js";
import { RedisFeedbackLog } from "../feedback/redisFeedbackLog.js";
import { insightsFromConfig } from "../insights/index.js";
import { recordingAssistant } from "../insights/recordingAssistant.js";
import { stopOnSignals } from "../http/gracefulShutdown.js";
import { createLogger } from "../platform/logger.js";
import type { IndexWatcher } from "../search/indexWatcher.js";
import { dropPrefetchedIndex } from "../search/servingIndex.js";
import { createDoors } from "./doors.js";
import { openSharedState } from "./sharedState.js";
import { servedPages } from "../http/pages.js";

/** The server (started by server.ts): listen at once (readiness 503), build or load the index, then serve every door. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let assistant: Assistant | undefined;
  const lazy: Assistant = {
    ask: (q, o) => (assistant ? assistant.ask(q, o) : Promise.reject(new Error("index still loading"))),
    status: () => assistant?.status() ?? { ready: false, documents: 0, chunks: 0, mode: llmConfigured(config) ? "llm" : "offline" },
    reindex: () => (assistant ? assistant.reindex() : Promise.reject(new Error("index still loading"))),
    inventory: (audience) => assistant?.inventory(audience) ?? { documents: [], skipped: [] },
    section: (source, section, audience) => assistant?.section(source, section, audience),
    examples: (language, audience) => assistant?.examples(language, audience) ?? [],
    interviewKit: (request, audience) =>
      assistant?.interviewKit ? assistant.interviewKit(request, audience) : Promise.reject(new Error("index still loading")),
  };
  // Conversation memory, rate limits, event de-duplication and feedback: in Redis when REDIS_URL is set, so replicas share them.
  const shared = await openSharedState(config, logger);
  // Every door talks to the same recording wrapper, so the insights page sees web, Teams and Slack alike.
  // With Redis the insights page reads the votes of every replica from the shared stream.
  const insights = insightsFromConfig(config, { feedback: shared.feedback instanceof RedisFeedbackLog ? shared.feedback : undefined });
  const recorded = recordingAssistant(lazy, { logger, answers: insights.answers, unanswered: insights.unanswered });
  const deps = { assistant: recorded, config, logger, feedback: shared.feedback, seenEvents: shared.seenEvents };
  const doors = await createDoors(deps);
  const app = createHttpApp({
    config,
    logger,
    assistant: () => (assistant ? recorded : undefined),
    feedback: deps.feedback,
    doors,
    insights,
    rateLimitStore: shared.rateLimitStore,
  });
  // A port in use is a one-line error (via main's catch), not a stack trace.
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;

  let watcher: IndexWatcher | undefined;
  // Requests in flight finish; then the index watcher stops and the shared state (Redis) closes.
  const shutdown = stopOnSignals({
    server,
    logger,
    doors,
    onStopped: async () => {
      watcher?.stop();
      await shared.close();
    },
  });

  const progress = progressReporter();
  const live = await openLiveAssistant(config, {
    logger,
    onProgress: progress.onProgress,
    llm: createLlmAnswererFromConfig(config, logger),
    memory: shared.conversations(parseTurn),
  });
  ({ assistant, watcher } = live);
  // A prefetch of an index that was not served (it was stale, or built with another embedder) is let go.
  dropPrefetchedIndex();
  progress.stop();
  if (shutdown.stopping) return;
  // A door that cannot start (Slack unreachable) is logged; the others and the banner still come up.
  for (const door of doors)
    await door.start?.().catch((error: unknown) => logger.error({ err: (error as Error).message, door: door.description }, "door failed to start"));
  const status = assistant.status();
  process.stderr.write(
    `${[
      `Functiewijzer is ready at http://${config.HOST}:${port}/  (${status.documents} documents, ${status.chunks} chunks, ${status.mode} mode)`,
      ...servedPages(config, port),
      ...doors.map((door) => `  ${door.description}`),
      `  shared state ${shared.kind === "redis" ? `in Redis (REDIS_URL${shared.available() ? "" : "; not reachable yet, per-process until it is"})` : "in this process (set REDIS_URL to run several replicas)"}`,
    ].join("\n")}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
