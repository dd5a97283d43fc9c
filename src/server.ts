import type { Server } from "node:http";
import { openAssistant } from "./answer/openAssistant.js";
import type { Assistant } from "./answer/port.js";
import { createLlmAnswererFromConfig } from "./answer/llm/fromConfig.js";
import { createSlackDoor } from "./channels/slack/index.js";
import { createTeamsDoor } from "./channels/teams/index.js";
import { progressReporter } from "./cli/common.js";
import { ConfigError, llmConfigured, loadConfig } from "./config.js";
import { JsonlFeedbackLog } from "./feedback/feedbackLog.js";
import { createHttpApp } from "./http/app.js";
import type { Door } from "./http/door.js";
import { stopOnSignals } from "./http/gracefulShutdown.js";
import { createLogger } from "./logger.js";

/** `npm start`: listen at once (readiness 503), build or load the index, then serve every door. */
async function main(): Promise<void> {
  let config;
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
    inventory: () => assistant?.inventory() ?? { documents: [], skipped: [] },
    section: (source, section) => assistant?.section(source, section),
  };
  const deps = { assistant: lazy, config, logger, feedback: new JsonlFeedbackLog(`${config.DATA_DIR}/feedback.jsonl`) };
  const doors = [createTeamsDoor(deps), createSlackDoor(deps)].filter((door): door is Door => Boolean(door));
  const app = createHttpApp({ config, logger, assistant: () => assistant, feedback: deps.feedback, doors });
  // A port in use is a one-line error (via main's catch), not a stack trace.
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;

  const shutdown = stopOnSignals({ server, logger, doors });

  const progress = progressReporter();
  assistant = await openAssistant(config, { logger, onProgress: progress.onProgress, llm: createLlmAnswererFromConfig(config, logger) });
  progress.stop();
  if (shutdown.stopping) return;
  for (const door of doors) await door.start?.();
  const status = assistant.status();
  process.stderr.write(
    [
      `Functiewijzer is ready at http://${config.HOST}:${port}/  (${status.documents} documents, ${status.chunks} chunks, ${status.mode} mode)`,
      `  web chat   http://${config.HOST}:${port}/   ·   API POST /api/ask   ·   GET /healthz /readyz`,
      ...doors.map((door) => `  ${door.description}`),
    ].join("\n") + "\n",
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
});
