import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
import { Command } from "commander";
import { openAssistant } from "../app/openAssistant.js";
import type { Answer } from "../domain/answer.js";
import { createLogger } from "../platform/logger.js";
import { createLlmAnswererFromConfig } from "../answer/llm/fromConfig.js";
import { progressReporter } from "../platform/progressBar.js";
import { cliAudience, cliConfig } from "./common.js";
import { runCli } from "../platform/runCli.js";

const program = new Command("chat")
  .description("An interactive chat in the terminal: one conversation, so follow-ups work.")
  .option("--index <dir>", "index folder")
  .option("--knowledge <dir>", "folder with the HR documents")
  .option("--audience <sets>", "which document sets answer: all (default), public, or set names separated by commas")
  .parse();

function render(answer: Answer): string {
  const sources = answer.citations.map((c, i) => `  [${i + 1}] ${c.source} › ${c.section}`).join("\n");
  return `\n${answer.answer}\n${sources ? `\n${sources}\n` : ""}${answer.followUps.map((f, i) => `  ${i + 1}) ${f}\n`).join("")}`;
}

runCli(async () => {
  const options = program.opts<{ index?: string; knowledge?: string; audience?: string }>();
  const audience = cliAudience(options.audience);
  const config = await cliConfig(options);
  const logger = createLogger("warn");
  const progress = progressReporter();
  const assistant = await openAssistant(config, { logger, onProgress: progress.onProgress, llm: createLlmAnswererFromConfig(config, logger) });
  progress.stop();
  const conversation = randomUUID();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write("Functiewijzer — stel je vraag (lege regel of Ctrl+D om te stoppen).\n");
  rl.setPrompt("\n> ");
  rl.prompt();
  // Lines are read in order, also when piped in faster than they are answered.
  for await (const line of rl) {
    if (!line.trim()) break;
    process.stdout.write(render(await assistant.ask(line, { conversation, channel: "cli", audience })));
    rl.prompt();
  }
  rl.close();
});
