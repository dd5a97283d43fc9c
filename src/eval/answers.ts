import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { FunctiewijzerAssistant, type GeneratedAnswerer } from "../answer/assistant.js";
import type { Answer } from "../domain/answer.js";
import { createLlmAnswererFromConfig } from "../answer/llm/fromConfig.js";
import { runCli } from "../platform/runCli.js";
import { llmConfigured, loadConfig } from "../platform/config.js";
import { ingest } from "../indexing/ingest.js";
import { createLogger, silentLogger } from "../platform/logger.js";
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
  /** Answerable questions with every fact present and every citation in an expected source. */
  correctWithSources: number;
  citationPrecision: number;
  correctRefusals: number;
  falseRefusals: number;
  /**
   * Answers that look right and are not: answered although the documents cannot answer the question, or
   * answered without a single citation in an expected source (another role's, level's or organisation's
   * document). A count, not a ratio: the target is 0 on every set.
   */
  confidentWrong: number;
  intentAccuracy: number;
  latencyP50: number;
  latencyP95: number;
  failures: { id: string; question: string; problem: string }[];
};

const hasFact = (answer: string, fact: string) => fact.split("|").some((alternative) => fold(answer).includes(fold(alternative)));

/** Scores one answer against its label; returns the problems found. */
export function judge(
  q: AnswerQuestion,
  a: Answer,
): { factsOk: boolean; sourcesOk: boolean; confidentWrong: boolean; cited: number; citedCorrect: number; problems: string[] } {
  const problems: string[] = [];
  if (!q.answerable) {
    if (a.answered) problems.push("answered a question the documents cannot answer");
    return { factsOk: !a.answered, sourcesOk: true, confidentWrong: a.answered, cited: 0, citedCorrect: 0, problems };
  }
  if (!a.answered) problems.push("refused an answerable question");
  const missing = q.facts.filter((fact) => !hasFact(a.answer, fact));
  if (missing.length) problems.push(`missing fact(s): ${missing.join(", ")}`);
  const wrong = a.citations.filter((c) => !q.sources.includes(c.source));
  if (wrong.length) problems.push(`cited outside the expected sources: ${[...new Set(wrong.map((c) => c.source))].join(", ")}`);
  // A labelled answer with no sources (help, greetings) must cite nothing; any other must cite.
  if (!a.citations.length && q.sources.length) problems.push("no citations");
  if (q.intent && a.intent !== q.intent) problems.push(`intent ${a.intent}, expected ${q.intent}`);
  return {
    factsOk: missing.length === 0 && a.answered,
    sourcesOk: wrong.length === 0 && (a.citations.length > 0 || !q.sources.length),
    confidentWrong: a.answered && q.sources.length > 0 && wrong.length === a.citations.length,
    cited: a.citations.length,
    citedCorrect: a.citations.length - wrong.length,
    problems,
  };
}

export async function evaluateAnswers(
  questions: AnswerQuestion[],
  options: { knowledgeDir: string; llm?: GeneratedAnswerer; mode: "offline" | "llm" },
): Promise<AnswerEvalReport> {
  const config = loadConfig({ ...process.env, ...(options.mode === "offline" ? { EMBEDDINGS: "local" } : {}) });
  const embedder = selectEmbedder(config);
  const indexDir = mkdtempSync(join(tmpdir(), "fw-eval-answers-"));
  await ingest({ knowledgeDir: options.knowledgeDir, indexDir, embedder, logger: silentLogger });
  const kb = await KnowledgeBase.open(indexDir, embedder);
  const assistant = new FunctiewijzerAssistant(kb, {
    logger: silentLogger,
    maxQuestionChars: 2000,
    llm: options.llm,
    reindex: () => Promise.reject(new Error("not in eval")),
  });

  let factsOk = 0;
  let correctWithSources = 0;
  let cited = 0;
  let citedCorrect = 0;
  let intentOk = 0;
  let intentLabelled = 0;
  let correctRefusals = 0;
  let falseRefusals = 0;
  let confidentWrong = 0;
  const latencies: number[] = [];
  const failures: AnswerEvalReport["failures"] = [];
  for (const q of questions) {
    const answer = await assistant.ask(q.question, { conversation: q.conversation ?? `eval-${q.id}`, channel: "cli" });
    latencies.push(answer.latencyMs);
    const verdict = judge(q, answer);
    if (q.answerable) {
      if (verdict.factsOk) factsOk++;
      if (verdict.factsOk && verdict.sourcesOk) correctWithSources++;
      if (!answer.answered) falseRefusals++;
      if (q.intent) {
        intentLabelled++;
        if (answer.intent === q.intent) intentOk++;
      }
    } else if (!answer.answered) correctRefusals++;
    if (verdict.confidentWrong) confidentWrong++;
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
    correctWithSources: ratio(correctWithSources, answerable),
    citationPrecision: ratio(citedCorrect, cited),
    correctRefusals: ratio(correctRefusals, unanswerable),
    falseRefusals: ratio(falseRefusals, answerable),
    confidentWrong,
    intentAccuracy: ratio(intentOk, intentLabelled),
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    failures,
  };
}

/** The labelled question sets: what we tune on (dev), its rewordings, and the held-out set over documents we never tuned on. */
export const EVAL_SETS = {
  dev: { questions: "test/eval/dev/questions.jsonl", knowledge: "knowledge", what: "dev (tuning set, seed documents)" },
  paraphrases: { questions: "test/eval/dev/paraphrases.jsonl", knowledge: "knowledge", what: "dev paraphrases (same questions, none of the documents' words)" },
  heldout: {
    questions: "test/eval/heldout/questions.jsonl",
    knowledge: "test/fixtures/unseen",
    what: "earlier held-out set (tuned on after its first blind run 0.60: tuning side now)",
  },
  blind: {
    questions: "test/eval/blind/questions.jsonl",
    knowledge: "test/fixtures/blind",
    what: "blind (10 new documents, 120 questions by an outside author; first blind run 0.462, docs/eval-blind.md)",
  },
} as const;
export type EvalSetName = keyof typeof EVAL_SETS;

function printReport(what: string, report: AnswerEvalReport): void {
  process.stdout.write(
    `\n## ${what}: ${report.mode} mode, ${report.questions} questions (${report.answerable} answerable, ${report.unanswerable} not answerable by the documents)\n\n`,
  );
  process.stdout.write(
    `${markdownTable([
      { metric: "fact accuracy (answerable, all facts present)", value: report.factAccuracy, target: "≥ 0.90" },
      { metric: "… and every citation in an expected source", value: report.correctWithSources, target: "≥ 0.90" },
      { metric: "citation precision (cited source expected)", value: report.citationPrecision, target: "≥ 0.95" },
      { metric: "correct refusals (unanswerable refused)", value: report.correctRefusals, target: "1.00" },
      { metric: "false refusals (answerable refused)", value: report.falseRefusals, target: "≤ 0.05" },
      { metric: "confident-wrong (answered, not answerable or no expected source cited)", value: report.confidentWrong, target: "0" },
      { metric: "intent accuracy (labelled questions)", value: report.intentAccuracy, target: "–" },
      { metric: "latency p50 ms", value: report.latencyP50, target: "–" },
      { metric: "latency p95 ms", value: report.latencyP95, target: "< 50 (offline)" },
    ])}\n`,
  );
  if (report.failures.length)
    process.stdout.write(`\n${report.failures.length} with problems:\n${report.failures.map((f) => `- ${f.id} "${f.question}": ${f.problem}`).join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("eval")
    .description("Answer quality on labelled question sets: facts, citations, refusals, latency. Reports dev, paraphrases and held-out separately.")
    .option("--set <name>", "dev, paraphrases, heldout, blind, or all", "all")
    .option("--questions <file>", "a question file of your own (JSON lines, see src/eval/answerQuestions.ts); with --knowledge")
    .option("--knowledge <dir>", "folder with the HR documents for --questions", "knowledge")
    .option("--mode <mode>", "offline, or llm (needs OPENAI_API_KEY or OPENAI_BASE_URL)", "offline")
    .option("--json", "print the reports as JSON")
    .parse();
  runCli(async () => {
    const options = program.opts<{ set: string; questions?: string; knowledge: string; mode: string; json?: boolean }>();
    if (options.mode !== "offline" && options.mode !== "llm") throw new Error('--mode must be "offline" or "llm"');
    const names = options.set === "all" ? (Object.keys(EVAL_SETS) as EvalSetName[]) : [options.set as EvalSetName];
    if (!options.questions && names.some((name) => !(name in EVAL_SETS))) throw new Error(`--set must be one of ${Object.keys(EVAL_SETS).join(", ")} or all`);
    let llm: GeneratedAnswerer | undefined;
    if (options.mode === "llm") {
      const config = loadConfig();
      if (!llmConfigured(config)) throw new Error("--mode llm needs OPENAI_API_KEY or OPENAI_BASE_URL");
      llm = createLlmAnswererFromConfig(config, createLogger("warn"));
      if (!llm) throw new Error("the LLM mode is not available in this build");
    }
    const runs = options.questions
      ? [{ what: options.questions, questions: options.questions, knowledge: options.knowledge }]
      : names.map((name) => EVAL_SETS[name]);
    const reports: Record<string, AnswerEvalReport> = {};
    for (const run of runs) {
      const questions = await readJsonLines(run.questions, AnswerQuestionSchema);
      reports[run.what] = await evaluateAnswers(questions, { knowledgeDir: resolve(run.knowledge), llm, mode: options.mode });
    }
    // One set: its report; several: a report per set.
    if (options.json) return void process.stdout.write(`${JSON.stringify(runs.length === 1 ? Object.values(reports)[0] : reports)}\n`);
    for (const [what, report] of Object.entries(reports)) printReport(what, report);
  });
}
