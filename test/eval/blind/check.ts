// Checks the blind question set: each line matches the schema, ids are unique, refusals carry no facts or sources,
// and every alternative of every fact occurs (case-insensitive, whitespace collapsed) in one of the question's
// sources. Word/PDF sources are checked against the text they were generated from (binary-sources.ts).
// Run: `npx tsx test/eval/blind/check.ts [questions.jsonl] [documents dir ...]` (defaults: this set). The trial set:
// `npx tsx test/eval/blind/check.ts test/eval/trial/questions.jsonl knowledge test/fixtures/trial`.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { plainText } from "../../fixtures/structures/binary-sources.js";
import { blindBinaries } from "./binary-sources.js";

const here = dirname(fileURLToPath(import.meta.url));
const questionsFile = process.argv[2] ?? join(here, "questions.jsonl");
const documentsDirs = process.argv.length > 3 ? process.argv.slice(3) : [join(here, "../../fixtures/blind")];

const EvalQuestion = z
  .object({
    id: z.string().min(1),
    who: z.enum(["manager", "recruiter", "employee"]),
    question: z.string().min(1),
    conversation: z.string().min(1).optional(),
    answerable: z.boolean(),
    facts: z.array(z.string().min(1)),
    sources: z.array(z.string().min(1)),
    intent: z.enum(["scale", "interview", "career", "competency", "development", "compare", "catalogue", "lookup", "help", "general"]).optional(),
    class: z.string().min(1),
  })
  .strict();
type EvalQuestion = z.infer<typeof EvalQuestion>;

const squash = (s: string): string => s.replace(/\s+/g, " ").trim().toLowerCase();
const decodeEntities = (s: string): string =>
  s
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

async function readFromDirs(file: string): Promise<string> {
  for (const dir of documentsDirs) {
    try {
      return await readFile(join(dir, file), "utf8");
    } catch {
      // not in this folder: try the next
    }
  }
  throw new Error(`${file} is in none of ${documentsDirs.join(", ")}`);
}

const texts = new Map<string, string>();
async function documentText(file: string): Promise<string> {
  const cached = texts.get(file);
  if (cached !== undefined) return cached;
  const binary = blindBinaries.find((b) => b.file === file);
  let text: string;
  if (binary) text = plainText(binary.blocks);
  else {
    const raw = await readFromDirs(file);
    text = file.endsWith(".html") ? decodeEntities(raw.replace(/<[^>]+>/g, " ")) : raw;
  }
  texts.set(file, squash(text));
  return squash(text);
}

const problems: string[] = [];
const lines = (await readFile(questionsFile, "utf8")).split("\n").filter((l) => l.trim() !== "");
const questions: EvalQuestion[] = [];
for (const [i, line] of lines.entries()) {
  const parsed = EvalQuestion.safeParse(JSON.parse(line));
  if (!parsed.success) problems.push(`line ${i + 1}: ${parsed.error.message}`);
  else questions.push(parsed.data);
}
const ids = new Set<string>();
for (const q of questions) {
  if (ids.has(q.id)) problems.push(`${q.id}: duplicate id`);
  ids.add(q.id);
  if (!q.answerable && (q.facts.length > 0 || q.sources.length > 0)) problems.push(`${q.id}: a refusal must have no facts and no sources`);
  if (q.answerable && q.facts.length > 0 && q.sources.length === 0) problems.push(`${q.id}: facts without sources`);
  for (const source of q.sources) {
    try {
      await documentText(source);
    } catch {
      problems.push(`${q.id}: source ${source} does not exist`);
    }
  }
  for (const fact of q.facts) {
    for (const alternative of fact.split("|")) {
      const needle = squash(alternative);
      const found = await Promise.all(q.sources.map(async (s) => (await documentText(s).catch(() => "")).includes(needle)));
      if (!found.some(Boolean)) problems.push(`${q.id}: fact "${alternative}" is in none of ${q.sources.join(", ")}`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
const refusals = questions.filter((q) => !q.answerable).length;
console.log(`${questions.length} questions (${refusals} not answerable) over ${texts.size} documents: every fact found in its sources`);
