import { readFile, writeFile } from "node:fs/promises";
import type { Assistant } from "../domain/assistant.js";
import { Command } from "commander";
import { z } from "zod";
import { openAssistant } from "../app/openAssistant.js";
import type { Answer } from "../domain/answer.js";
import { createLogger } from "../platform/logger.js";
import { progressReporter } from "../platform/progressBar.js";
import type { Audience } from "../domain/audience.js";
import { cliAudience, cliConfig } from "./common.js";
import { runCli } from "../platform/runCli.js";
import { createLlmAnswererFromConfig } from "../answer/llm/fromConfig.js";

const program = new Command("ask")
  .description("Answer questions from the HR documents.")
  .argument("[question...]", "the question")
  .option("--index <dir>", "index folder")
  .option("--knowledge <dir>", "folder with the HR documents")
  .option("--audience <sets>", "which document sets answer: all (default), public, or set names separated by commas")
  .option("--json", "print one Answer object per line on stdout")
  .option("--batch <file>", "questions, one per line (plain or JSON {question, conversation})")
  .option("--interview-kit <role>", "write the role's interview kit as a Word document (with --out)")
  .option("--out <file>", "where --interview-kit writes the .docx")
  .option("--competencies <names>", "with --interview-kit: only these competencies, comma-separated")
  .option("--language <nl|en>", "with --interview-kit: the language of the kit's frame", "nl")
  .parse();

const KitOptions = z.object({
  interviewKit: z.string().trim().min(1, "--interview-kit needs a role"),
  out: z.string({ error: "--interview-kit needs --out FILE" }).min(1, "--interview-kit needs --out FILE"),
  competencies: z.string().optional(),
  language: z.enum(["nl", "en"], { error: '--language must be "nl" or "en"' }),
});

const BatchLine = z.union([z.object({ question: z.string(), conversation: z.string().optional() }), z.string()]);

function parseBatch(text: string): { question: string; conversation?: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      if (!line.startsWith("{")) return { question: line };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`batch line ${i + 1} is not valid JSON`);
      }
      const parsed = BatchLine.safeParse(value);
      if (!parsed.success || typeof parsed.data === "string") throw new Error(`batch line ${i + 1} needs a "question" string`);
      return parsed.data;
    });
}

function render(answer: Answer): string {
  const sources = answer.citations.map((c, i) => `  [${i + 1}] ${c.source} › ${c.section}`).join("\n");
  const next = answer.followUps.map((f) => `  → ${f}`).join("\n");
  return `${answer.answer}\n\n${sources ? `Bronnen:\n${sources}\n` : ""}${next ? `\n${next}\n` : ""}`;
}

/** `--interview-kit ROLE --out FILE`: the kit as a .docx; a role the documents lack is a one-line error. */
async function writeInterviewKit(assistant: Assistant, raw: Record<string, unknown>, audience: Audience | undefined): Promise<void> {
  const parsed = KitOptions.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  const { interviewKit: role, out, competencies, language } = parsed.data;
  const kit = await assistant.interviewKit!(
    {
      role,
      language,
      competencies: competencies
        ?.split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    },
    audience,
  );
  if (!kit.ok) throw new Error(kit.message);
  await writeFile(out, kit.docx);
  process.stderr.write(`${kit.fileName}: ${kit.competencies} competencies, ${kit.questions} interview questions → ${out}\n`);
}

runCli(async () => {
  const options = program.opts<{ index?: string; knowledge?: string; json?: boolean; batch?: string; audience?: string; interviewKit?: string }>();
  const audience = cliAudience(options.audience);
  if (options.interviewKit !== undefined) {
    const config = await cliConfig(options);
    const assistant = await openAssistant(config, { logger: createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL) });
    return writeInterviewKit(assistant, options, audience);
  }
  const questions = options.batch ? parseBatch(await readFile(options.batch, "utf8")) : [{ question: program.args.join(" ") }];
  if (!options.batch && !questions[0]!.question.trim()) throw new Error('no question given; usage: npm run ask -- [--json] "question"');
  const config = await cliConfig(options);
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const progress = progressReporter();
  const assistant = await openAssistant(config, { logger, onProgress: progress.onProgress, llm: createLlmAnswererFromConfig(config, logger) });
  progress.stop();
  for (const { question, conversation } of questions) {
    const answer = await assistant.ask(question, { conversation: conversation ?? (options.batch ? undefined : "cli"), channel: "cli", audience });
    process.stdout.write(options.json ? `${JSON.stringify(answer)}\n` : `${render(answer)}\n`);
  }
});
