import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { FunctiewijzerAssistant, type GeneratedAnswerer } from "../answer/assistant.js";
import type { Answer } from "../answer/answer.js";
import { createLlmAnswererFromConfig } from "../answer/llm/fromConfig.js";
import { runCli } from "../cli/common.js";
import { llmConfigured, loadConfig } from "../config.js";
import { ingest } from "../ingest/ingest.js";
import { createLogger, silentLogger } from "../logger.js";
import { selectEmbedder } from "../search/embeddings/select.js";
import { KnowledgeBase } from "../search/knowledgeBase.js";
import { fold } from "../text/normalize.js";
import { AnswerQuestionSchema, type AnswerQuestion } from "./answerQuestions.js";
import { markdownTable, percentile } from "./metrics.js";
import { readJsonLines } from "./searchQuestions.js";

export type AnswerEvalReport = {
  mode: "offline" | "llm";
  questions: number;
  answerable: number;
  unanswerable: number;
  factAccuracy: number;
  citationPrecision: number;
  correctRefusals: number;
  falseRefusals: number;
  intentAccuracy: number;
  latencyP50: number;
  latencyP95: number;
  failures: { id: string; question: string; problem: string }[];
};

const hasFact = (answer: string, fact: string) => fact.split("|").some((alternative) => fold(answer).includes(fold(alternative)));

/** Scores one answer against its label; returns the problems found. */
export function judge(q: AnswerQuestion, a: Answer): { factsOk: boolean; cited: number; citedCorrect: number; problems: string[] } {
  const problems: string[] = [];
  if (!q.answerable) {
    if (a.answered) problems.push("answered a question the documents cannot answer");
    return { factsOk: !a.answered, cited: 0, citedCorrect: 0, problems };
  }
  if (!a.answered) problems.push("refused an answerable question");
  const missing = q.facts.filter((fact) => !hasFact(a.answer, fact));
  if (missing.length) problems.push(`missing fact(s): ${missing.join(", ")}`);
  const wrong = a.citations.filter((c) => !q.sources.includes(c.source));
  if (wrong.length) problems.push(`cited outside the expected sources: ${[...new Set(wrong.map((c) => c.source))].join(", ")}`);
  if (!a.citations.length) problems.push("no citations");
  if (q.intent && a.intent !== q.intent) problems.push(`intent ${a.intent}, expected ${q.intent}`);
  return { factsOk: missing.length === 0 && a.answered, cited: a.citations.length, citedCorrect: a.citations.length - wrong.length, problems };
}

export async function evaluateAnswers(questions: AnswerQuestion[], options: { knowledgeDir: string; llm?: GeneratedAnswerer; mode: "offline" | "llm" }): Promise<AnswerEvalReport> {
  const config = loadConfig({ ...process.env, ...(options.mode === "offline" ? { EMBEDDINGS: "local" } : {}) });
  const embedder = selectEmbedder(config);
  const indexDir = mkdtempSync(join(tmpdir(), "fw-eval-answers-"));
  await ingest({ knowledgeDir: options.knowledgeDir, indexDir, embedder, logger: silentLogger });
  const kb = await KnowledgeBase.open(indexDir, embedder);
  const assistant = new FunctiewijzerAssistant(kb, { logger: silentLogger, maxQuestionChars: 2000, llm: options.llm, reindex: () => Promise.reject(new Error("not in eval")) });

  let factsOk = 0;
  let cited = 0;
  let citedCorrect = 0;
  let intentOk = 0;
  let intentLabelled = 0;
  let correctRefusals = 0;
  let falseRefusals = 0;
  const latencies: number[] = [];
  const failures: AnswerEvalReport["failures"] = [];
  for (const q of questions) {
    const answer = await assistant.ask(q.question, { conversation: q.conversation ?? `eval-${q.id}`, channel: "cli" });
    latencies.push(answer.latencyMs);
    const verdict = judge(q, answer);
    if (q.answerable) {
      if (verdict.factsOk) factsOk++;
      if (!answer.answered) falseRefusals++;
      if (q.intent) {
        intentLabelled++;
        if (answer.intent === q.intent) intentOk++;
      }
    } else if (!answer.answered) correctRefusals++;
    cited += verdict.cited;
    citedCorrect += verdict.citedCorrect;
    if (verdict.problems.length) failures.push({ id: q.id, question: q.question, problem: verdict.problems.join("; ") });
  }
  const answerable = questions.filter((q) => q.answerable).length;
  const unanswerable = questions.length - answerable;
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 1);
  return {
    mode: options.mode,
    questions: questions.length,
    answerable,
    unanswerable,
    factAccuracy: ratio(factsOk, answerable),
    citationPrecision: ratio(citedCorrect, cited),
    correctRefusals: ratio(correctRefusals, unanswerable),
    falseRefusals: ratio(falseRefusals, answerable),
    intentAccuracy: ratio(intentOk, intentLabelled),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    failures,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("eval")
    .description("Answer quality on a labelled question set: facts, citations, refusals, latency.")
    .option("--questions <file>", "JSON lines (see src/eval/answerQuestions.ts)", "test/eval/answer-questions.jsonl")
    .option("--knowledge <dir>", "folder with the HR documents", "knowledge")
    .option("--mode <mode>", "offline, or llm (needs OPENAI_API_KEY or OPENAI_BASE_URL)", "offline")
    .option("--json", "print the report as JSON")
    .parse();
  runCli(async () => {
    const options = program.opts<{ questions: string; knowledge: string; mode: string; json?: boolean }>();
    if (options.mode !== "offline" && options.mode !== "llm") throw new Error('--mode must be "offline" or "llm"');
    let llm: GeneratedAnswerer | undefined;
    if (options.mode === "llm") {
      const config = loadConfig();
      if (!llmConfigured(config)) throw new Error("--mode llm needs OPENAI_API_KEY or OPENAI_BASE_URL");
      llm = createLlmAnswererFromConfig(config, createLogger("warn"));
      if (!llm) throw new Error("the LLM mode is not available in this build");
    }
    const questions = await readJsonLines(options.questions, AnswerQuestionSchema);
    const report = await evaluateAnswers(questions, { knowledgeDir: resolve(options.knowledge), llm, mode: options.mode });
    if (options.json) return void process.stdout.write(`${JSON.stringify(report)}\n`);
    process.stdout.write(`Answer quality, ${report.mode} mode, ${report.questions} questions (${report.answerable} answerable, ${report.unanswerable} not answerable by the documents)\n\n`);
    process.stdout.write(
      `${markdownTable([
        { metric: "fact accuracy (answerable, all facts present)", value: report.factAccuracy, target: "≥ 0.90" },
        { metric: "citation precision (cited source expected)", value: report.citationPrecision, target: "≥ 0.95" },
        { metric: "correct refusals (unanswerable refused)", value: report.correctRefusals, target: "1.00" },
        { metric: "false refusals (answerable refused)", value: report.falseRefusals, target: "≤ 0.05" },
        { metric: "intent accuracy (labelled questions)", value: report.intentAccuracy, target: "–" },
        { metric: "latency p50 ms", value: report.latencyP50, target: "–" },
        { metric: "latency p95 ms", value: report.latencyP95, target: "< 50 (offline)" },
      ])}\n`,
    );
    if (report.failures.length) process.stdout.write(`\n${report.failures.length} with problems:\n${report.failures.map((f) => `- ${f.id} "${f.question}": ${f.problem}`).join("\n")}\n`);
  });
}
