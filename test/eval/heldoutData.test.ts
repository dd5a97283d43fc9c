import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AnswerQuestionSchema } from "../../src/eval/answerQuestions.js";
import { readJsonLines } from "../../src/eval/searchQuestions.js";

/**
 * Integrity of the held-out material (issues 12 and 13): the unseen fixtures, their expected extraction,
 * the held-out questions and the dev paraphrases. It checks the data against itself and against the
 * documents' own text, never against what the parser or answerer does.
 */

const UNSEEN = "test/fixtures/unseen";
const NOT_DOCUMENTS = new Set(["README.md", "expected.json", "make-binaries.ts"]);
const INTENTS = ["scale", "interview", "career", "competency", "development", "compare", "catalogue", "lookup", "help", "general"] as const;
const SYSTEMS = ["ufo", "rijk", "hr21", "fwg", "cao-woondiensten", "hay", "vlaamse-overheid", "vlaams-lokaal", "federaal", "generic"] as const;

const HeldoutQuestionSchema = AnswerQuestionSchema.extend({
  id: z.string().regex(/^h\d{2,3}$/),
  intent: z.enum(INTENTS).optional(),
  class: z.enum(["work-description", "paraphrase", "follow-up", "other-intent", "refusal"]),
});

const ParaphraseSchema = AnswerQuestionSchema.extend({ id: z.string().regex(/^p\d{2,3}$/), of: z.string() });

const ExpectedSchema = z.array(
  z
    .object({
      file: z.string(),
      title: z.string().min(1),
      system: z.enum(SYSTEMS),
      levels: z.array(z.string().min(1)),
      competencies: z.array(
        z.object({
          name: z.string().min(1),
          indicators: z.number().int().min(0),
          questions: z.number().int().min(0),
          tips: z.number().int().min(0),
        }),
      ),
      facts: z.record(z.string(), z.string().min(1)),
      competencyLevels: z.array(z.object({ competency: z.string(), class: z.string(), level: z.number().int().min(1).max(3) })).optional(),
    })
    .strict(),
);

/** A document's text as a reader sees it: markup removed, whitespace collapsed, lower case. */
async function documentText(file: string): Promise<string> {
  const path = join(UNSEEN, file);
  let text: string;
  if (file.endsWith(".docx")) {
    text = (await mammoth.extractRawText({ path })).value;
  } else if (file.endsWith(".pdf")) {
    // pdf.js's plain text items, independent of our own PDF loader: the reference a person reads.
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    }
    await pdf.destroy();
    text = pages.join(" ");
  } else {
    text = await readFile(path, "utf8");
    if (file.endsWith(".html")) text = text.replace(/<[^>]*>/g, " ");
    text = text.replaceAll("**", "");
  }
  return text.replace(/\s+/g, " ").toLowerCase();
}

async function documentFiles(): Promise<string[]> {
  return (await readdir(UNSEEN)).filter((name) => !NOT_DOCUMENTS.has(name)).sort();
}

describe("held-out fixtures (test/fixtures/unseen)", () => {
  it("has an expected extraction for every document and a document for every expectation", async () => {
    const files = await documentFiles();
    const expected = ExpectedSchema.parse(JSON.parse(await readFile(join(UNSEEN, "expected.json"), "utf8")));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(expected.map((entry) => entry.file).sort()).toEqual(files);
    const readme = await readFile(join(UNSEEN, "README.md"), "utf8");
    for (const file of files) expect(readme, `README lists ${file}`).toContain(`\`${file}\``);
  });

  it("states only facts, competencies and levels the documents really contain", async () => {
    const expected = ExpectedSchema.parse(JSON.parse(await readFile(join(UNSEEN, "expected.json"), "utf8")));
    for (const entry of expected) {
      const text = await documentText(entry.file);
      for (const [label, value] of Object.entries(entry.facts)) {
        expect(text, `${entry.file}: label "${label}"`).toContain(label.toLowerCase());
        expect(text, `${entry.file}: value of "${label}"`).toContain(value.replace(/\s+/g, " ").toLowerCase());
      }
      for (const level of entry.levels) {
        // UFO levels come from the flattened NiveauSchaal table: niveau digit followed by the schaal.
        const written = entry.system === "ufo" ? new RegExp(`^\\s*\\d${level}\\s*$`, "m") : null;
        if (written) expect(await readFile(join(UNSEEN, entry.file), "utf8"), `${entry.file}: level ${level}`).toMatch(written);
        else expect(text, `${entry.file}: level ${level}`).toContain(level.toLowerCase());
      }
      for (const row of entry.competencyLevels ?? []) {
        expect(text, `${entry.file}: ${row.competency}`).toContain(row.competency);
        expect(text, `${entry.file}: class ${row.class}`).toContain(`functieklasse ${row.class}`);
      }
    }
  }, 30_000);

  it("keeps the family's competency-level table complete: every competency has a level for every class", async () => {
    const expected = ExpectedSchema.parse(JSON.parse(await readFile(join(UNSEEN, "expected.json"), "utf8")));
    const families = expected.filter((entry) => entry.competencyLevels !== undefined);
    expect(families).toHaveLength(1);
    const family = families[0]!;
    const rows = family.competencyLevels ?? [];
    expect(rows).toHaveLength(family.competencies.length * family.levels.length);
    for (const competency of family.competencies) {
      expect(rows.filter((row) => row.competency === competency.name).map((row) => row.class)).toEqual(family.levels);
    }
  });

  it("gives the Word profile a title property and both binaries the fixed creation date", async () => {
    const zip = await JSZip.loadAsync(await readFile(join(UNSEEN, "ziekenhuis-verpleegkundige.docx")));
    const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
    expect(core).toContain("<dc:title>Functieprofiel Verpleegkundige Interne Geneeskunde</dc:title>");
    expect(core).toContain("2024-03-01T09:00:00Z");
    const pdf = (await readFile(join(UNSEEN, "gemeente-medewerker-publiekszaken.pdf"))).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).toContain("D:20240301090000Z");
  });
});

describe("held-out questions (test/eval/heldout/questions.jsonl)", () => {
  it("covers every class with the agreed minimum and refuses with no facts and no sources", async () => {
    const questions = await readJsonLines("test/eval/heldout/questions.jsonl", HeldoutQuestionSchema);
    expect(questions.length).toBeGreaterThanOrEqual(70);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const refusals = questions.filter((q) => q.class === "refusal");
    expect(refusals.length).toBeGreaterThanOrEqual(12);
    for (const q of refusals) expect(q, q.id).toMatchObject({ answerable: false, facts: [], sources: [] });
    for (const q of questions.filter((q) => q.class !== "refusal")) expect(q.answerable, q.id).toBe(true);
    for (const cls of ["work-description", "paraphrase", "follow-up", "other-intent"] as const) {
      expect(questions.filter((q) => q.class === cls).length, cls).toBeGreaterThanOrEqual(10);
    }
  });

  it("asks follow-ups as chains of three turns in one conversation", async () => {
    const questions = await readJsonLines("test/eval/heldout/questions.jsonl", HeldoutQuestionSchema);
    const chains = new Map<string, number>();
    for (const q of questions) if (q.conversation) chains.set(q.conversation, (chains.get(q.conversation) ?? 0) + 1);
    expect(chains.size).toBeGreaterThanOrEqual(5);
    for (const [id, turns] of chains) expect(turns, id).toBe(3);
    for (const q of questions.filter((q) => q.class === "follow-up")) expect(q.conversation, q.id).toBeDefined();
  });

  it("checks only facts that the cited documents state", async () => {
    const questions = await readJsonLines("test/eval/heldout/questions.jsonl", HeldoutQuestionSchema);
    const files = new Set(await documentFiles());
    const texts = new Map<string, string>();
    for (const file of files) texts.set(file, await documentText(file));
    // The UFO profile states its schalen only in the flattened NiveauSchaal table ("111" / "210").
    const levelFromNiveauSchaal = new Set(["h09"]);
    for (const q of questions.filter((q) => q.answerable)) {
      for (const source of q.sources) expect(files.has(source), `${q.id}: ${source}`).toBe(true);
      if (levelFromNiveauSchaal.has(q.id)) continue;
      const cited = q.sources.map((source) => texts.get(source) ?? "").join(" ");
      for (const fact of q.facts) {
        const found = fact.split("|").some((variant) => cited.includes(variant.toLowerCase()));
        expect(found, `${q.id}: "${fact}" in ${q.sources.join(", ")}`).toBe(true);
      }
    }
  }, 30_000);
});

describe("dev paraphrases (test/eval/dev/paraphrases.jsonl)", () => {
  it("rewords every answerable dev question about a competency or a level twice, keeping its facts, sources and intent", async () => {
    const dev = await readJsonLines("test/eval/dev/questions.jsonl", AnswerQuestionSchema);
    const paraphrases = await readJsonLines("test/eval/dev/paraphrases.jsonl", ParaphraseSchema);
    expect(new Set(paraphrases.map((p) => p.id)).size).toBe(paraphrases.length);
    const byId = new Map(dev.map((q) => [q.id, q]));
    for (const p of paraphrases) {
      const original = byId.get(p.of);
      expect(original, `${p.id} rewords ${p.of}`).toBeDefined();
      expect({ facts: p.facts, sources: p.sources, intent: p.intent, answerable: p.answerable }, p.id).toEqual({
        facts: original?.facts,
        sources: original?.sources,
        intent: original?.intent,
        answerable: original?.answerable,
      });
      expect(p.question.toLowerCase(), p.id).not.toBe(original?.question.toLowerCase());
    }
    const levelOrCompetency = new Set(["scale", "career", "interview", "development", "competency"]);
    for (const q of dev.filter((q) => q.answerable && q.intent !== undefined && levelOrCompetency.has(q.intent))) {
      expect(paraphrases.filter((p) => p.of === q.id).length, `${q.id} has two rewordings`).toBe(2);
    }
  });
});
