/**
 * `npm run bench`: measures the seed corpus and synthetic corpora, each in its
 * own process, plus server start-up with a built index, and writes
 * bench/results/latest.{json,md} and latency.svg.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { runCli } from "../src/cli/common.js";
import { evaluateSearch } from "../src/eval/search.js";
import { readJsonLines, SearchQuestionSchema } from "../src/eval/searchQuestions.js";
import { markdownTable } from "../src/eval/metrics.js";
import { writeCorpus } from "./corpus.js";
import type { CorpusMeasurement } from "./measure.js";
import { latencyPlot } from "./plot.js";
import { benchQuestions } from "./queries.js";

const program = new Command("bench")
  .description("Speed, size and memory of ingest, search and answers, against a naive baseline.")
  .option("--sizes <list>", "synthetic corpus sizes, comma-separated (0 for none)", "1000")
  .option("--queries <n>", "search queries per corpus", "1000")
  .option("--questions <n>", "answers per corpus", "300")
  .option("--out <dir>", "where results are written", "bench/results")
  .parse();

function run(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`${args.join(" ")} failed: ${err.trim().split("\n").pop()}`))));
  });
}

/** Peak resident memory of a process so far (Linux), in MB. */
async function peakRssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * The real server on a built index: time from process start to its ready
 * line, then its peak RSS after answering questions over HTTP (memory while
 * serving, apart from the memory ingest needs).
 */
async function serveOnBuiltIndex(knowledgeDir: string, indexDir: string, questions: number): Promise<{ startSeconds: number; servingRssMB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: { ...process.env, PORT: "0", KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "1000000" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<never>((_, reject) => child.on("close", (code) => reject(new Error(`server exited (${code}) early`))));
  const url = await Promise.race([
    exited,
    new Promise<string>((resolvePromise) => {
      let err = "";
      child.stderr.on("data", (d) => {
        err += d;
        const match = /ready at (http:\/\/[^/\s]+)\//.exec(err);
        if (match) resolvePromise(match[1]!);
      });
    }),
  ]);
  const startSeconds = Math.round(((performance.now() - started) / 1000) * 100) / 100;
  for (const question of benchQuestions(questions)) {
    await fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) }).then((r) =>
      r.arrayBuffer(),
    );
  }
  const servingRssMB = await peakRssMB(child.pid!);
  child.kill("SIGTERM");
  return { startSeconds, servingRssMB };
}

type Row = CorpusMeasurement & { corpus: string; serverStartSeconds: number; servingRssMB: number };

runCli(async () => {
  const options = program.opts<{ sizes: string; queries: string; questions: string; out: string }>();
  const sizes = options.sizes
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
  const work = await mkdtemp(join(tmpdir(), "fw-bench-"));
  const corpora: { name: string; dir: string }[] = [{ name: "seeds", dir: resolve("knowledge") }];
  for (const size of sizes) {
    const dir = join(work, `corpus-${size}`);
    process.stderr.write(`generating ${size} synthetic documents…\n`);
    await writeCorpus(dir, size);
    corpora.push({ name: `${size.toLocaleString("en")} synthetic`, dir });
  }
  const rows: Row[] = [];
  for (const corpus of corpora) {
    process.stderr.write(`measuring ${corpus.name}…\n`);
    const indexDir = join(work, `index-${rows.length}`);
    const measured = JSON.parse(await run(["bench/measure.ts", corpus.dir, indexDir, options.queries, options.questions])) as CorpusMeasurement;
    const served = await serveOnBuiltIndex(corpus.dir, indexDir, 100);
    rows.push({ corpus: corpus.name, ...measured, serverStartSeconds: served.startSeconds, servingRssMB: served.servingRssMB });
    await rm(indexDir, { recursive: true, force: true });
  }
  const quality = await evaluateSearch(resolve("knowledge"), await readJsonLines("test/eval/search-questions.jsonl", SearchQuestionSchema));
  await rm(work, { recursive: true, force: true });

  const table = markdownTable(
    rows.map((r) => ({
      corpus: r.corpus,
      docs: r.documents,
      chunks: r.chunks,
      "cold ingest s": r.coldIngestSeconds,
      "docs/s": r.documentsPerSecond,
      "re-ingest s": r.reingestSeconds,
      "index MB": Math.round(r.indexBytes / 1e5) / 10,
      "start s": r.serverStartSeconds,
      "search p50/p95/p99 ms": `${r.search.p50} / ${r.search.p95} / ${r.search.p99}`,
      "naive p50/p95 ms": `${r.naiveSearch.p50} / ${r.naiveSearch.p95}`,
      "naive÷ours p50": Math.round((r.naiveSearch.p50 / r.search.p50) * 10) / 10,
      "answer p50/p95/p99 ms": `${r.answer.p50} / ${r.answer.p95} / ${r.answer.p99}`,
      "ANN recall@40": r.annRecallAt40,
      "peak RSS ingest+bench MB": r.peakRssMB,
      "serving RSS MB": r.servingRssMB,
    })),
  );
  const qualityTable = markdownTable(quality.rows.map((r) => ({ retriever: r.retriever, "recall@1": r.recallAt1, "recall@5": r.recallAt5, MRR: r.mrr })));
  const markdown = `# Functiewijzer benchmark\n\n${new Date().toISOString()} · Node ${process.version} · ${options.queries} queries and ${options.questions} answers per corpus, offline mode, local embeddings\n\n${table}\n\nRetrieval quality on the seed corpus (${quality.rows[0]?.questions} labelled questions):\n\n${qualityTable}\n`;
  await mkdir(options.out, { recursive: true });
  await writeFile(
    join(options.out, "latest.json"),
    JSON.stringify({ at: new Date().toISOString(), node: process.version, rows, quality: quality.rows }, null, 2),
  );
  await writeFile(join(options.out, "latest.md"), markdown);
  const points = (pick: (r: Row) => number) => rows.map((r) => ({ x: r.documents, y: pick(r) }));
  await writeFile(
    join(options.out, "latency.svg"),
    latencyPlot(
      [
        { name: "search p95 (ours)", color: "#1f5f8b", points: points((r) => r.search.p95) },
        { name: "search p95 (naive)", color: "#c47f00", points: points((r) => r.naiveSearch.p95) },
        { name: "answer p95", color: "#2e8b57", points: points((r) => r.answer.p95) },
      ],
      "Latency against corpus size",
    ),
  );
  process.stdout.write(markdown);
});
