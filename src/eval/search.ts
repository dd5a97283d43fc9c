import { resolve } from "node:path";
import { Command } from "commander";
import { runCli } from "../platform/runCli.js";
import { ingest } from "../indexing/ingest.js";
import { silentLogger } from "../platform/logger.js";
import { citationSection, type Chunk } from "../domain/chunk.js";
import { LocalHashEmbeddings } from "../search/embeddings/localHashEmbeddings.js";
import { KnowledgeBase } from "../search/knowledgeBase.js";
import { retrieve } from "../answer/offlineAnswerer.js";
import { understand } from "../answer/understand/understand.js";
import { fold, normalizeText, squash } from "../text/normalize.js";
import { markdownTable, rankMetrics, type RankMetrics } from "./metrics.js";
import { NaiveRetriever, type NaiveChunk } from "./naiveRetriever.js";
import { readJsonLines, SearchQuestionSchema, type SearchQuestion } from "./searchQuestions.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const K = 10;

/** True when a chunk of our index is the labelled section. */
function isGold(chunk: Pick<Chunk, "source" | "path">, q: SearchQuestion): boolean {
  return chunk.source === q.source && fold(citationSection(chunk)).includes(fold(q.section));
}

const flat = (text: string) => fold(squash(normalizeText(text)));

/**
 * A naive chunk has no section, so it counts as correct when it contains a
 * line (of 20+ characters) of the labelled section: generous to the baseline.
 */
function naiveIsGold(chunk: NaiveChunk, q: SearchQuestion, kb: KnowledgeBase): boolean {
  if (chunk.source !== q.source) return false;
  const text = flat(chunk.text);
  const lines = kb
    .allChunks()
    .filter((c) => isGold(c, q))
    .flatMap((c) => [...c.path.slice(-1), ...c.text.split("\n")])
    .map((l) => flat(l.replace(/^\s*(?:[-*•]|\d+\.)\s*/, "")).replace(/:$/, ""))
    .filter((l) => l.length >= 20);
  return lines.some((line) => text.includes(line));
}

const rankOf = <T>(hits: T[], gold: (hit: T) => boolean): number | undefined => {
  const i = hits.findIndex(gold);
  return i < 0 ? undefined : i + 1;
};

export type SearchEvalResult = { rows: (RankMetrics & { retriever: string })[]; misses: { query: string; expected: string; got: string }[] };

/** Scores the hybrid retriever, each of its halves, and the naive baseline on one question set. */
export async function evaluateSearch(knowledgeDir: string, questions: SearchQuestion[]): Promise<SearchEvalResult> {
  const embeddings = new LocalHashEmbeddings();
  const embedder = { id: embeddings.id, embeddings };
  const indexDir = mkdtempSync(join(tmpdir(), "fw-eval-search-"));
  await ingest({ knowledgeDir, indexDir, embedder, logger: silentLogger });
  const kb = await KnowledgeBase.open(indexDir, embedder);
  const naive = await NaiveRetriever.build(knowledgeDir, embeddings);
  const ranks: Record<string, (number | undefined)[]> = {
    "hybrid (ours)": [],
    "lexical only (no expansion)": [],
    "vectors only": [],
    "naive baseline (1,000-char chunks, vectors only)": [],
  };
  const misses: SearchEvalResult["misses"] = [];
  for (const q of questions) {
    // The same retrieval the answers use: the question's plan, through the one Retriever.
    const hybrid = (await retrieve(understand(q.query, kb), kb, K)).hits;
    const rank = rankOf(hybrid, (h) => isGold(h.chunk, q));
    ranks["hybrid (ours)"]!.push(rank);
    if (rank !== 1)
      misses.push({
        query: q.query,
        expected: `${q.source} › ${q.section}`,
        got: hybrid[0] ? `${hybrid[0].chunk.source} › ${citationSection(hybrid[0].chunk)}` : "(nothing)",
      });
    ranks["lexical only (no expansion)"]!.push(rankOf(kb.lexicalSearch(q.query, K), (s) => isGold(kb.chunk(s.id), q)));
    ranks["vectors only"]!.push(rankOf(await kb.vectorSearch(q.query, K), (s) => isGold(kb.chunk(s.id), q)));
    ranks["naive baseline (1,000-char chunks, vectors only)"]!.push(rankOf(await naive.search(q.query, K), (c) => naiveIsGold(c, q, kb)));
  }
  return { rows: Object.entries(ranks).map(([retriever, r]) => ({ retriever, ...rankMetrics(r) })), misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("eval:search")
    .description("Retrieval quality on a labelled question set: recall@1/@5 and MRR, ours vs a naive baseline.")
    .option("--questions <file>", "JSON lines {query, source, section}", "test/eval/search-questions.jsonl")
    .option("--knowledge <dir>", "folder with the HR documents", "knowledge")
    .option("--json", "print the result as JSON")
    .parse();
  runCli(async () => {
    const options = program.opts<{ questions: string; knowledge: string; json?: boolean }>();
    const questions = await readJsonLines(options.questions, SearchQuestionSchema);
    const result = await evaluateSearch(resolve(options.knowledge), questions);
    if (options.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
    process.stdout.write(`Search quality on ${questions.length} questions (${options.questions})\n\n`);
    process.stdout.write(
      `${markdownTable(result.rows.map((r) => ({ retriever: r.retriever, "recall@1": r.recallAt1, "recall@5": r.recallAt5, MRR: r.mrr })))}\n`,
    );
    if (result.misses.length)
      process.stdout.write(
        `\nNot first for ${result.misses.length}:\n${result.misses.map((m) => `- "${m.query}": expected ${m.expected}; got ${m.got}`).join("\n")}\n`,
      );
  });
}
