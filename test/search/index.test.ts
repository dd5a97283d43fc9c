import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest, indexIsStale } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { currentVersionDir } from "../../src/search/indexFiles.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { buildKnowledge, copyKnowledge, localEmbedder, tempDir } from "../support/knowledge.js";
import type { Embedder } from "../../src/search/embeddings/select.js";

describe("incremental, atomic ingest", () => {
  it("re-embeds only changed documents and drops removed ones", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = tempDir();
    const embedder = localEmbedder();
    const first = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(first.documents).toBe(5);
    expect(first.embedded).toBe(first.chunks);

    const again = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(again).toMatchObject({ changed: false, embedded: 0, reused: 5 });
    expect(await indexIsStale(knowledgeDir, indexDir, embedder.id)).toBe(false);

    const memo = join(knowledgeDir, "memo-thuiswerken.txt");
    writeFileSync(memo, "Thuiswerken\n\nMedewerkers werken twee dagen per week thuis.\n");
    rmSync(join(knowledgeDir, "ufo-accountmanager-dienstverlening.txt"));
    expect(await indexIsStale(knowledgeDir, indexDir, embedder.id)).toBe(true);
    const changed = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(changed).toMatchObject({ documents: 5, reused: 4, removed: 1, embedded: 1 });
    const kb = await KnowledgeBase.open(indexDir, embedder);
    expect(kb.documents.map((d) => d.source)).not.toContain("ufo-accountmanager-dienstverlening.txt");
    expect((await kb.search("thuiswerken", { k: 1 }))[0]?.chunk.source).toBe("memo-thuiswerken.txt");
  });

  it("reports unreadable documents and skips them", async () => {
    const knowledgeDir = copyKnowledge();
    writeFileSync(join(knowledgeDir, "leeg.txt"), "   \n");
    writeFileSync(join(knowledgeDir, "binair.txt"), Buffer.from([0, 159, 146, 150, 0, 1, 2]));
    writeFileSync(join(knowledgeDir, "notities.xyz"), "x");
    const result = await ingest({ knowledgeDir, indexDir: tempDir(), embedder: localEmbedder(), logger: silentLogger });
    expect(result.documents).toBe(5);
    expect(result.skipped.map((s) => s.file).sort()).toEqual(["binair.txt", "leeg.txt", "notities.xyz"]);
    expect(result.skipped.every((s) => s.reason.length > 3)).toBe(true);
  });

  it("leaves the previous index usable when an ingest fails halfway", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = tempDir();
    const embedder = localEmbedder();
    await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    const before = await currentVersionDir(indexDir);
    writeFileSync(join(knowledgeDir, "nieuw.txt"), "Nieuwe functie\n\nDoel\nIets nieuws.\n");
    const failing: Embedder = {
      id: embedder.id,
      embeddings: {
        embedDocuments: async () => {
          throw new Error("embedding service down");
        },
      } as never,
    };
    await expect(ingest({ knowledgeDir, indexDir, embedder: failing, logger: silentLogger })).rejects.toThrow("embedding service down");
    expect(await currentVersionDir(indexDir)).toBe(before);
    const kb = await KnowledgeBase.open(indexDir, embedder);
    expect(kb.documents).toHaveLength(5);
  });

  it("rebuilds when the embedder changes or the index is corrupt", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = tempDir();
    await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    const other: Embedder = { id: "other-embedder", embeddings: localEmbedder().embeddings };
    expect(await indexIsStale(knowledgeDir, indexDir, other.id)).toBe(true);
    const rebuilt = await ingest({ knowledgeDir, indexDir, embedder: other, logger: silentLogger });
    expect(rebuilt.reused).toBe(0);
    expect(rebuilt.embedded).toBe(rebuilt.chunks);

    const version = (await currentVersionDir(indexDir))!;
    writeFileSync(join(version, "lexical.bin"), readFileSync(join(version, "lexical.bin")).subarray(0, 100));
    await expect(KnowledgeBase.open(indexDir, other)).rejects.toThrow(/unreadable/);
    const recovered = await ingest({ knowledgeDir, indexDir, embedder: other, logger: silentLogger });
    expect(recovered.changed).toBe(true);
    expect((await KnowledgeBase.open(indexDir, other)).chunkCount).toBe(recovered.chunks);
    // The new version and the one it replaced (kept as the fallback for a damaged new one).
    expect(
      readdirSync(indexDir)
        .filter((e) => e.startsWith("v-"))
        .sort(),
    ).toEqual([basename(version), basename((await currentVersionDir(indexDir))!)].sort());
  });
});

describe("hybrid search", () => {
  it("finds sections across compounds, typos and languages", async () => {
    const { kb } = await buildKnowledge();
    const top = async (query: string) => (await kb.search(query, { k: 5 })).map((h) => `${h.chunk.source} › ${h.chunk.path.join(" › ")}`);
    expect((await top("toetsvragen onderhandelne")).join("\n")).toContain("Onderhandelen › Toetsvragen");
    expect((await top("servicedeskmedewerkr"))[0]).toContain("provincie-servicedesk-medewerker-ict.md");
    expect((await top("front office storingsmeldingen schaal"))[0]).toContain("Schaal 6");
    const filtered = await kb.search("schaal", { k: 10, filter: { system: "rijk" } });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h.chunk.system === "rijk")).toBe(true);
  });
});

describe("vector search breadth", () => {
  it("grows with the graph, within bounds", async () => {
    const { efFor } = await import("../../src/search/vectorIndex.js");
    expect(efFor(100)).toBe(64);
    // Never narrower for a bigger graph, and at least the 40 candidates the hybrid search asks for.
    const sizes = [1_000, 10_000, 30_000, 97_000, 300_000, 1_000_000];
    for (const [i, size] of sizes.entries()) {
      expect(efFor(size)).toBeGreaterThanOrEqual(40);
      if (i > 0) expect(efFor(size)).toBeGreaterThan(efFor(sizes[i - 1]!));
    }
    expect(efFor(10_000_000)).toBe(2048);
  });
});
