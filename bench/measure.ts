/**
 * Measures one corpus in its own process (so peak RSS is this corpus's own):
 * cold ingest, unchanged re-ingest, index size, search and answer latency,
 * and the naive brute-force baseline over the same vectors. Prints JSON.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { FunctiewijzerAssistant } from "../src/answer/assistant.js";
import { ingest } from "../src/indexing/ingest.js";
import { silentLogger } from "../src/platform/logger.js";
import { bruteForceTopK, unit } from "../src/eval/naiveRetriever.js";
import { percentile } from "../src/eval/metrics.js";
import { LocalHashEmbeddings } from "../src/search/embeddings/localHashEmbeddings.js";
import { currentVersionDir, readIndexData } from "../src/search/indexFiles.js";
import { KnowledgeBase } from "../src/search/knowledgeBase.js";
import { benchQueries, benchQuestions } from "./queries.js";

export type Latency = { p50: number; p95: number; p99: number };
export type CorpusMeasurement = {
  documents: number;
  chunks: number;
  coldIngestSeconds: number;
  documentsPerSecond: number;
  reingestSeconds: number;
  indexBytes: number;
  openSeconds: number;
  search: Latency;
  naiveSearch: Latency;
  answer: Latency;
  /** Share of the exact top 40 (cosine over every vector) that the hnswlib search returns, over 150 queries. */
  annRecallAt40: number;
  peakRssMB: number;
};

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
  }
  return total;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
function latency(samples: number[]): Latency {
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)) };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export async function measureCorpus(knowledgeDir: string, indexDir: string, options: { queries: number; questions: number }): Promise<CorpusMeasurement> {
  const embeddings = new LocalHashEmbeddings();
  const embedder = { id: embeddings.id, embeddings };
  const [cold, coldMs] = await timed(() => ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger }));
  const [, reMs] = await timed(() => ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger }));
  const [kb, openMs] = await timed(() => KnowledgeBase.open(indexDir, embedder));

  const queries = benchQueries(options.queries);
  for (const q of queries.slice(0, 20)) await kb.search(q); // warm up the JIT and caches
  const searchMs: number[] = [];
  for (const q of queries) searchMs.push((await timed(() => kb.search(q, { k: 8 })))[1]);

  // Baseline: exact cosine over every stored vector, no lexical index (embedding the query included, as in ours).
  const vectors = (await readIndexData((await currentVersionDir(indexDir))!, { vectors: true })).vectors.map((v) => unit(v));
  const naiveMs: number[] = [];
  for (const q of queries) naiveMs.push((await timed(async () => bruteForceTopK(vectors, unit(Float32Array.from(await embeddings.embedQuery(q))), 8)))[1]);

  // ANN recall against exact search: the approximate graph must not silently lose what exact search finds.
  let found = 0;
  const sample = queries.slice(0, 150);
  for (const q of sample) {
    const exact = new Set(bruteForceTopK(vectors, unit(Float32Array.from(await embeddings.embedQuery(q))), 40));
    for (const hit of await kb.vectorSearch(q, 40)) if (exact.has(hit.id)) found++;
  }
  const annRecallAt40 = round(found / (40 * sample.length));

  const assistant = new FunctiewijzerAssistant(kb, { logger: silentLogger, maxQuestionChars: 2000, reindex: () => Promise.reject(new Error("not in bench")) });
  // Not measured, and alike for every corpus: otherwise the seeds' p95 (the ratios' denominator) would include the JIT's warm-up.
  for (const [i, q] of benchQuestions(30).entries()) await assistant.ask(q, { conversation: `warm-up-${i}` });
  const answerMs: number[] = [];
  for (const [i, q] of benchQuestions(options.questions).entries()) answerMs.push((await assistant.ask(q, { conversation: `bench-${i % 25}` })).latencyMs);

  return {
    documents: cold.documents,
    chunks: cold.chunks,
    coldIngestSeconds: round(coldMs / 1000),
    documentsPerSecond: Math.round(cold.documents / (coldMs / 1000)),
    reingestSeconds: round(reMs / 1000),
    indexBytes: await folderBytes(indexDir),
    openSeconds: round(openMs / 1000),
    search: latency(searchMs),
    naiveSearch: latency(naiveMs),
    answer: latency(answerMs),
    annRecallAt40,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [knowledgeDir, indexDir, queries = "1000", questions = "300"] = process.argv.slice(2);
  if (!knowledgeDir || !indexDir) {
    process.stderr.write("usage: measure.ts KNOWLEDGE_DIR INDEX_DIR [QUERIES] [QUESTIONS]\n");
    process.exit(2);
  }
  measureCorpus(knowledgeDir, indexDir, { queries: Number(queries), questions: Number(questions) }).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
