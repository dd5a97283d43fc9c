import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import type { Embedder } from "../../src/search/embeddings/select.js";
import { currentVersionDir, readIndexData, readManifest } from "../../src/search/indexFiles.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { ingestedCopy, localEmbedder, tempDir } from "../support/knowledge.js";

/** The local embedder, counting the texts it is asked to embed. */
function countingEmbedder(): Embedder & { embedded: () => number } {
  const { id, embeddings } = localEmbedder();
  let count = 0;
  const counting = Object.create(embeddings) as typeof embeddings;
  counting.embedDocuments = (texts: string[]) => {
    count += texts.length;
    return embeddings.embedDocuments(texts);
  };
  return { id, embeddings: counting, embedded: () => count };
}

const sha256 = (file: string) => {
  const bytes = readFileSync(file);
  return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
};

/**
 * Writes the index of `from` into a new index folder as the previous format's
 * writer did (format 4): facts.json, chunks.jsonl one chunk a line, the
 * postings and the graph, and a manifest with SHA-256 checksums.
 */
async function asPreviousFormat(from: string): Promise<string> {
  const current = (await currentVersionDir(from))!;
  const data = await readIndexData(current);
  const indexDir = tempDir("fw-format4-");
  const version = "v-1-1";
  const dir = join(indexDir, version);
  mkdirSync(dir);
  writeFileSync(join(dir, "facts.json"), JSON.stringify({ documents: data.documents, competencies: data.competencies, levels: data.levels }));
  writeFileSync(join(dir, "chunks.jsonl"), data.chunks.map((chunk) => `${JSON.stringify(chunk)}\n`).join(""));
  for (const file of ["lexical.bin", "hnsw.bin"]) copyFileSync(join(current, file), join(dir, file));
  const files = Object.fromEntries(["facts.json", "chunks.jsonl", "lexical.bin", "hnsw.bin"].map((file) => [file, sha256(join(dir, file))]));
  const { files: _files, ...manifest } = await readManifest(current);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...manifest, format: 4, files }, null, 1));
  writeFileSync(join(indexDir, "CURRENT"), version);
  return indexDir;
}

describe("upgrading an index of the previous format", () => {
  it("rewrites it in the current format with its vectors: nothing is embedded again", async () => {
    const { knowledgeDir, indexDir: built, ingested: first } = await ingestedCopy("fw-format5-");
    const indexDir = await asPreviousFormat(built);
    await expect(KnowledgeBase.open(indexDir, localEmbedder())).rejects.toThrow(/unreadable/);

    const embedder = countingEmbedder();
    const upgraded = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(upgraded).toMatchObject({ changed: true, documents: 5, reused: 5, embedded: 0, chunks: first.chunks });
    expect(embedder.embedded()).toBe(0);
    const kb = await KnowledgeBase.open(indexDir, localEmbedder());
    expect(kb.manifest.format).toBe(5);
    expect((await kb.search("toetsvragen onderhandelen", { k: 1 }))[0]?.chunk.path.join(" › ")).toContain("Toetsvragen");
  });

  it("embeds everything again when the previous index's graph is damaged, without handing it to the native loader", async () => {
    const { knowledgeDir, indexDir: built, ingested: first } = await ingestedCopy("fw-format5-");
    const indexDir = await asPreviousFormat(built);
    const graph = join((await currentVersionDir(indexDir))!, "hnsw.bin");
    const bytes = readFileSync(graph);
    for (let at = 64; at < bytes.length; at += Math.floor(bytes.length / 20)) bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(graph, bytes);

    const embedder = countingEmbedder();
    const rebuilt = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(rebuilt).toMatchObject({ documents: 5, embedded: first.chunks });
    expect(embedder.embedded()).toBe(first.chunks);
  });
});
