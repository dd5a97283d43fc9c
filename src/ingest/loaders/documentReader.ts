import { createRequire } from "node:module";
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { UnreadableDocumentError } from "./errors.js";
import { formatOf, loadFile, type LoadedFile, type LoadOptions } from "./index.js";
import { documentLimitsFromEnv, type DocumentLimits } from "./limits.js";
import { READY, type ReadReply, type ReadRequest } from "./readProtocol.js";

/** Plain text needs no parser: read on the calling thread. */
const IN_PROCESS = new Set(["txt", "md"]);

/**
 * The worker's module; under TypeScript (tsx, vitest) a bootstrap first
 * registers tsx's loader in the worker (a worker does not take `--import`).
 */
function workerEntry(): URL | string {
  if (fileURLToPath(import.meta.url).endsWith(".js")) return new URL("./readWorker.js", import.meta.url);
  // The ESM build of tsx's API (require.resolve gives its CommonJS twin).
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const worker = new URL("./readWorker.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
}

/**
 * Reads Word, PDF and HTML files in a worker thread with a heap limit and a
 * time limit, so that no document (a decompression bomb, a parser stuck on a
 * crafted file) can stall the server's event loop or take the process down.
 * A document past a limit is refused with its reason; the worker is then
 * replaced and the next document read as usual. One worker serves a whole
 * ingest; `close()` ends it.
 */
export class DocumentReader {
  private worker: Worker | undefined;
  private ready: Promise<void> = Promise.resolve();
  private nextId = 0;
  private readonly waiting = new Map<number, { file: string; resolve: (loaded: LoadedFile) => void; reject: (error: Error) => void }>();

  constructor(readonly limits: DocumentLimits = documentLimitsFromEnv()) {}

  async read(absPath: string): Promise<LoadedFile> {
    const format = formatOf(absPath);
    const options: LoadOptions = { maxDecodedBytes: this.limits.maxDecodedBytes };
    if (!format || IN_PROCESS.has(format)) return loadFile(absPath, options);
    const { worker, ready } = this.started();
    await ready;
    if (worker !== this.worker) throw new UnreadableDocumentError(basename(absPath), "the reader stopped while starting");
    const id = this.nextId++;
    const file = basename(absPath);
    return new Promise<LoadedFile>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(`took longer than ${this.limits.timeoutMs / 1000} s to read; not read`);
      }, this.limits.timeoutMs);
      timer.unref();
      const settle = {
        file,
        resolve: (loaded: LoadedFile) => (clearTimeout(timer), resolve(loaded)),
        reject: (error: Error) => (clearTimeout(timer), reject(error)),
      };
      this.waiting.set(id, settle);
      worker.ref();
      worker.postMessage({ id, absPath, options } satisfies ReadRequest);
    });
  }

  /** Ends the worker; a reader can be used again afterwards (it starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): { worker: Worker; ready: Promise<void> } {
    if (this.worker) return { worker: this.worker, ready: this.ready };
    const entry = workerEntry();
    const worker = new Worker(entry, {
      eval: typeof entry === "string",
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(this.limits.memoryMb / 8)) },
      stdout: false,
      stderr: false,
    });
    let markReady = () => {};
    this.ready = new Promise<void>((resolve) => (markReady = resolve));
    worker.on("message", (reply: ReadReply) => {
      if (reply.id === READY) return markReady();
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      // An idle reader must not keep a CLI run alive; a busy one must.
      if (!this.waiting.size) worker.unref();
      if (reply.loaded) waiting?.resolve(reply.loaded);
      else waiting?.reject(new UnreadableDocumentError(reply.error!.file, reply.error!.reason));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const reason =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `needs more than ${this.limits.memoryMb} MB of memory to read; not read`
          : `the reader stopped (${error.message.split("\n")[0]})`;
      markReady();
      this.fail(reason, worker);
    });
    worker.on("exit", () => (markReady(), this.fail("the reader stopped", worker)));
    this.worker = worker;
    return { worker, ready: this.ready };
  }

  /** Refuses what the worker was reading (one file at a time in practice) and replaces the worker. */
  private fail(reason: string, worker = this.worker): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    void worker?.terminate();
    for (const waiting of this.waiting.values()) waiting.reject(new UnreadableDocumentError(waiting.file, reason));
    this.waiting.clear();
  }
}
