import { Command } from "commander";
import { ingest } from "../indexing/ingest.js";
import { createLogger } from "../platform/logger.js";
import { selectEmbedder } from "../search/embeddings/select.js";
import { progressReporter } from "../platform/progressBar.js";
import { cliConfig } from "./common.js";
import { runCli } from "../platform/runCli.js";
import { renderReport } from "./ingestReport.js";

const program = new Command("ingest")
  .description("Read the knowledge folder into the search index (incremental, atomic).")
  .option("--knowledge <dir>", "folder with the HR documents")
  .option("--index <dir>", "index folder")
  .option("--json", "print the report (one JSON object) on stdout")
  .parse();

runCli(async () => {
  const config = await cliConfig(program.opts());
  const progress = progressReporter();
  const result = await ingest({
    knowledgeDir: config.KNOWLEDGE_DIR,
    indexDir: config.INDEX_DIR,
    embedder: selectEmbedder(config),
    logger: createLogger(config.LOG_LEVEL),
    onProgress: progress.onProgress,
  });
  progress.stop();
  if (program.opts().json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stderr.write(`${renderReport(result)}\n`);
  const skipped = result.skipped.map((s) => `${s.file} (${s.reason})`).join("; ");
  process.stderr.write(
    `${result.changed ? "Indexed" : "Up to date:"} ${result.documents} documents, ${result.sections} sections, ${result.chunks} chunks ` +
      `(${result.embedded} embedded, ${result.reused} unchanged, ${result.removed} removed), skipped ${result.skipped.length}${skipped ? `: ${skipped}` : ""}, ${result.seconds.toFixed(2)} s\n`,
  );
});
