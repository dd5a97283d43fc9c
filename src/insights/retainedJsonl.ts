import { appendFile, chmod, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { z } from "zod";
import { readJsonLinesLeniently } from "../feedback/jsonLines.js";

const HOUR_MS = 3_600_000;
/** Owner only: the logs hold questions people asked. */
const FILE_MODE = 0o600;
const DAY_MS = 86_400_000;

/**
 * A JSON-lines file whose entries expire after `retentionDays`: reads skip
 * expired and malformed lines, and the file is rewritten without expired lines
 * at most once an hour. Writes in one process are serialised so a rewrite never
 * loses an append.
 */
export class RetainedJsonl<T extends { at: string }> {
  private queue: Promise<unknown> = Promise.resolve();
  private lastPrune = 0;
  private narrowed = false;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  append(entry: T): Promise<void> {
    return this.serial(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(this.schema.parse(entry))}\n`, { encoding: "utf8", mode: FILE_MODE });
      // A file created before this version (0644) is narrowed once.
      if (!this.narrowed) {
        await chmod(this.file, FILE_MODE).catch(() => undefined);
        this.narrowed = true;
      }
      if (this.now() - this.lastPrune > HOUR_MS) await this.pruneNow();
    });
  }

  /** Entries still within the retention period, oldest first. */
  async list(): Promise<T[]> {
    const cutoff = this.cutoff();
    return (await this.readAll()).filter((entry) => Date.parse(entry.at) >= cutoff);
  }

  /** Drops expired lines from the file now. */
  prune(): Promise<void> {
    return this.serial(() => this.pruneNow());
  }

  private cutoff(): number {
    return this.now() - this.retentionDays * DAY_MS;
  }

  private async pruneNow(): Promise<void> {
    this.lastPrune = this.now();
    const all = await this.readAll();
    const cutoff = this.cutoff();
    const kept = all.filter((entry) => Date.parse(entry.at) >= cutoff);
    if (kept.length === all.length) return;
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(""), { encoding: "utf8", mode: FILE_MODE });
    await rename(temp, this.file);
  }

  private readAll(): Promise<T[]> {
    return readJsonLinesLeniently(this.file, this.schema);
  }

  private serial<R>(work: () => Promise<R>): Promise<R> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
