/**
 * Opens an index in its own process and prints what it serves as one JSON
 * line: a damaged graph that crashed the native loader would end this process,
 * not the test runner. Usage: tsx test/support/openIndex.ts INDEX_DIR [--prefetch]
 * (--prefetch starts reading the index first, as the server's entry does).
 */
import { pino } from "pino";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { prefetchServingIndex } from "../../src/search/servingIndex.js";
import { localEmbedder } from "./knowledge.js";

const indexDir = process.argv[2]!;
if (process.argv.includes("--prefetch")) prefetchServingIndex(indexDir);
const kb = await KnowledgeBase.open(indexDir, localEmbedder(), { logger: pino({ level: "warn" }, pino.destination(2)) });
const top = await kb.search("toetsvragen onderhandelen", { k: 1 });
process.stdout.write(
  `${JSON.stringify({ documents: kb.documents.length, chunks: kb.chunkCount, builtAt: kb.manifest.builtAt, top: top[0]?.chunk.path.join(" › ") })}\n`,
);
