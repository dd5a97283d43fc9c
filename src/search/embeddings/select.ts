import type { Embeddings } from "@langchain/core/embeddings";
import { useOpenAiEmbeddings, type Config } from "../../platform/config.js";
import { LocalHashEmbeddings } from "./localHashEmbeddings.js";
import { LazyOpenAiEmbeddings } from "./openAiEmbeddings.js";

/** An embedder and the id recorded in the index, so a change of embedder forces a rebuild. */
export type Embedder = { id: string; embeddings: Embeddings };

export function selectEmbedder(config: Config): Embedder {
  if (!useOpenAiEmbeddings(config)) {
    const local = new LocalHashEmbeddings();
    return { id: local.id, embeddings: local };
  }
  const embeddings = new LazyOpenAiEmbeddings({
    model: config.OPENAI_EMBEDDINGS_MODEL,
    apiKey: config.OPENAI_API_KEY,
    baseUrl: config.OPENAI_BASE_URL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
  });
  return { id: `openai:${config.OPENAI_BASE_URL ?? "api.openai.com"}:${config.OPENAI_EMBEDDINGS_MODEL}`, embeddings };
}
