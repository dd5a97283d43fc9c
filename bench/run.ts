/**
 * `npm run bench`: builds the server once, measures the seed corpus and
 * synthetic corpora, each in its own process, then starts the compiled server
 * on each built index (start-up, serving memory, throughput under concurrent
 * clients). Writes bench/results/latest.{json,md}, latency.svg and a copy of
 * the JSON in bench/results/runs/ for `npm run bench:spread`.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { runCli } from "../src/platform/runCli.js";
import { evaluateSearch } from "../src/eval/search.js";
import { readJsonLines, SearchQuestionSchema } from "../src/eval/searchQuestions.js";
import { markdownTable } from "../src/eval/metrics.js";
import { writeCorpus } from "./corpus.js";
import { type LoadResult, runLoad } from "./load.js";
import type { CorpusMeasurement } from "./measure.js";
import { latencyPlot } from "./plot.js";
import { benchQuestions } from "./queries.js";
import { type Replica, startReplica } from "./replicaProcess.js";
import { type Spread, spreadOf } from "./stats.js";

const program = new Command("bench")
  .description("Speed, size and memory of ingest, search and answers, against a naive baseline; start-up and throughput of the compiled server.")
  .option("--sizes <list>", "synthetic corpus sizes, comma-separated (0 for none)", "1000")
  .option("--queries <n>", "search queries per corpus", "1000")
  .option("--questions <n>", "answers per corpus", "300")
  .option("--load-seconds <n>", "seconds of concurrent load per corpus", "10")
  .option("--load-clients <n>", "concurrent clients of the load", "50")
  .option("--out <dir>", "where results are written", "bench/results")
  .parse();

type Options = { sizes: number[]; queries: number; questions: number; loadSeconds: number; loadClients: number; out: string };
type LoadOptions = { clients: number; seconds: number };

/** The production start (`npm run start:prod`): start-up is measured without a TypeScript loader. */
const COMPILED_SERVER = ["dist/src/server.js"];
/** Start-ups per corpus: one is noise on a shared machine; the median of three is not. */
const STARTS = 3;
/** Questions asked one at a time before the serving RSS is read. */
const SERVING_QUESTIONS = 100;
const ANN_RECALL_TARGET = 0.95;

export type CorpusRow = CorpusMeasurement & {
  corpus: string;
  /** Seconds from spawning `node dist/src/server.js` to its ready line, over the starts of this run. */
  serverStart: Spread & { samples: number[] };
  servingRssMB: number;
  load: LoadResult;
  /** This corpus's figure divided by the seed corpus's, from the same run (the machine is noisy; ratios within a run are comparable). */
  answerP95VsSeeds: number;
  startVsSeeds: number;
};

export type BenchRun = {
  at: string;
  node: string;
  options: Options;
  rows: CorpusRow[];
  quality: Awaited<ReturnType<typeof evaluateSearch>>["rows"];
};

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not ${value}`);
  return n;
}

function parseOptions(): Options {
  const raw = program.opts<{ sizes: string; queries: string; questions: string; loadSeconds: string; loadClients: string; out: string }>();
  return {
    sizes: raw.sizes
      .split(",")
      .filter((size) => Number(size) !== 0)
      .map((size) => positiveInteger("--sizes", size)),
    queries: positiveInteger("--queries", raw.queries),
    questions: positiveInteger("--questions", raw.questions),
    loadSeconds: positiveInteger("--load-seconds", raw.loadSeconds),
    loadClients: positiveInteger("--load-clients", raw.loadClients),
    out: raw.out,
  };
}

/** Runs a command to completion and returns its stdout; on failure its output goes to our stderr, where the reason is. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) return resolvePromise(out);
      process.stderr.write(out + err);
      reject(new Error(`${[command, ...args].join(" ")} failed (exit ${code})`));
    });
  });
}

const roundTo = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** Peak resident memory of a process so far (Linux), in MB. */
async function peakRssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts the compiled server, timing spawn to ready line; `use` runs on it, and it is stopped whatever happens. */
async function withServer<T>(env: Record<string, string>, use: (server: Replica, startSeconds: number) => Promise<T>): Promise<T> {
  const started = performance.now();
  const server = await startReplica(env, COMPILED_SERVER);
  try {
    return await use(server, roundTo((performance.now() - started) / 1000, 2));
  } finally {
    await server.stop();
  }
}

async function ask(url: string, question: string): Promise<void> {
  const response = await fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question }) });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`POST /api/ask answered ${response.status}`);
}

/**
 * Peak RSS after questions one at a time over HTTP (memory while serving,
 * apart from the memory ingest needs), then throughput on the same process,
 * which those questions have warmed up.
 */
async function serve(server: Replica, load: LoadOptions): Promise<{ servingRssMB: number; load: LoadResult }> {
  for (const question of benchQuestions(SERVING_QUESTIONS)) await ask(server.url, question);
  const servingRssMB = await peakRssMB(server.pid);
  return { servingRssMB, load: await runLoad(server.url, load) };
}

async function measureServing(env: Record<string, string>, load: LoadOptions): Promise<Pick<CorpusRow, "serverStart" | "servingRssMB" | "load">> {
  const first = await withServer(env, async (server, seconds) => ({ seconds, ...(await serve(server, load)) }));
  const samples = [first.seconds];
  while (samples.length < STARTS) samples.push(await withServer(env, async (_, seconds) => seconds));
  return { serverStart: { ...spreadOf(samples), samples }, servingRssMB: first.servingRssMB, load: first.load };
}

type Corpus = { name: string; dir: string };

/** A row before the ratios, which need the seeds' row. */
type MeasuredRow = Omit<CorpusRow, "answerP95VsSeeds" | "startVsSeeds">;

async function measureAll(corpora: Corpus[], work: string, options: Options): Promise<MeasuredRow[]> {
  const rows: MeasuredRow[] = [];
  for (const [i, corpus] of corpora.entries()) {
    process.stderr.write(`measuring ${corpus.name}…\n`);
    const indexDir = join(work, `index-${i}`);
    const measured = JSON.parse(
      await run(process.execPath, ["--import", "tsx", "bench/measure.ts", corpus.dir, indexDir, String(options.queries), String(options.questions)]),
    ) as CorpusMeasurement;
    process.stderr.write(`serving ${corpus.name}…\n`);
    const env = { KNOWLEDGE_DIR: corpus.dir, INDEX_DIR: indexDir, DATA_DIR: join(work, `data-${i}`), LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "1000000" };
    const served = await measureServing(env, { clients: options.loadClients, seconds: options.loadSeconds });
    rows.push({ corpus: corpus.name, ...measured, ...served });
    await rm(indexDir, { recursive: true, force: true });
  }
  return rows;
}

async function benchRun(options: Options): Promise<BenchRun> {
  process.stderr.write("building the server (npm run build)…\n");
  await run("npm", ["run", "build"]);
  const work = await mkdtemp(join(tmpdir(), "fw-bench-"));
  try {
    const corpora: Corpus[] = [{ name: "seeds", dir: resolve("knowledge") }];
    for (const size of options.sizes) {
      const dir = join(work, `corpus-${size}`);
      process.stderr.write(`generating ${size} synthetic documents…\n`);
      await writeCorpus(dir, size);
      corpora.push({ name: `${size.toLocaleString("en")} synthetic`, dir });
    }
    const measured = await measureAll(corpora, work, options);
    const seeds = measured[0]!;
    const ratio = (value: number, ofSeeds: number) => roundTo(value / ofSeeds, 2);
    const rows = measured.map((r) => ({
      ...r,
      answerP95VsSeeds: ratio(r.answer.p95, seeds.answer.p95),
      startVsSeeds: ratio(r.serverStart.median, seeds.serverStart.median),
    }));
    const quality = await evaluateSearch(resolve("knowledge"), await readJsonLines("test/eval/search-questions.jsonl", SearchQuestionSchema));
    return { at: new Date().toISOString(), node: process.version, options, rows, quality: quality.rows };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const ms = (n: number) => n.toFixed(1);

function errorsCell(load: LoadResult): string {
  if (!load.errors) return "0";
  const failed = Object.entries(load.statuses).filter(([status]) => status !== "200");
  return `${load.errors} (${failed.map(([status, n]) => `${status}: ${n}`).join(", ")})`;
}

function markdown(report: BenchRun): string {
  const { options, rows, quality } = report;
  const table = markdownTable(
    rows.map((r) => ({
      corpus: r.corpus,
      docs: r.documents,
      chunks: r.chunks,
      "cold ingest s": r.coldIngestSeconds,
      "docs/s": r.documentsPerSecond,
      "re-ingest s": r.reingestSeconds,
      "index MB": Math.round(r.indexBytes / 1e5) / 10,
      "start s (min–max)": `${r.serverStart.median.toFixed(2)} (${r.serverStart.min.toFixed(2)}–${r.serverStart.max.toFixed(2)})`,
      "start ÷ seeds": r.startVsSeeds.toFixed(2),
      "search p50/p95/p99 ms": `${r.search.p50} / ${r.search.p95} / ${r.search.p99}`,
      "naive p50/p95 ms": `${r.naiveSearch.p50} / ${r.naiveSearch.p95}`,
      "naive÷ours p50": Math.round((r.naiveSearch.p50 / r.search.p50) * 10) / 10,
      "answer p50/p95/p99 ms": `${r.answer.p50} / ${r.answer.p95} / ${r.answer.p99}`,
      "answer p95 ÷ seeds": r.answerP95VsSeeds.toFixed(2),
      "ANN recall@40": r.annRecallAt40,
      "peak RSS ingest+bench MB": r.peakRssMB,
      "serving RSS MB": r.servingRssMB,
    })),
  );
  const loadTable = markdownTable(
    rows.map((r) => ({
      corpus: r.corpus,
      requests: r.load.requests,
      "requests/s": r.load.throughputPerSecond.toFixed(1),
      "p50 ms": ms(r.load.p50),
      "p95 ms": ms(r.load.p95),
      "p99 ms": ms(r.load.p99),
      errors: errorsCell(r.load),
    })),
  );
  const recall = rows
    .map((r) => `- ${r.corpus}: ${r.annRecallAt40} — ${r.annRecallAt40 >= ANN_RECALL_TARGET ? "meets" : "**below**"} the ${ANN_RECALL_TARGET} target`)
    .join("\n");
  const qualityTable = markdownTable(quality.map((r) => ({ retriever: r.retriever, "recall@1": r.recallAt1, "recall@5": r.recallAt5, MRR: r.mrr })));
  return [
    "# Functiewijzer benchmark",
    `${report.at} · Node ${report.node} · ${options.queries} queries and ${options.questions} answers per corpus (after 30 unmeasured warm-up answers), offline mode, local embeddings · start: \`node dist/src/server.js\` on the built index to its ready line, median (min–max) of ${STARTS} starts · serving RSS: peak after ${SERVING_QUESTIONS} questions over HTTP`,
    table,
    `ANN recall@40 against exact search (target ≥ ${ANN_RECALL_TARGET}):`,
    recall,
    `## Load: ${options.loadClients} clients`,
    `POST /api/ask for ${options.loadSeconds} s on the compiled server, each client asking its next question when the last is answered (after the ${SERVING_QUESTIONS} serving questions on the same process):`,
    loadTable,
    `Retrieval quality on the seed corpus (${quality[0]?.questions} labelled questions):`,
    qualityTable,
  ].join("\n\n");
}

function plot(rows: CorpusRow[]): string {
  const points = (pick: (r: CorpusRow) => number) => rows.map((r) => ({ x: r.documents, y: pick(r) }));
  return latencyPlot(
    [
      { name: "search p95 (ours)", color: "#1f5f8b", points: points((r) => r.search.p95) },
      { name: "search p95 (naive)", color: "#c47f00", points: points((r) => r.naiveSearch.p95) },
      { name: "answer p95", color: "#2e8b57", points: points((r) => r.answer.p95) },
    ],
    "Latency against corpus size",
  );
}

runCli(async () => {
  const options = parseOptions();
  const report = await benchRun(options);
  const json = JSON.stringify(report, null, 2);
  const text = `${markdown(report)}\n`;
  await mkdir(join(options.out, "runs"), { recursive: true });
  await writeFile(join(options.out, "latest.json"), json);
  // Colons are not allowed in file names on every system.
  await writeFile(join(options.out, "runs", `${report.at.replaceAll(":", "-")}.json`), json);
  await writeFile(join(options.out, "latest.md"), text);
  await writeFile(join(options.out, "latency.svg"), plot(report.rows));
  process.stdout.write(text);
});
