import { resolve } from "node:path";
import type { Config } from "../config.js";
import { ingest, indexIsStale, KnowledgeMissingError, type IngestResult } from "../ingest/ingest.js";
import { silentLogger, type Logger } from "../logger.js";
import { selectEmbedder } from "../search/embeddings/select.js";
import { KnowledgeBase } from "../search/knowledgeBase.js";
import { IndexUnreadableError } from "../search/indexFiles.js";
import { FunctiewijzerAssistant, type GeneratedAnswerer } from "./assistant.js";
import type { Assistant } from "./port.js";

export type IngestProgress = { phase: "load" | "embed" | "write"; done: number; total: number; file?: string };

export type OpenOptions = {
  logger: Logger;
  onProgress?: (progress: IngestProgress) => void;
  /** Set by the LLM mode when a model is configured. */
  llm?: GeneratedAnswerer;
};

/**
 * Brings the index up to date (building it when missing or older than the
 * documents, rebuilding it when no version is usable) and opens it. When the
 * documents cannot be read or the new index cannot be written (knowledge
 * folder gone, disk full), the existing index is served with a warning: a
 * restart must not turn a working assistant into a crash loop.
 */
export async function openKnowledge(config: Config, options: OpenOptions): Promise<{ kb: KnowledgeBase; ingested?: IngestResult }> {
  const knowledgeDir = resolve(config.KNOWLEDGE_DIR);
  const indexDir = resolve(config.INDEX_DIR);
  const embedder = selectEmbedder(config);
  const { logger } = options;
  let ingested: IngestResult | undefined;
  try {
    if (await indexIsStale(knowledgeDir, indexDir, embedder.id)) {
      ingested = await ingest({ knowledgeDir, indexDir, embedder, logger, onProgress: options.onProgress });
    }
  } catch (error) {
    const existing = await KnowledgeBase.open(indexDir, embedder, { logger }).catch(() => undefined);
    if (!existing) throw error;
    logger.warn({ err: (error as Error).message.split("\n")[0] }, "could not update the index; serving the existing one");
    return { kb: existing };
  }
  try {
    return { kb: await KnowledgeBase.open(indexDir, embedder, { logger }), ingested };
  } catch (error) {
    if (!(error instanceof IndexUnreadableError)) throw error;
    logger.warn({ err: error.message }, "index unreadable; rebuilding from the documents");
    ingested = await ingest({ knowledgeDir, indexDir, embedder, logger, onProgress: options.onProgress, force: true });
    return { kb: await KnowledgeBase.open(indexDir, embedder, { logger }), ingested };
  }
}

/** Builds the index when it is missing or stale, loads it, and returns the Assistant all doors talk to. */
export async function openAssistant(config: Config, options: OpenOptions): Promise<Assistant> {
  const { kb, ingested } = await openKnowledge(config, options);
  if (kb.documents.length === 0) {
    const skipped = ingested?.skipped.length ? ` (${ingested.skipped.length} skipped: ${ingested.skipped.map((s) => `${s.file}: ${s.reason}`).join("; ")})` : "";
    throw new KnowledgeMissingError(`no readable documents in ${resolve(config.KNOWLEDGE_DIR)}${skipped}`);
  }
  const assistant = new FunctiewijzerAssistant(kb, {
    logger: options.logger,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    logMessageBodies: config.LOG_MESSAGE_BODIES,
    llm: options.llm,
    reindex: async () => {
      const embedder = selectEmbedder(config);
      const result = await ingest({ knowledgeDir: resolve(config.KNOWLEDGE_DIR), indexDir: resolve(config.INDEX_DIR), embedder, logger: options.logger });
      const fresh = await KnowledgeBase.open(resolve(config.INDEX_DIR), embedder, { logger: options.logger });
      await warmUp(fresh);
      return { summary: result, kb: fresh };
    },
  });
  await warmUp(kb);
  return assistant;
}

/**
 * Builds the per-index lookup tables (by document, by title word, competency
 * names) before the first user asks, so the first answer is as fast as the rest.
 */
async function warmUp(kb: KnowledgeBase): Promise<void> {
  const probe = new FunctiewijzerAssistant(kb, { logger: silentLogger, maxQuestionChars: 100, reindex: () => Promise.reject(new Error("warm-up only")) });
  for (const question of ["Welke schaal past bij een medewerker?", "Geef toetsvragen en ontwikkeltips", "Wat verandert er van schaal 6 naar 7?"]) await probe.ask(question);
}
