import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Assistant } from "./port.js";

export type IngestProgress = { phase: "load" | "embed" | "write"; done: number; total: number; file?: string };

/**
 * Builds the index when it is missing or older than the documents, loads it,
 * and returns the Assistant all doors talk to.
 */
export async function openAssistant(
  _config: Config,
  _options: { logger: Logger; onProgress?: (progress: IngestProgress) => void },
): Promise<Assistant> {
  throw new Error("openAssistant: not implemented yet");
}
