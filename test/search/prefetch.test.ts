import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { IndexUnreadableError, currentVersionDir } from "../../src/search/indexFiles.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { dropPrefetchedIndex, prefetchServingIndex } from "../../src/search/servingIndex.js";
import { ingestedCopy, localEmbedder, tempDir } from "../support/knowledge.js";

const top = async (kb: KnowledgeBase, query: string) => (await kb.search(query, { k: 3 })).map((hit) => `${hit.chunk.source} ${hit.chunk.path.join(" › ")}`);

describe("reading the index before the server's code has loaded (the entry's prefetch)", () => {
  it("serves the same index with and without a prefetch", async () => {
    const { indexDir, embedder } = await ingestedCopy("fw-prefetch-");
    const plain = await KnowledgeBase.open(indexDir, embedder);
    prefetchServingIndex(indexDir);
    const prefetched = await KnowledgeBase.open(indexDir, embedder);
    expect(prefetched.version).toBe(plain.version);
    expect(prefetched.chunkCount).toBe(plain.chunkCount);
    for (const query of ["toetsvragen onderhandelen", "schaal 8 servicedesk", "ontwikkeltips samenwerken"])
      expect(await top(prefetched, query)).toEqual(await top(plain, query));
  });

  it("opens the version CURRENT names when the index changed after the prefetch started", async () => {
    const { knowledgeDir, indexDir, embedder } = await ingestedCopy("fw-prefetch-");
    prefetchServingIndex(indexDir);
    writeFileSync(join(knowledgeDir, "memo.md"), "# Memo thuiswerken\n\nMedewerkers werken twee dagen per week thuis.\n");
    await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    const kb = await KnowledgeBase.open(indexDir, embedder);
    expect(kb.version).toBe(basename((await currentVersionDir(indexDir))!));
    expect(kb.documents).toHaveLength(6);
    expect((await kb.search("thuiswerken", { k: 1 }))[0]?.chunk.source).toBe("memo.md");
  });

  it("leaves a folder without an index to the usual error, and a dropped prefetch is not used", async () => {
    const empty = tempDir("fw-prefetch-empty-");
    prefetchServingIndex(empty);
    await expect(KnowledgeBase.open(empty, localEmbedder())).rejects.toThrow(IndexUnreadableError);

    const { indexDir } = await ingestedCopy("fw-prefetch-");
    prefetchServingIndex(indexDir);
    dropPrefetchedIndex();
    expect((await KnowledgeBase.open(indexDir, localEmbedder())).documents).toHaveLength(5);
  });
});
