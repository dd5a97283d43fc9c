import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../platform/logger.js";

export type IndexWatcherOptions = {
  indexDir: string;
  /** How often to look at the pointer. fs.watch misses changes on network storage, so this polls. */
  intervalMs: number;
  /** Opens the named version and swaps it in; a rejection keeps the current one and retries on the next poll. */
  onNewVersion: (version: string) => Promise<void>;
  logger: Logger;
};

/** The version name the index dir's CURRENT pointer names, or undefined when there is none (yet). */
export async function readIndexPointer(indexDir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(indexDir, "CURRENT"), "utf8")).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches INDEX_DIR's CURRENT pointer, which an ingest in another process (or
 * on another machine sharing the storage) replaces atomically when it has
 * written a complete new version (write a temporary file, rename it over
 * CURRENT). Polls the pointer's inode, mtime and size, and reads it only
 * when they change: the rename always gives a new inode. Polls never overlap.
 */
export class IndexWatcher {
  private known?: string;
  private lastStat = "";
  private failedVersion?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: IndexWatcherOptions) {}

  /** Starts polling; `current` is the version already being served. */
  start(current: string | undefined): void {
    this.known = current;
    this.schedule();
  }

  /** The version being served changed by other means (an HTTP reindex in this process). */
  served(version: string | undefined): void {
    this.known = version;
  }

  /** One poll, now (tests and the HTTP reindex call it; the timer calls it otherwise). */
  check(): Promise<void> {
    this.running ??= this.poll().finally(() => (this.running = undefined));
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped || this.options.intervalMs <= 0) return;
    this.timer = setTimeout(() => void this.check().finally(() => this.schedule()), this.options.intervalMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    const signature = await stat(join(this.options.indexDir, "CURRENT")).then(
      (s) => `${s.mtimeMs}:${s.size}:${s.ino}`,
      () => "",
    );
    // A changed signature, or a previous attempt that failed: read the pointer.
    if (signature === this.lastStat && !this.failedVersion) return;
    this.lastStat = signature;
    const version = await readIndexPointer(this.options.indexDir);
    if (!version || version === this.known) return;
    try {
      await this.options.onNewVersion(version);
      this.known = version;
      this.failedVersion = undefined;
      this.options.logger.info({ version }, "new index version in use");
    } catch (error) {
      // Keep serving the current version; say so once per version, then retry quietly.
      if (this.failedVersion !== version)
        this.options.logger.warn({ version, err: (error as Error).message }, "new index version could not be opened; still serving the previous one");
      this.failedVersion = version;
    }
  }
}
