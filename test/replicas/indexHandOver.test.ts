import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveAssistant } from "../../src/answer/liveAssistant.js";
import { openLiveAssistant } from "../../src/app/openAssistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import type { IndexWatcher } from "../../src/search/indexWatcher.js";
import { KNOWLEDGE_DIR, localEmbedder, tempDir } from "../support/knowledge.js";
import { capturingLogger } from "../support/logCapture.js";

const SOURCE = "rijk-medewerker-facilitair.txt";
const QUESTION = "Welke schaal past bij een medewerker facilitair?";

let root: string;
let knowledgeDir: string;
let indexDir: string;
let assistant: LiveAssistant;
let watcher: IndexWatcher;
const { logger, lines } = capturingLogger();

const citesNew = async () => (await assistant.ask(QUESTION)).citations.some((c) => c.source === SOURCE);
const logged = (pattern: RegExp) => lines.filter((l) => pattern.test(l.msg)).length;

beforeAll(async () => {
  root = tempDir("fw-handover-");
  knowledgeDir = join(root, "knowledge");
  indexDir = join(root, "index");
  cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, EMBEDDINGS: "local", INDEX_POLL_MS: "0" });
  ({ assistant, watcher } = await openLiveAssistant(config, { logger }));
});

afterAll(() => {
  watcher?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("index hand-over in a running server", () => {
  it("swaps in a version written by another ingest, and keeps memory across the swap", async () => {
    await assistant.ask("wat verandert er van schaal 6 naar 7?", { conversation: "c" });
    expect(await citesNew()).toBe(false);
    cpSync(resolve("test/fixtures/generalisation", SOURCE), join(knowledgeDir, SOURCE));
    await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    expect(await citesNew()).toBe(false); // nothing changes before the watcher looks
    await watcher.check();
    expect(await citesNew()).toBe(true);
    expect(assistant.status().documents).toBe(6);
    expect(logged(/new index version in use/)).toBe(1);
    // The conversation started on the old index goes on on the new one.
    expect((await assistant.ask("en naar 8?", { conversation: "c" })).answer).toMatch(/Schaal 7 naar Schaal 8/);
  });

  it("does nothing when the pointer has not changed", async () => {
    await watcher.check();
    await watcher.check();
    expect(logged(/new index version in use/)).toBe(1);
  });

  it("keeps serving when the pointer names a version it cannot open, says so once, and retries", async () => {
    const bad = "v-9999999999999-1";
    mkdirSync(join(indexDir, bad));
    writeFileSync(join(indexDir, bad, "manifest.json"), "{ not json");
    writeFileSync(join(indexDir, "CURRENT.tmp"), bad);
    renameSync(join(indexDir, "CURRENT.tmp"), join(indexDir, "CURRENT"));
    await watcher.check();
    await watcher.check();
    expect(await citesNew()).toBe(true); // still the last good version
    expect(logged(/could not be opened/)).toBe(1);
    // A good version afterwards is picked up.
    rmSync(join(knowledgeDir, SOURCE));
    await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger, force: true });
    await watcher.check();
    expect(await citesNew()).toBe(false);
    expect(logged(/new index version in use/)).toBe(2);
  });

  it("does not reopen the version its own HTTP reindex just wrote", async () => {
    cpSync(resolve("test/fixtures/generalisation", SOURCE), join(knowledgeDir, SOURCE));
    await assistant.reindex();
    expect(await citesNew()).toBe(true);
    await watcher.check();
    expect(logged(/new index version in use/)).toBe(2);
  });
});

describe("start-up on an existing index", () => {
  it("is ready on the index as it is, then ingests what changed in the background and swaps it in", async () => {
    const dir = tempDir("fw-restart-");
    const knowledge = join(dir, "knowledge");
    const index = join(dir, "index");
    cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
    await ingest({ knowledgeDir: knowledge, indexDir: index, embedder: localEmbedder(), logger: silentLogger });
    // A document arrives while the server is down.
    cpSync(resolve("test/fixtures/generalisation", SOURCE), join(knowledge, SOURCE));
    const capture = capturingLogger();
    const config = loadConfig({ KNOWLEDGE_DIR: knowledge, INDEX_DIR: index, EMBEDDINGS: "local", INDEX_POLL_MS: "0" });
    const started = await openLiveAssistant(config, { logger: capture.logger });
    try {
      // Served from the old index straight away: the ingest has not run yet.
      expect(started.assistant.status()).toMatchObject({ ready: true, documents: 5 });
      await started.refreshed;
      expect(started.assistant.status().documents).toBe(6);
      expect((await started.assistant.ask(QUESTION)).citations.some((c) => c.source === SOURCE)).toBe(true);
      expect(capture.lines.some((l) => /updating it while the current index serves/.test(l.msg))).toBe(true);
      // An unchanged folder at the next start: served as is, nothing ingested.
      const again = await openLiveAssistant(config, { logger: capture.logger });
      await again.refreshed;
      again.watcher.stop();
      expect(capture.lines.filter((l) => /updating it while/.test(l.msg))).toHaveLength(1);
    } finally {
      started.watcher.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
