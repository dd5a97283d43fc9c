import { resolve } from "node:path";
import cliProgress from "cli-progress";
import { ConfigError, loadConfig, type Config } from "../config.js";
import type { IngestProgress } from "../answer/openAssistant.js";
import { currentManifest } from "../search/indexFiles.js";
import type { Audience } from "../domain/audience.js";

/** `--audience`: `all` (the default: the operator has the files anyway), `public`, or sets by name (`hr-only,reorg`). */
export function cliAudience(value: string | undefined): Audience {
  const text = (value ?? "all").trim();
  if (text === "all") return { door: "cli", sets: "all" };
  if (text === "public") return { door: "cli", sets: [] };
  const sets = text
    .split(",")
    .map((set) => set.trim())
    .filter(Boolean);
  if (!sets.length || sets.some((set) => set.includes("/"))) throw new Error(`--audience takes all, public or set names separated by commas, not "${text}"`);
  return { door: "cli", sets };
}

/**
 * Config from the environment with CLI overrides for the knowledge and index
 * folders. `--index DIR` alone answers from that index's own knowledge folder
 * (recorded in its manifest), never from ./knowledge.
 */
export async function cliConfig(options: { knowledge?: string; index?: string }): Promise<Config> {
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const indexDir = resolve(options.index ?? config.INDEX_DIR);
  const recorded = options.index && !options.knowledge ? (await currentManifest(indexDir))?.knowledgeDir : undefined;
  return { ...config, KNOWLEDGE_DIR: resolve(options.knowledge ?? recorded ?? config.KNOWLEDGE_DIR), INDEX_DIR: indexDir };
}

/** A progress bar on a terminal (stderr), nothing otherwise: stdout stays clean for --json. */
export function progressReporter(): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: " {phase} [{bar}] {value}/{total} {file}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = "";
  return {
    onProgress: (p) => {
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: p.phase.padEnd(5), file: "" });
      }
      bar.update(p.done, { phase: p.phase.padEnd(5), file: p.file ?? "" });
    },
    stop: () => phase && bar.stop(),
  };
}

/** Runs a CLI main: a known error is one line on stderr and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof ConfigError ? error.message : `error: ${(error as Error).message?.split("\n")[0] ?? String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
