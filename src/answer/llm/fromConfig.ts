import { llmConfigured, type Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { GeneratedAnswerer } from "../assistant.js";

/**
 * The generated-answer mode, when an OpenAI-compatible model is configured.
 * Until that mode lands, a configured model is reported and the offline
 * answer is used.
 */
export function createLlmAnswererFromConfig(config: Config, logger: Logger): GeneratedAnswerer | undefined {
  if (!llmConfigured(config)) return undefined;
  logger.warn("OPENAI_API_KEY/OPENAI_BASE_URL set, but generated answers are not available in this version; answering offline");
  return undefined;
}
