import { Embeddings } from "@langchain/core/embeddings";
import type { OpenAIEmbeddings } from "@langchain/openai";

export type OpenAiEmbeddingsOptions = { model: string; apiKey?: string; baseUrl?: string; timeoutMs: number };

/**
 * LangChain's OpenAIEmbeddings (any OpenAI-compatible endpoint), loaded only
 * when first used: offline installs never pay for the client in memory.
 */
export class LazyOpenAiEmbeddings extends Embeddings {
  private client?: Promise<OpenAIEmbeddings>;

  constructor(private readonly options: OpenAiEmbeddingsOptions) {
    super({});
  }

  private load(): Promise<OpenAIEmbeddings> {
    this.client ??= import("@langchain/openai").then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          model: this.options.model,
          apiKey: this.options.apiKey ?? "not-needed",
          configuration: this.options.baseUrl ? { baseURL: this.options.baseUrl } : undefined,
          timeout: this.options.timeoutMs,
          maxRetries: 2,
        }),
    );
    return this.client;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.load()).embedDocuments(texts);
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.load()).embedQuery(text);
  }
}
