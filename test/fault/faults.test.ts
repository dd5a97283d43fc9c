import { readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { openAssistant } from "../../src/app/openAssistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { currentVersionDir } from "../../src/search/indexFiles.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { listen, postJson } from "../support/http.js";
import { copyKnowledge, localEmbedder, tempDir } from "../support/knowledge.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import { spawnScript } from "../support/run.js";

describe("faults", () => {
  it("keeps serving the previous index when an ingest process is killed halfway", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = tempDir("fw-killed-");
    const embedder = localEmbedder();
    await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    const before = await currentVersionDir(indexDir);
    await writeCorpus(join(knowledgeDir, "synthetic"), 800);

    const child = spawnScript("src/cli/ingest.ts", ["--knowledge", knowledgeDir, "--index", indexDir]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Kill it mid-run: after 2 s, or as soon as it starts writing its new version folder, whichever comes first.
    const started = Date.now();
    while (Date.now() - started < 2000 && readdirSync(indexDir).filter((name) => name.startsWith("v-")).length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL"); // it was still running: the kill really interrupted it

    expect(await currentVersionDir(indexDir)).toBe(before);
    const kb = await KnowledgeBase.open(indexDir, embedder);
    expect(kb.documents).toHaveLength(5);
    expect((await kb.search("toetsvragen onderhandelen", { k: 1 }))[0]?.chunk.path.join(" › ")).toContain("Toetsvragen");

    const next = await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
    expect(next.documents).toBe(805);
    // Leftovers of the killed run are gone; the version it replaced stays as the fallback.
    expect(
      readdirSync(indexDir)
        .filter((name) => name.startsWith("v-"))
        .sort(),
    ).toEqual([basename(before!), basename((await currentVersionDir(indexDir))!)].sort());
  }, 120_000);

  it("rebuilds a corrupt index from the documents when the assistant opens it", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = tempDir("fw-corrupt-");
    const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, EMBEDDINGS: "local" });
    await openAssistant(config, { logger: silentLogger });
    const version = (await currentVersionDir(indexDir))!;
    writeFileSync(join(version, "chunks.bin"), "truncated");
    const assistant = await openAssistant(config, { logger: silentLogger });
    expect(assistant.status().documents).toBe(5);
    expect((await assistant.ask("Geef toetsvragen voor onderhandelen")).answered).toBe(true);
  }, 30_000);

  it("skips huge, binary and unreadable files with a reason and ingests the rest", async () => {
    const knowledgeDir = copyKnowledge();
    writeFileSync(join(knowledgeDir, "export-dump.txt"), Buffer.alloc(50 * 1024 * 1024, "a"));
    writeFileSync(join(knowledgeDir, "logo.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    symlinkSync(join(knowledgeDir, "does-not-exist.txt"), join(knowledgeDir, "verwijderd-profiel.txt"));
    const result = await ingest({ knowledgeDir, indexDir: tempDir("fw-badfiles-"), embedder: localEmbedder(), logger: silentLogger });
    expect(result.documents).toBe(5);
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.file, s.reason]));
    expect(reasons["export-dump.txt"]).toMatch(/too large/);
    expect(reasons["logo.md"]).toMatch(/not a text file/);
    expect(reasons["verwijderd-profiel.txt"]).toMatch(/cannot read|ENOENT/);
  }, 30_000);

  it("answers every request while the index is rebuilt several times", async () => {
    const knowledgeDir = copyKnowledge();
    const config = loadConfig({
      KNOWLEDGE_DIR: knowledgeDir,
      INDEX_DIR: tempDir("fw-live-"),
      EMBEDDINGS: "local",
      ADMIN_TOKEN: "live-admin-token-0123456789",
      RATE_LIMIT_PER_MINUTE: "100000",
    });
    const assistant = await openAssistant(config, { logger: silentLogger });
    const server = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
    try {
      let stop = false;
      const statuses: number[] = [];
      const clients = Array.from({ length: 8 }, async (_, i) => {
        while (!stop)
          statuses.push(
            (
              await postJson(`${server.url}/api/ask`, {
                question: i % 2 ? "Welke schaal past bij een servicedesk medewerker?" : "Geef toetsvragen voor onderhandelen",
                conversation: `c${i}`,
              })
            ).status,
          );
      });
      for (let round = 0; round < 3; round++) {
        writeFileSync(join(knowledgeDir, `memo-${round}.md`), `# Memo ${round}\n\nDe servicedesk is bereikbaar tot ${17 + round} uur.\n`);
        const reindex = await postJson(`${server.url}/api/reindex`, {}, { authorization: "Bearer live-admin-token-0123456789" });
        expect(reindex.status).toBe(200);
        expect(reindex.body.documents).toBe(6 + round);
      }
      stop = true;
      await Promise.all(clients);
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(assistant.status().documents).toBe(8);
    } finally {
      await server.close();
    }
  }, 60_000);
});
