import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentReader } from "../../src/ingest/loaders/documentReader.js";
import { UnreadableDocumentError } from "../../src/ingest/loaders/index.js";
import { loadPdf } from "../../src/ingest/loaders/pdf.js";
import { currentVersionDir } from "../../src/search/indexFiles.js";
import { ingest } from "../../src/indexing/ingest.js";
import { silentLogger } from "../../src/platform/logger.js";
import { copyKnowledge, localEmbedder, tempDir } from "../support/knowledge.js";
import { pdfBomb } from "../support/pdfBomb.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/** The longest gap between ticks of a 10 ms timer while `work` runs: how long this thread's event loop was blocked. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    return { result, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

describe("PDF and Word bombs (issue 26, finding 1)", () => {
  let bomb: Buffer;
  let bombFile: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The red team's file: 816 KB whose one content stream inflates to 800 MiB of spaces.
    bomb = await pdfBomb(800);
    bombFile = join(tempDir("fw-pdfbomb-"), "bom.pdf");
    writeFileSync(bombFile, bomb);
  }, 60_000);
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("is refused by the PDF loader's inflated-size limit before pdf.js reads it", async () => {
    expect(bomb.length).toBeGreaterThan(700 * 1024);
    expect(bomb.length).toBeLessThan(900 * 1024);
    const error = await loadPdf("bom.pdf", bomb, 5 * 1024 * 1024, 64 * 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as UnreadableDocumentError).reason).toMatch(/streams inflate to more than 64 MiB/);
    // The same file, cut to a small stream, is an ordinary PDF: the limit judges size, not the construction.
    await expect(loadPdf("klein.pdf", await pdfBomb(1), 5 * 1024 * 1024, 64 * 1024 * 1024)).resolves.toEqual({ text: "Functieprofiel Beleidsmedewerker" });
  });

  it("is stopped by the reader's time limit in its worker, with this thread's event loop free, and the next file is read", { timeout: 60_000 }, async () => {
    // A limit the bomb passes: only the worker's clock stops it (10 s: a new worker's first PDF also sets pdf.js up).
    const reader = new DocumentReader({ timeoutMs: 10_000, memoryMb: 256, maxDecodedBytes: 16 * 1024 * 1024 * 1024 });
    try {
      const { result: error, stallMs } = await longestStall(() => reader.read(bombFile).catch((e: unknown) => e));
      expect(error).toBeInstanceOf(UnreadableDocumentError);
      expect((error as UnreadableDocumentError).reason).toBe("took longer than 10 s to read; not read");
      expect(stallMs).toBeLessThan(500);
      const small = join(tempDir("fw-pdfsmall-"), "klein.pdf");
      writeFileSync(small, await pdfBomb(1));
      await expect(reader.read(small)).resolves.toMatchObject({ format: "pdf", text: "Functieprofiel Beleidsmedewerker" });
    } finally {
      await reader.close();
    }
  });

  it("is stopped by the worker's heap limit: a 10 MB web page needing more memory than allowed", { timeout: 60_000 }, async () => {
    const page = join(tempDir("fw-bigpage-"), "groot.html");
    writeFileSync(page, `<html><body>${"<div><p>Beleidsmedewerker <b>schaal</b> 10</p></div>\n".repeat(200_000)}</body></html>`);
    const reader = new DocumentReader({ timeoutMs: 60_000, memoryMb: 96, maxDecodedBytes: 1024 * 1024 });
    try {
      const error = await reader.read(page).catch((e: unknown) => e);
      expect((error as UnreadableDocumentError).reason).toBe("needs more than 96 MB of memory to read; not read");
    } finally {
      await reader.close();
    }
  });

  it("in a running server's reindex: /healthz answers within 1 s throughout, the bomb is skipped with its reason and never indexed", async () => {
    const knowledgeDir = copyKnowledge();
    const indexDir = join(tempDir("fw-pdfbomb-index-"), "index");
    await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const token = randomBytes(24).toString("base64url");
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        LOG_LEVEL: "warn",
        KNOWLEDGE_DIR: knowledgeDir,
        INDEX_DIR: indexDir,
        DATA_DIR: tempDir("fw-pdfbomb-data-"),
        EMBEDDINGS: "local",
        ADMIN_TOKEN: token,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.on("close", (code) => (output += `\nexited ${code}`));
    while (
      !(await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      expect(output).not.toMatch(/exited/);
      await new Promise((next) => setTimeout(next, 50));
    }
    // The red team's scenario: the bomb lands in the knowledge folder of a serving server, and a reindex reads it.
    writeFileSync(join(knowledgeDir, "bom.pdf"), bomb);
    let done = false;
    // The server's own start-up check of the folder may be reading it already (409): then ask again when it is done.
    const reindexWhenFree = async (): Promise<{ documents: number; skipped: { file: string; reason: string }[] }> => {
      for (;;) {
        const response = await fetch(`${url}/api/reindex`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 409) return response.json() as Promise<{ documents: number; skipped: { file: string; reason: string }[] }>;
        await new Promise((next) => setTimeout(next, 100));
      }
    };
    const reindex = reindexWhenFree().finally(() => (done = true));
    let slowest = 0;
    let polls = 0;
    while (!done) {
      const started = performance.now();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      slowest = Math.max(slowest, performance.now() - started);
      polls++;
    }
    const summary = await reindex;
    child.kill("SIGTERM");
    expect(polls).toBeGreaterThan(1);
    expect(slowest).toBeLessThan(1000);
    expect(summary).toMatchObject({ documents: 5 });
    expect(summary.skipped).toContainEqual({ file: "bom.pdf", reason: "streams inflate to more than 256 MiB (a decompression bomb?); not read" });
    const manifest = JSON.parse(readFileSync(join((await currentVersionDir(indexDir))!, "manifest.json"), "utf8")) as { documents: { source: string }[] };
    expect(manifest.documents.map((d) => d.source)).not.toContain("bom.pdf");
  }, 120_000);
});
