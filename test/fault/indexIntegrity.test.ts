import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { openAssistant } from "../../src/app/openAssistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { currentVersionDir, digestFile, readIndexData, readManifest } from "../../src/search/indexFiles.js";
import { copyKnowledge, localEmbedder, tempDir } from "../support/knowledge.js";
import { runScript } from "../support/run.js";

type Served = { documents: number; chunks: number; builtAt: string; top?: string };

/** Two versions: the previous one with the five seed documents, the current one with a sixth. */
async function twoVersions(): Promise<{ knowledgeDir: string; indexDir: string; previous: string; current: string }> {
  const knowledgeDir = copyKnowledge();
  const indexDir = tempDir("fw-integrity-");
  await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
  const previous = (await currentVersionDir(indexDir))!;
  writeFileSync(join(knowledgeDir, "memo.md"), "# Memo servicedesk\n\nDe servicedesk is bereikbaar tot 17 uur.\n");
  await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
  const current = (await currentVersionDir(indexDir))!;
  expect(current).not.toBe(previous);
  expect(existsSync(previous)).toBe(true); // kept on disk as the fallback
  return { knowledgeDir, indexDir, previous, current };
}

/** Flips `count` bytes spread over the file, as a bad disk block or a stray write would. */
function flipBytes(file: string, count = 20): void {
  const bytes = readFileSync(file);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(((i + 0.5) * bytes.length) / count);
    bytes[at] = bytes[at]! ^ 0xff;
  }
  writeFileSync(file, bytes);
}

/** Opens the index in a child process; a crash (segfault) shows as a signal or non-zero code, not as a dead test runner. */
async function openInChild(indexDir: string, options: { prefetch?: boolean } = {}): Promise<{ code: number | null; served?: Served; stderr: string }> {
  const run = await runScript("test/support/openIndex.ts", [indexDir, ...(options.prefetch ? ["--prefetch"] : [])]);
  const line = run.stdout.trim().split("\n").pop();
  return { code: run.code, served: line ? (JSON.parse(line) as Served) : undefined, stderr: run.stderr };
}

describe("index files are checksummed and a damaged version never crashes the server (finding 7)", () => {
  it("records a checksum (CRC-32) and the size of every index file in the manifest", async () => {
    const { current } = await twoVersions();
    const manifest = await readManifest(current);
    for (const file of ["facts.bin", "chunks.bin", "lexical.bin", "hnsw.bin"] as const) {
      expect(manifest.files[file]).toEqual(await digestFile(join(current, file)));
    }
  }, 60_000);

  it("detects 20 flipped bytes in hnsw.bin before the native loader reads it, and serves the previous version", async () => {
    const { knowledgeDir, indexDir, current } = await twoVersions();
    flipBytes(join(current, "hnsw.bin"));
    const opened = await openInChild(indexDir);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.served).toMatchObject({ documents: 5 }); // the previous version, without the memo
    expect(opened.served!.top).toContain("Toetsvragen");
    expect(opened.stderr).toContain("hnsw.bin does not match its checksum");
    expect(opened.stderr).toContain("serving the previous version");
    // The next ingest notices the damage although no document changed, and writes an intact version
    // (embedding again: the graph it would take the vectors from is the damaged file).
    const repaired = await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    expect(repaired).toMatchObject({ changed: true, documents: 6 });
    expect(repaired.embedded).toBe(repaired.chunks);
    const after = await openInChild(indexDir);
    expect(after.served).toMatchObject({ documents: 6 });
    expect(after.stderr).not.toContain("unusable");
  }, 90_000);

  it("checks the graph's checksum in the prefetch the server starts before its code loads, and serves the previous version", async () => {
    const { indexDir, current } = await twoVersions();
    const intact = await openInChild(indexDir, { prefetch: true });
    expect(intact.served).toMatchObject({ documents: 6 });
    expect(intact.stderr).not.toContain("unusable");
    flipBytes(join(current, "hnsw.bin"));
    const opened = await openInChild(indexDir, { prefetch: true });
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.served).toMatchObject({ documents: 5 });
    expect(opened.stderr).toContain("hnsw.bin does not match its checksum");
  }, 90_000);

  it("rebuilds a damaged graph from the stored chunks and rewrites it once when no previous version is intact", async () => {
    const { indexDir, previous, current } = await twoVersions();
    rmSync(previous, { recursive: true });
    flipBytes(join(current, "hnsw.bin"));
    const first = await openInChild(indexDir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.served).toMatchObject({ documents: 6 });
    expect(first.stderr).toContain("rebuilt it from the stored chunks and rewrote it");
    // The rewritten graph matches the manifest again: the next start loads it as is.
    expect((await readManifest(current)).files["hnsw.bin"]).toEqual(await digestFile(join(current, "hnsw.bin")));
    const second = await openInChild(indexDir);
    expect(second.code).toBe(0);
    expect(second.served).toMatchObject({ documents: 6 });
    expect(second.stderr).not.toContain("rebuilt");
    expect(second.stderr).not.toContain("unusable");
  }, 90_000);

  it("detects garbage in the stored postings (lexical.bin) by its checksum and serves the previous version", async () => {
    const { indexDir, current } = await twoVersions();
    const stored = readFileSync(join(current, "lexical.bin"));
    // Same length, same header, wrong postings: only a checksum tells.
    const header = 4 + stored.readUInt32LE(0);
    writeFileSync(join(current, "lexical.bin"), Buffer.concat([stored.subarray(0, header), Buffer.alloc(stored.length - header, 7)]));
    await expect(readIndexData(current, { lexical: true })).rejects.toThrow(/lexical\.bin does not match its checksum/);
    const opened = await openInChild(indexDir);
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.served).toMatchObject({ documents: 5 });
    expect(opened.stderr).toContain("lexical.bin does not match its checksum");
  }, 90_000);

  it("serves the existing index when the knowledge folder is missing at start", async () => {
    const { knowledgeDir, indexDir } = await twoVersions();
    rmSync(knowledgeDir, { recursive: true });
    const warnings: string[] = [];
    const logger = silentLogger.child({});
    logger.warn = ((obj: unknown, msg?: string) => void warnings.push(`${msg ?? ""} ${JSON.stringify(obj)}`)) as typeof logger.warn;
    const assistant = await openAssistant(loadConfig({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, EMBEDDINGS: "local" }), { logger });
    expect(assistant.status()).toMatchObject({ ready: true, documents: 6 });
    expect((await assistant.ask("Geef toetsvragen voor onderhandelen")).answered).toBe(true);
    expect(warnings.join("\n")).toMatch(/could not update the index; serving the existing one.*ENOENT/);
  }, 60_000);

  it("starts the server on the previous index when the ingest fails on a full disk, instead of exiting 1", async () => {
    const { knowledgeDir, indexDir } = await twoVersions();
    writeFileSync(join(knowledgeDir, "nieuw.md"), "# Nieuwe functie\n\nIets nieuws.\n");
    const dataDir = tempDir("fw-diskfull-data-");
    const child = spawn(process.execPath, ["--import", pathToFileURL(resolve("test/support/diskFull.mjs")).href, "--import", "tsx", "src/server.ts"], {
      env: {
        ...process.env,
        PORT: "0",
        KNOWLEDGE_DIR: knowledgeDir,
        INDEX_DIR: indexDir,
        DATA_DIR: dataDir,
        DISK_FULL_DIR: indexDir,
        EMBEDDINGS: "local",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const exited = new Promise<number | null>((done) => child.on("close", done));
    try {
      const url = await new Promise<string>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ready line: ${stderr}`)), 40_000);
        child.stderr!.on("data", (d) => {
          stderr += d;
          const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
          if (match) clearTimeout(timer), ready(match[1]!);
        });
        child.on("close", (code) => fail(new Error(`server exited ${code}: ${stderr}`)));
      });
      // Ready on the existing index at once; the update of the changed folder fails in the background.
      expect(stderr).toMatch(/6 documents/);
      await expect.poll(() => stderr, { timeout: 30_000 }).toMatch(/ENOSPC/);
      expect(stderr).toContain("serving the existing one");
      const ask = await fetch(`${url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "toetsvragen onderhandelen" }),
      });
      expect(ask.status).toBe(200);
      expect(basename((await currentVersionDir(indexDir))!)).toMatch(/^v-/);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  }, 90_000);
});
