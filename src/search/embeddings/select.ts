import type { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";
import { useOpenAiEmbeddings, type Config } from "../../config.js";
import { LocalHashEmbeddings } from "./localHashEmbeddings.js";

/** An embedder and the id recorded in the index, so a change of embedder forces a rebuild. */
export type Embedder = { id: string; embeddings: Embeddings };

export function selectEmbedder(config: Config): Embedder {
  if (!useOpenAiEmbeddings(config)) {
    const local = new LocalHashEmbeddings();
    return { id: local.id, embeddings: local };
  }
  const embeddings = new OpenAIEmbeddings({
    model: config.OPENAI_EMBEDDINGS_MODEL,
    apiKey: config.OPENAI_API_KEY ?? "not-needed",
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: 2,
  });
  return { id: `openai:${config.OPENAI_BASE_URL ?? "api.openai.com"}:${config.OPENAI_EMBEDDINGS_MODEL}`, embeddings };
}
