import { llmConfigured, type Config } from "../../platform/config.js";
import type { Logger } from "../../platform/logger.js";
import type { GeneratedAnswerer } from "../assistant.js";
import { createLlmAnswerer } from "./llmAnswerer.js";

/** The generated-answer mode, when an OpenAI-compatible model is configured (a key, a base URL, or both). */
export function createLlmAnswererFromConfig(config: Config, logger: Logger): GeneratedAnswerer | undefined {
  if (!llmConfigured(config)) return undefined;
  const answerer = createLlmAnswerer({
    baseUrl: config.OPENAI_BASE_URL,
    apiKey: config.OPENAI_API_KEY,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    logger,
  });
  logger.info({ model: config.OPENAI_MODEL, baseUrl: config.OPENAI_BASE_URL ?? "api.openai.com" }, "generated answers on; the offline answer is the fallback");
  return answerer;
}
