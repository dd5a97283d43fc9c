import type { Embeddings } from "@langchain/core/embeddings";
import { scanKnowledge } from "../ingest/scan.js";
import { loadFile } from "../ingest/loaders/index.js";
import { topK } from "../search/topK.js";

export type NaiveChunk = { source: string; text: string };

/** The baseline a naive RAG demo would build: fixed 1,000-character windows, no structure. */
export const NAIVE_CHUNK_CHARS = 1000;

/**
 * Fixed-size chunks, vectors only, brute-force cosine: the baseline every
 * quality and speed figure of the real retriever is compared with.
 */
export class NaiveRetriever {
  private constructor(
    readonly chunks: NaiveChunk[],
    private readonly vectors: Float32Array[],
    private readonly embeddings: Embeddings,
  ) {}

  static async build(knowledgeDir: string, embeddings: Embeddings): Promise<NaiveRetriever> {
    const { files } = await scanKnowledge(knowledgeDir);
    const chunks: NaiveChunk[] = [];
    for (const file of files) {
      const { text } = await loadFile(file.absPath).catch(() => ({ text: "" }));
      for (let at = 0; at < text.length; at += NAIVE_CHUNK_CHARS) chunks.push({ source: file.source, text: text.slice(at, at + NAIVE_CHUNK_CHARS) });
    }
    const vectors = (await embeddings.embedDocuments(chunks.map((c) => c.text))).map((v) => unit(Float32Array.from(v)));
    return new NaiveRetriever(chunks, vectors, embeddings);
  }

  async search(query: string, k: number): Promise<NaiveChunk[]> {
    return this.searchVector(unit(Float32Array.from(await this.embeddings.embedQuery(query))), k).map((i) => this.chunks[i]!);
  }

  searchVector(query: Float32Array, k: number): number[] {
    return bruteForceTopK(this.vectors, query, k);
  }
}

/** Brute-force cosine over unit vectors: exact, and linear in the corpus. */
export function bruteForceTopK(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  const ids = Array.from({ length: vectors.length }, (_, i) => i);
  return topK(ids, (i) => dot(vectors[i]!, query), k).map((hit) => hit.id);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function unit(v: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(v, v)) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
