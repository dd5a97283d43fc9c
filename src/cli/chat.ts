import { createInterface } from "node:readline/promises";
import { randomUUID } from "node:crypto";
import { openAssistant } from "../answer/openAssistant.js";
import { createLogger } from "../logger.js";
import { createLlmAnswererFromConfig } from "../answer/llm/fromConfig.js";
import { cliConfig, progressReporter, runCli } from "./common.js";

/** An interactive chat in the terminal: one conversation, so follow-ups work. */
runCli(async () => {
  const config = cliConfig({});
  const logger = createLogger("warn");
  const progress = progressReporter();
  const assistant = await openAssistant(config, { logger, onProgress: progress.onProgress, llm: createLlmAnswererFromConfig(config, logger) });
  progress.stop();
  const conversation = randomUUID();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  process.stdout.write("Functiewijzer — stel je vraag (leeg of Ctrl+D om te stoppen).\n");
  for (;;) {
    let question: string;
    try {
      question = await rl.question("\n> ");
    } catch {
      break;
    }
    if (!question.trim()) break;
    const answer = await assistant.ask(question, { conversation, channel: "cli" });
    const sources = answer.citations.map((c, i) => `  [${i + 1}] ${c.source} › ${c.section}`).join("\n");
    process.stdout.write(`\n${answer.answer}\n${sources ? `\n${sources}\n` : ""}${answer.followUps.map((f) => `  → ${f}\n`).join("")}`);
  }
  rl.close();
});
