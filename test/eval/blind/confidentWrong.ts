// Counts CONFIDENT-WRONG answers of a question set: answered (answered: true) although the question is not
// answerable, or answered while none of the cited documents is one of the question's expected sources.
// `npm run eval --json` reports only aggregates and failures, so the answers come from the CLI:
//   npx tsx test/eval/blind/confidentWrong.ts --write-batch /tmp/batch.jsonl [--questions FILE]
//   npm run --silent ask -- --knowledge test/fixtures/blind --json --batch /tmp/batch.jsonl > /tmp/answers.jsonl
//   npx tsx test/eval/blind/confidentWrong.ts --answers /tmp/answers.jsonl [--questions FILE] [--list]
// Prints the counts; --list also prints the ids (keep those out of docs/: the set must stay blind).
import { readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";

const Question = z.object({
  id: z.string(),
  question: z.string(),
  conversation: z.string().optional(),
  answerable: z.boolean(),
  sources: z.array(z.string()),
});
const Answer = z.object({
  question: z.string(),
  answered: z.boolean(),
  citations: z.array(z.object({ source: z.string() })),
});

const { values } = parseArgs({
  options: {
    questions: { type: "string", default: join(dirname(fileURLToPath(import.meta.url)), "questions.jsonl") },
    "write-batch": { type: "string" },
    answers: { type: "string" },
    list: { type: "boolean", default: false },
  },
});

const jsonLines = async (file: string): Promise<unknown[]> =>
  (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);

const questions = (await jsonLines(values.questions)).map((q) => Question.parse(q));

if (values["write-batch"]) {
  const lines = questions.map((q) => JSON.stringify(q.conversation ? { question: q.question, conversation: q.conversation } : { question: q.question }));
  await writeFile(values["write-batch"], `${lines.join("\n")}\n`);
  console.log(`wrote ${lines.length} batch lines to ${values["write-batch"]}`);
} else if (values.answers) {
  const answers = (await jsonLines(values.answers)).map((a) => Answer.parse(a));
  if (answers.length !== questions.length) throw new Error(`${answers.length} answers for ${questions.length} questions`);
  const unanswerableAnswered: string[] = [];
  const wrongDocument: string[] = [];
  const anyCitationOutside: string[] = [];
  questions.forEach((q, i) => {
    const answer = answers[i]!;
    if (answer.question !== q.question) throw new Error(`answer ${i + 1} is for "${answer.question}", expected "${q.question}"`);
    if (!answer.answered) return;
    if (!q.answerable) return void unanswerableAnswered.push(q.id);
    if (q.sources.length === 0) return; // e.g. "help": no document is expected
    const cited = answer.citations.map((c) => basename(c.source));
    if (!cited.some((c) => q.sources.includes(c))) wrongDocument.push(q.id);
    if (cited.some((c) => !q.sources.includes(c))) anyCitationOutside.push(q.id);
  });
  const answered = answers.filter((a) => a.answered).length;
  console.log(`questions: ${questions.length}, answered: ${answered}`);
  console.log(`confident-wrong: ${unanswerableAnswered.length + wrongDocument.length}`);
  console.log(`  answered although not answerable: ${unanswerableAnswered.length}`);
  console.log(`  answerable, answered, but no citation in an expected source: ${wrongDocument.length}`);
  console.log(`(stricter: answered answerable questions citing at least one unexpected document: ${anyCitationOutside.length})`);
  if (values.list) console.log(JSON.stringify({ unanswerableAnswered, wrongDocument, anyCitationOutside }));
} else {
  console.error("give --write-batch FILE or --answers FILE");
  process.exit(2);
}
