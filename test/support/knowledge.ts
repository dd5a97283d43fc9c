import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { ingest, type IngestResult } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { LocalHashEmbeddings } from "../../src/search/embeddings/localHashEmbeddings.js";
import type { Embedder } from "../../src/search/embeddings/select.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";

export const KNOWLEDGE_DIR = resolve("knowledge");

export function localEmbedder(): Embedder {
  const embeddings = new LocalHashEmbeddings();
  return { id: embeddings.id, embeddings };
}

export function tempDir(prefix = "fw-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds an index of `knowledgeDir` in a temp folder and opens it. */
export async function buildKnowledge(knowledgeDir = KNOWLEDGE_DIR): Promise<{ kb: KnowledgeBase; indexDir: string }> {
  const indexDir = tempDir("fw-index-");
  const embedder = localEmbedder();
  await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
  return { kb: await KnowledgeBase.open(indexDir, embedder), indexDir };
}

export async function buildAssistant(knowledgeDir = KNOWLEDGE_DIR): Promise<{ assistant: FunctiewijzerAssistant; kb: KnowledgeBase }> {
  const { kb, indexDir } = await buildKnowledge(knowledgeDir);
  const assistant = new FunctiewijzerAssistant(kb, {
    logger: silentLogger,
    maxQuestionChars: 2000,
    reindex: async () => {
      const embedder = localEmbedder();
      const summary = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
      return { summary, kb: await KnowledgeBase.open(indexDir, embedder) };
    },
  });
  return { assistant, kb };
}

/** A private copy of the seed knowledge folder, ingested into a temp index folder: both for a test to change. */
export async function ingestedCopy(prefix = "fw-index-"): Promise<{ knowledgeDir: string; indexDir: string; embedder: Embedder; ingested: IngestResult }> {
  const knowledgeDir = copyKnowledge();
  const indexDir = tempDir(prefix);
  const embedder = localEmbedder();
  const ingested = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
  return { knowledgeDir, indexDir, embedder, ingested };
}

/** A private copy of the seed knowledge folder that a test may change. */
export function copyKnowledge(): string {
  const dir = tempDir("fw-knowledge-");
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}
