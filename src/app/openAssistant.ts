import { basename, resolve } from "node:path";
import type { Config } from "../platform/config.js";
import { ingest, indexIsStale, KnowledgeMissingError, type IngestResult } from "../indexing/ingest.js";
import { silentLogger, type Logger } from "../platform/logger.js";
import { selectEmbedder } from "../search/embeddings/select.js";
import { KnowledgeBase } from "../search/knowledgeBase.js";
import { IndexUnreadableError } from "../search/indexFiles.js";
import { IndexWatcher, readIndexPointer } from "../search/indexWatcher.js";
import { FunctiewijzerAssistant, type GeneratedAnswerer } from "../answer/assistant.js";
import { LiveAssistant } from "../answer/liveAssistant.js";
import { LocalConversationStore } from "../state/localConversationStore.js";
import type { ConversationMemory, Turn } from "../answer/memory.js";
import type { Assistant, IngestProgress } from "../domain/assistant.js";
import { AccessFile } from "../ingest/accessFile.js";

export type OpenOptions = {
  logger: Logger;
  onProgress?: (progress: IngestProgress) => void;
  /** Set by the LLM mode when a model is configured. */
  llm?: GeneratedAnswerer;
  /** Conversation memory, e.g. shared by all replicas in Redis; in-process when absent. */
  memory?: ConversationMemory;
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
  const { kb } = await openServableKnowledge(config, options);
  return assistantOver(kb, config, options);
}

/** openKnowledge, refusing an index without documents, warmed up. */
async function openServableKnowledge(config: Config, options: OpenOptions): Promise<{ kb: KnowledgeBase; ingested?: IngestResult }> {
  const { kb, ingested } = await openKnowledge(config, options);
  if (kb.documents.length === 0) {
    const skipped = ingested?.skipped.length
      ? ` (${ingested.skipped.length} skipped: ${ingested.skipped.map((s) => `${s.file}: ${s.reason}`).join("; ")})`
      : "";
    throw new KnowledgeMissingError(`no readable documents in ${resolve(config.KNOWLEDGE_DIR)}${skipped}`);
  }
  await warmUp(kb);
  return { kb, ingested };
}

function assistantOver(kb: KnowledgeBase, config: Config, options: OpenOptions): FunctiewijzerAssistant {
  // The policy of the folder the index was built from, re-read whenever it changes.
  const access = new AccessFile(kb.manifest.knowledgeDir ?? resolve(config.KNOWLEDGE_DIR), options.logger);
  return new FunctiewijzerAssistant(kb, {
    access: () => access.current(),
    logger: options.logger,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    logMessageBodies: config.LOG_MESSAGE_BODIES,
    llm: options.llm,
    memory: options.memory,
    reindex: async () => {
      const embedder = selectEmbedder(config);
      const result = await ingest({ knowledgeDir: resolve(config.KNOWLEDGE_DIR), indexDir: resolve(config.INDEX_DIR), embedder, logger: options.logger });
      const fresh = await KnowledgeBase.open(resolve(config.INDEX_DIR), embedder, { logger: options.logger });
      await warmUp(fresh);
      return { summary: result, kb: fresh };
    },
  });
}

/**
 * The server's assistant: as openAssistant, and it follows the index.
 * Readiness comes as soon as an index is loaded: a usable existing index is
 * served at once, and whether the documents changed since it was built is
 * checked afterwards; a changed folder is ingested in the background and the
 * new version swapped in (`refreshed` settles when that is done). Only
 * without a usable index does start-up wait for the ingest.
 *
 * Another process (an ingest job, another replica's reindex, a deployment
 * on shared storage) may write a new index version; every INDEX_POLL_MS the
 * pointer is checked, a new version is opened and warmed up in the
 * background and swapped in. An unreadable new version is reported and the
 * current one kept. Stop the watcher on shutdown.
 */
export async function openLiveAssistant(
  config: Config,
  given: OpenOptions,
): Promise<{ assistant: LiveAssistant; watcher: IndexWatcher; refreshed: Promise<void> }> {
  // One memory for every assistant swapped in: a conversation goes on across index versions.
  const options = { ...given, memory: given.memory ?? new LocalConversationStore<Turn>() };
  const indexDir = resolve(config.INDEX_DIR);
  const before = await readIndexPointer(indexDir);
  const existing = await openExistingIndex(config, options.logger);
  const { kb, ingested } = existing ? { kb: existing, ingested: undefined } : await openServableKnowledge(config, options);
  const after = await readIndexPointer(indexDir);
  // The version being served: the one just opened or built, if CURRENT still names it. Otherwise (another
  // process switched it meanwhile, or CURRENT is damaged) the watcher's first poll opens whatever CURRENT names.
  const opened = existing ? existing.version : ingested?.versionDir ? basename(ingested.versionDir) : before;
  const served = opened === after ? after : undefined;
  let watcher: IndexWatcher | undefined;
  const assistant = new LiveAssistant(assistantOver(kb, config, options), async () => watcher?.served(await readIndexPointer(indexDir)));
  watcher = new IndexWatcher({
    indexDir,
    intervalMs: config.INDEX_POLL_MS,
    logger: options.logger,
    onNewVersion: async () => {
      const pointer = await readIndexPointer(indexDir);
      const kb = await KnowledgeBase.open(indexDir, selectEmbedder(config), { logger: options.logger });
      // Opening falls back to an older intact version; the watcher wants the one CURRENT names, or none.
      if (pointer && kb.version !== pointer) throw new Error(`version ${pointer} is damaged`);
      if (kb.documents.length === 0) throw new Error("the new index has no documents");
      await warmUp(kb);
      assistant.replace(assistantOver(kb, config, options));
    },
  });
  watcher.start(served);
  const refreshed = existing ? refreshInBackground(config, options.logger, watcher) : Promise.resolve();
  return { assistant, watcher, refreshed };
}

/** The index as it is on disk, if it can be served (readable, built with this embedder, with documents). */
async function openExistingIndex(config: Config, logger: Logger): Promise<KnowledgeBase | undefined> {
  const kb = await KnowledgeBase.open(resolve(config.INDEX_DIR), selectEmbedder(config), { logger }).catch(() => undefined);
  if (!kb || kb.documents.length === 0) return undefined;
  await warmUp(kb);
  return kb;
}

/**
 * After start-up on an existing index: ingests what changed in the knowledge
 * folder while the old index serves, then has the watcher swap the new
 * version in. A failure (folder gone, disk full) keeps the old index serving.
 */
async function refreshInBackground(config: Config, logger: Logger, watcher: IndexWatcher): Promise<void> {
  const knowledgeDir = resolve(config.KNOWLEDGE_DIR);
  const indexDir = resolve(config.INDEX_DIR);
  const embedder = selectEmbedder(config);
  try {
    if (!(await indexIsStale(knowledgeDir, indexDir, embedder.id))) return;
    logger.info("documents changed since the index was built; updating it while the current index serves");
    const result = await ingest({ knowledgeDir, indexDir, embedder, logger });
    await watcher.check();
    logger.info({ documents: result.documents, embedded: result.embedded, seconds: Math.round(result.seconds * 10) / 10 }, "index updated");
  } catch (error) {
    logger.warn({ err: (error as Error).message.split("\n")[0] }, "could not update the index; serving the existing one");
  }
}

/**
 * Builds the per-index lookup tables (by document, by title word, competency
 * names) before the first user asks, so the first answer is as fast as the rest.
 */
async function warmUp(kb: KnowledgeBase): Promise<void> {
  const probe = new FunctiewijzerAssistant(kb, { logger: silentLogger, maxQuestionChars: 100, reindex: () => Promise.reject(new Error("warm-up only")) });
  for (const question of ["Welke schaal past bij een medewerker?", "Geef toetsvragen en ontwikkeltips", "Wat verandert er van schaal 6 naar 7?"])
    await probe.ask(question);
}
