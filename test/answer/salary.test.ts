import { cpSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { formatAmount, formatDate } from "../../src/ingest/salary/amounts.js";
import { silentLogger } from "../../src/platform/logger.js";
import type { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { amount, SCALES, STEPS, TABLES, type TableName } from "../fixtures/salary/make-fixtures.js";
import { FakeOpenAi, dynamic, reply } from "../llm/fakeOpenAi.js";
import { answererFor, blockWith } from "../llm/setup.js";
import { buildAssistant, buildKnowledge, tempDir } from "../support/knowledge.js";

const FIXTURES = resolve("test/fixtures/salary/knowledge");
const nl = (table: TableName, scale: number, step: number) => formatAmount(amount(table, scale, step), "EUR", "nl");
const en = (table: TableName, scale: number, step: number) => formatAmount(amount(table, scale, step), "EUR", "en");
/** Every amount of a table, as an answer in Dutch would write it. */
const everyAmount = (table: TableName) => SCALES.flatMap((scale) => STEPS.map((step) => nl(table, scale, step)));

/** A copy of the salary fixtures without some of its files. */
function fixturesWithout(...files: string[]): string {
  const dir = tempDir("fw-salary-knowledge-");
  cpSync(FIXTURES, dir, { recursive: true });
  for (const file of files) rmSync(join(dir, file));
  return dir;
}

let assistant: FunctiewijzerAssistant;
let kb: KnowledgeBase;

beforeAll(async () => {
  ({ assistant, kb } = await buildAssistant(FIXTURES));
}, 60_000);

describe("salary answers from loaded salary tables", () => {
  it("prices a municipal role from the municipal table only, with the table's date and a citation to the row", async () => {
    const answer = await assistant.ask("Wat verdient een adviseur informatiebeheer gemeente?");
    expect(answer).toMatchObject({ intent: "salary", answered: true });
    expect(answer.answer).toContain(nl("gemeenten2025", 10, 0));
    expect(answer.answer).toContain(nl("gemeenten2025", 10, 6));
    expect(answer.answer).toContain(formatDate(TABLES.gemeenten2025.validFrom, "nl"));
    for (const rijk of [...everyAmount("rijk2025"), ...everyAmount("rijk2024")]) expect(answer.answer).not.toContain(rijk);
    expect(answer.citations).toContainEqual(
      expect.objectContaining({ source: "salaristabel-gemeenten-2025.csv", section: expect.stringMatching(/› Schaal 10$/) }),
    );
    expect(answer.citations.map((c) => c.source)).not.toContain("salaristabel-rijk-2025.pdf");
  });

  it("prices two roles of the same scale number each from its own system's table", async () => {
    const answer = await assistant.ask("Wat verdient een adviseur informatiebeheer?");
    const [rijk, gemeente] = [answer.answer.indexOf(nl("rijk2025", 10, 0)), answer.answer.indexOf(nl("gemeenten2025", 10, 0))];
    expect(rijk).toBeGreaterThan(-1);
    expect(gemeente).toBeGreaterThan(-1);
    // Each amount stands in the line that names its own system.
    const lineOf = (at: number) => answer.answer.slice(answer.answer.lastIndexOf("\n", at) + 1, answer.answer.indexOf("\n", at));
    expect(lineOf(rijk)).toContain("Functiegebouw Rijk");
    expect(lineOf(gemeente)).toContain("HR21");
  });

  it("uses the most recent of several tables of one system and says which", async () => {
    const answer = await assistant.ask("Wat is het salaris van de adviseur informatiebeheer Rijk?");
    expect(answer.answer).toContain(nl("rijk2025", 10, 6));
    for (const old of everyAmount("rijk2024")) expect(answer.answer).not.toContain(old);
    expect(answer.answer).toContain(`meest recente (${formatDate(TABLES.rijk2025.validFrom, "nl")})`);
    expect(answer.answer).toContain(formatDate(TABLES.rijk2024.validFrom, "nl"));
  });

  it("answers one step, the maximum and the minimum of a scale, in English too", async () => {
    const step = await assistant.ask("Hoeveel verdien ik bij het Rijk in schaal 9 trede 3?");
    expect(step.answer).toContain(nl("rijk2025", 9, 3));
    expect(step.answer).not.toContain(nl("rijk2025", 9, 6));
    const max = await assistant.ask("What is the maximum of scale 12 at the Rijk?");
    expect(max).toMatchObject({ intent: "salary", answered: true, language: "en" });
    expect(max.answer).toContain(en("rijk2025", 12, 6));
    expect(max.answer).not.toContain(en("rijk2025", 12, 0));
    const min = await assistant.ask("Wat is het minimum van schaal 8 bij de gemeente?");
    expect(min.answer).toContain(nl("gemeenten2025", 8, 0));
    expect(min.answer).not.toContain(nl("gemeenten2025", 8, 6));
  });

  it("takes an older table when it is the only one of the system left", async () => {
    const { assistant: older } = await buildAssistant(fixturesWithout("salaristabel-rijk-2025.pdf"));
    const answer = await older.ask("Wat is het salaris van de adviseur informatiebeheer Rijk?");
    expect(answer.answer).toContain(nl("rijk2024", 10, 0));
    expect(answer.answer).toContain(formatDate(TABLES.rijk2024.validFrom, "nl"));
    expect(answer.answer).not.toMatch(/meest recente/);
  }, 60_000);

  it("never prices a role from another system's table: without its own table it says what to load", async () => {
    const { assistant: municipalOnly } = await buildAssistant(fixturesWithout("salaristabel-rijk-2025.pdf", "salaristabel-rijk-2024.xlsx"));
    const answer = await municipalOnly.ask("Wat is het salaris van de adviseur informatiebeheer Rijk?");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toMatch(/geen salaristabel van Functiegebouw Rijk geladen/);
    for (const other of [...everyAmount("gemeenten2025"), ...everyAmount("gemeenten2024")]) expect(answer.answer).not.toContain(other);
  }, 60_000);

  it("refuses honestly when no salary table is loaded, naming what to load", async () => {
    const { assistant: seeds, kb: seedKb } = await buildAssistant();
    expect(seedKb.salaryTables).toEqual([]);
    const answer = await seeds.ask("Wat verdien ik in schaal 8?");
    expect(answer.answered).toBe(false);
    expect(answer.answer).not.toMatch(/€\s?\d/);
    const topic = seedKb.vocabulary.outOfScope.find((t) => t.id === "salary-amount")!;
    expect(answer.answer).toContain(topic.nl);
    expect(topic.nl).toMatch(/salaristabel/);
  }, 60_000);

  it("keeps salary tables out of the roles and in the inventory", () => {
    expect(kb.documents.map((d) => d.source).sort()).toEqual(["gemeente-adviseur-informatiebeheer.md", "rijk-adviseur-informatiebeheer.md"]);
    const inventory = assistant.inventory().documents.filter((d) => d.salaryTables?.length);
    expect(inventory.map((d) => d.source).sort()).toEqual([
      "salaristabel-gemeenten-2024.html",
      "salaristabel-gemeenten-2025.csv",
      "salaristabel-rijk-2024.xlsx",
      "salaristabel-rijk-2025.pdf",
    ]);
  });
});

describe("salary answers in LLM mode", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await FakeOpenAi.start();
  });
  afterAll(() => fake.close());

  const llmAssistant = async () =>
    new FunctiewijzerAssistant((await buildKnowledge(FIXTURES)).kb, {
      logger: silentLogger,
      maxQuestionChars: 2000,
      llm: answererFor(fake),
      reindex: () => Promise.reject(new Error("not in this test")),
    });

  it("accepts amounts the cited salary row states, and rejects an amount it does not", async () => {
    const bot = await llmAssistant();
    const right = nl("rijk2025", 10, 6);
    fake.respond(
      dynamic((body) =>
        reply(`Schaal 10 bij het Rijk loopt tot ${right} per maand [${blockWith(body, "Schaal 10")}].\nCITATIONS: [${blockWith(body, "Schaal 10")}]`),
      ),
    );
    const good = await bot.ask("Wat is het maximum van schaal 10 bij het Rijk?");
    expect(good.mode).toBe("llm");
    expect(good.answer).toContain(right);
    expect(good.citations[0]?.source).toBe("salaristabel-rijk-2025.pdf");

    // The municipal amount for the same scale number is not in the Rijk row: the check rejects it.
    const wrong = nl("gemeenten2025", 10, 6);
    fake.respond(dynamic((body) => reply(`Schaal 10 loopt tot ${wrong} [${blockWith(body, "Schaal 10")}].\nCITATIONS: [${blockWith(body, "Schaal 10")}]`)));
    const bad = await bot.ask("Wat is het maximum van schaal 10 bij het Rijk?");
    expect(bad.mode).toBe("offline");
    expect(bad.answer).not.toContain(wrong);
    expect(bad.answer).toContain(right);
  }, 60_000);
});
