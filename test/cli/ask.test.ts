import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema } from "../../src/domain/answer.js";
import { tempDir } from "../support/knowledge.js";
import { runScript } from "../support/run.js";

const ASK = "src/cli/ask.ts";

describe("npm run ask (CLI contract)", () => {
  let index: string;
  beforeAll(() => {
    index = join(tempDir("fw-cli-"), "index");
  });

  it("builds a missing index, then prints exactly one Answer JSON line on stdout", async () => {
    const run = await runScript(ASK, ["--index", index, "--json", "Welke schaal past bij een servicedesk medewerker?"]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const answer = AnswerSchema.parse(JSON.parse(lines[0]!));
    expect(answer.intent).toBe("scale");
    expect(answer.citations.length).toBeGreaterThan(0);
  }, 30_000);

  it("answers a batch of plain and JSON lines in order, resolving follow-ups per conversation", async () => {
    const dir = tempDir("fw-batch-");
    const batch = join(dir, "questions.jsonl");
    writeFileSync(
      batch,
      [
        "Geef toetsvragen voor onderhandelen",
        JSON.stringify({ question: "Welke toetsvragen horen bij samenwerken?", conversation: "c1" }),
        JSON.stringify({ question: "en voor klantgerichtheid?", conversation: "c1" }),
        JSON.stringify({ question: "en voor klantgerichtheid?", conversation: "c2" }),
        "",
      ].join("\n"),
    );
    const run = await runScript(ASK, ["--index", index, "--json", "--batch", batch]);
    expect(run.code, run.stderr).toBe(0);
    const answers = run.stdout
      .trim()
      .split("\n")
      .map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => a.question)).toEqual([
      "Geef toetsvragen voor onderhandelen",
      "Welke toetsvragen horen bij samenwerken?",
      "en voor klantgerichtheid?",
      "en voor klantgerichtheid?",
    ]);
    expect(answers[2]!.intent).toBe("interview");
    expect(answers[3]!.intent).not.toBe("interview");
  }, 30_000);

  it("prints readable Markdown with sources without --json", async () => {
    const run = await runScript(ASK, ["--index", index, "Give interview questions for negotiating"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Bronnen:\n\s+\[1\] \S+/);
  }, 30_000);

  it("exits non-zero with a one-line error on bad arguments, a bad batch line and no documents", async () => {
    const noQuestion = await runScript(ASK, ["--index", index, "--json"]);
    expect(noQuestion.code).not.toBe(0);
    expect(noQuestion.stdout).toBe("");
    expect(noQuestion.stderr.trim().split("\n")).toHaveLength(1);

    const unknownFlag = await runScript(ASK, ["--frobnicate", "x"]);
    expect(unknownFlag.code).not.toBe(0);

    const dir = tempDir("fw-badbatch-");
    writeFileSync(join(dir, "b.txt"), '{"question": 3}\n');
    const badBatch = await runScript(ASK, ["--index", index, "--json", "--batch", join(dir, "b.txt")]);
    expect(badBatch.code).not.toBe(0);
    expect(badBatch.stderr).toMatch(/batch line 1/);

    const empty = join(dir, "empty-knowledge");
    mkdirSync(empty);
    const noDocs = await runScript(ASK, ["--knowledge", empty, "--index", join(dir, "idx"), "--json", "schaal?"]);
    expect(noDocs.code).not.toBe(0);
    expect(noDocs.stdout).toBe("");
    expect(noDocs.stderr.trim().split("\n")).toHaveLength(1);
  }, 60_000);
});

describe("npm run chat", () => {
  it("answers piped lines in order as one conversation", async () => {
    const index = join(tempDir("fw-chat-"), "index");
    const run = await runScript("src/cli/chat.ts", ["--index", index], {}, "Geef toetsvragen voor onderhandelen\nen voor klantgerichtheid?\n");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Toetsvragen voor Onderhandelen[\s\S]*Toetsvragen voor Klantgerichtheid/);
  }, 30_000);
});

describe("npm run ingest and search", () => {
  it("ingests with a one-line summary, reuses unchanged documents, and searches with citations", async () => {
    const index = join(tempDir("fw-cli-ingest-"), "index");
    const first = await runScript("src/cli/ingest.ts", ["--index", index]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout + first.stderr).toMatch(/5 documents/);
    const second = await runScript("src/cli/ingest.ts", ["--index", index]);
    expect(second.stdout + second.stderr).toMatch(/0 embedded|reused/);
    const search = await runScript("src/cli/search.ts", ["--index", index, "--json", "toetsvragen onderhandelen"]);
    expect(search.code, search.stderr).toBe(0);
    const hits = search.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(hits.length).toBeGreaterThan(0);
    expect(JSON.stringify(hits[0])).toMatch(/Onderhandelen/i);
  }, 60_000);
});
