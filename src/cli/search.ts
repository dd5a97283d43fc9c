import { Command } from "commander";
import { openKnowledge } from "../app/openAssistant.js";
import { citationSection } from "../domain/chunk.js";
import { createLogger } from "../platform/logger.js";
import { progressReporter } from "../platform/progressBar.js";
import { cliConfig } from "./common.js";
import { runCli } from "../platform/runCli.js";

const program = new Command("search")
  .description("Show the ranked chunks the hybrid retriever finds for a query.")
  .argument("<query...>", "what to search for")
  .option("--index <dir>", "index folder")
  .option("--knowledge <dir>", "folder with the HR documents")
  .option("-k, --top <n>", "how many results", "5")
  .option("--system <name>", "only this classification system (e.g. rijk, ufo)")
  .option("--json", "one JSON object per line")
  .parse();

runCli(async () => {
  const options = program.opts<{ index?: string; knowledge?: string; top: string; system?: string; json?: boolean }>();
  const config = await cliConfig(options);
  const progress = progressReporter();
  const { kb } = await openKnowledge(config, { logger: createLogger("warn"), onProgress: progress.onProgress });
  progress.stop();
  const hits = await kb.search(program.args.join(" "), { k: Number(options.top) || 5, filter: options.system ? { system: options.system } : undefined });
  hits.forEach((hit, i) => {
    const row = {
      rank: i + 1,
      score: Number(hit.score.toFixed(4)),
      lexicalRank: hit.lexicalRank ?? null,
      vectorRank: hit.vectorRank ?? null,
      source: hit.chunk.source,
      section: citationSection(hit.chunk),
      text: hit.chunk.text,
    };
    if (options.json) process.stdout.write(`${JSON.stringify(row)}\n`);
    else
      process.stdout.write(
        `${row.rank}. [${row.score}] ${row.source} › ${row.section}  (bm25 #${row.lexicalRank ?? "-"}, vector #${row.vectorRank ?? "-"})\n   ${hit.chunk.text.slice(0, 160).replace(/\n/g, " / ")}\n`,
      );
  });
});
