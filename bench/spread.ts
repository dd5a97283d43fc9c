/**
 * `npm run bench:spread`: the headline figures of the last runs of
 * `npm run bench` (bench/results/runs/), per corpus, as median and min–max,
 * so a change can be told from the machine's noise.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { runCli } from "../src/platform/runCli.js";
import { markdownTable } from "../src/eval/metrics.js";
import type { BenchRun, CorpusRow } from "./run.js";
import { spreadOf } from "./stats.js";

const program = new Command("bench:spread")
  .description("Median and min–max of the headline figures over the last bench runs, per corpus.")
  .option("--runs <n>", "how many of the latest runs", "3")
  .option("--dir <dir>", "where the runs are", "bench/results/runs")
  .parse();

const FIGURES: [string, (row: CorpusRow) => number][] = [
  ["answer p50 ms", (r) => r.answer.p50],
  ["answer p95 ms", (r) => r.answer.p95],
  ["answer p95 ÷ seeds", (r) => r.answerP95VsSeeds],
  ["start-up s", (r) => r.serverStart.median],
  ["start ÷ seeds", (r) => r.startVsSeeds],
  ["search p95 ms", (r) => r.search.p95],
  ["ANN recall@40", (r) => r.annRecallAt40],
  ["serving RSS MB", (r) => r.servingRssMB],
  ["load throughput /s", (r) => r.load.throughputPerSecond],
  ["load p95 ms", (r) => r.load.p95],
];

/** The latest `count` runs, oldest first (file names are timestamps, so name order is time order). */
async function latestRuns(dir: string, count: number): Promise<BenchRun[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(files.slice(-count).map(async (name) => JSON.parse(await readFile(join(dir, name), "utf8")) as BenchRun));
}

const figure = (n: number) => String(Math.round(n * 1000) / 1000);

function corpusTable(rows: CorpusRow[]): string {
  return markdownTable(
    FIGURES.map(([label, pick]) => {
      const { median, min, max } = spreadOf(rows.map(pick));
      return { figure: label, median: figure(median), "min–max": `${figure(min)}–${figure(max)}` };
    }),
  );
}

runCli(async () => {
  const options = program.opts<{ runs: string; dir: string }>();
  const count = Number(options.runs);
  if (!Number.isInteger(count) || count < 1) throw new Error("--runs must be a positive whole number");
  const runs = await latestRuns(options.dir, count);
  if (!runs.length) throw new Error(`no runs in ${options.dir}: run npm run bench first`);
  // Corpora in the order they were measured; a corpus missing from a run (other --sizes) counts over the runs that have it.
  const corpora = [...new Set(runs.flatMap((run) => run.rows.map((row) => row.corpus)))];
  const sections = corpora.map((corpus) => {
    const rows = runs.flatMap((run) => run.rows.filter((row) => row.corpus === corpus));
    return `## ${corpus} (${rows.length} of ${runs.length} runs)\n\n${corpusTable(rows)}`;
  });
  const heading = runs.length === 1 ? "the last bench run" : `the last ${runs.length} bench runs`;
  process.stdout.write(`# Spread over ${heading}\n\n${runs.map((run) => run.at).join(", ")}\n\n${sections.join("\n\n")}\n`);
});
