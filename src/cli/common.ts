import { resolve } from "node:path";
import { loadConfig, type Config } from "../platform/config.js";
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
