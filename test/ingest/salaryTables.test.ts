import { writeFileSync } from "node:fs";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/cli/ingestReport.js";
import { formatAmount, parseAmount } from "../../src/ingest/salary/amounts.js";
import { loadFile, UnreadableDocumentError } from "../../src/ingest/loaders/index.js";
import { parseDocument } from "../../src/ingest/parse/index.js";
import { summarise } from "../../src/ingest/report.js";
import { defaultVocabulary } from "../../src/vocabulary/load.js";
import { amount, SCALES, STEPS, TABLES, type TableName } from "../fixtures/salary/make-fixtures.js";
import { KNOWLEDGE_DIR, tempDir } from "../support/knowledge.js";

const FIXTURES = resolve("test/fixtures/salary/knowledge");
const words = defaultVocabulary().salaryWords;

async function parse(dir: string, file: string) {
  const loaded = await loadFile(join(dir, file));
  return parseDocument({ source: file, text: loaded.text, format: loaded.format, title: loaded.title });
}

const LAYOUTS: [string, TableName][] = [
  ["salaristabel-rijk-2025.pdf", "rijk2025"],
  ["salaristabel-rijk-2024.xlsx", "rijk2024"],
  ["salaristabel-gemeenten-2025.csv", "gemeenten2025"],
  ["salaristabel-gemeenten-2024.html", "gemeenten2024"],
];

describe("salary tables as a document kind", () => {
  it.each(LAYOUTS)("reads every amount of %s with its system, date, period and currency", async (file, name) => {
    const doc = await parse(FIXTURES, file);
    expect(doc.meta.kind).toBe("salary-table");
    // A salary table names no role: no levels, competencies or warnings of a job description.
    expect(doc.meta.jobLevels).toEqual([]);
    expect(doc.competencies).toEqual([]);
    const [table, ...more] = doc.meta.salaryTables ?? [];
    expect(more).toEqual([]);
    expect(table).toMatchObject({ system: TABLES[name].system, validFrom: TABLES[name].validFrom, period: "month", currency: "EUR" });
    expect(table!.rows.map((row) => row.level)).toEqual(SCALES.map(String));
    for (const row of table!.rows) expect(row.steps).toEqual(STEPS.map((step) => ({ step: String(step), amount: amount(name, Number(row.level), step) })));
    // One cited section per row, whose text carries the level and every amount.
    expect(doc.sections.map((s) => s.path.at(-1))).toEqual(table!.rows.map((row) => row.label));
    expect(doc.sections[0]!.text).toMatch(/schaal 8/i);
    expect(doc.sections[0]!.text).toContain(formatAmount(amount(name, 8, 6), "EUR", "nl"));
    expect(doc.sections.every((s) => s.kind === "salary")).toBe(true);
  });

  it("reads a Markdown table the other way round, per hour, with an English validity date", async () => {
    const dir = tempDir("fw-salary-");
    writeFileSync(
      join(dir, "uurlonen.md"),
      "# Hourly wages, Functiegebouw Rijk\n\nAmounts per hour in euro, valid from 1 March 2026.\n\n| Step | Scale 3 | Scale 4 |\n| --- | --- | --- |\n| 0 | 14,10 | 15,20 |\n| 1 | 14,55 | 15,80 |\n| 2 | 15,00 | - |\n",
    );
    const [table] = (await parse(dir, "uurlonen.md")).meta.salaryTables ?? [];
    expect(table).toMatchObject({ system: "rijk", period: "hour", validFrom: "2026-03-01" });
    expect(table!.rows).toEqual([
      {
        level: "3",
        label: "Scale 3",
        steps: [
          { step: "0", amount: 14.1 },
          { step: "1", amount: 14.55 },
          { step: "2", amount: 15 },
        ],
      },
      {
        level: "4",
        label: "Scale 4",
        steps: [
          { step: "0", amount: 15.2 },
          { step: "1", amount: 15.8 },
        ],
      },
    ]);
  });

  it("finds no salary table in the seed job descriptions (their tables are facts, not amounts)", async () => {
    for (const file of readdirSync(KNOWLEDGE_DIR).filter((f) => /\.(txt|md)$/.test(f))) {
      const doc = await parse(KNOWLEDGE_DIR, file);
      expect(doc.meta.salaryTables, file).toBeUndefined();
      expect(doc.meta.kind, file).toBeUndefined();
    }
  });

  it("reads amounts as Dutch and English tables and Excel write them, and nothing else", () => {
    expect(parseAmount("€ 3.012,00", words)).toBe(3012);
    expect(parseAmount("3.012", words)).toBe(3012);
    expect(parseAmount("3012.5", words)).toBe(3012.5);
    expect(parseAmount("EUR 3,012.40", words)).toBe(3012.4);
    expect(parseAmount("€ 2.345,-", words)).toBe(2345);
    expect(parseAmount("14,10", words)).toBe(14.1);
    for (const text of ["", "-", "Schaal 8", "1-1-2025", "3.01.2", "abc 3000"]) expect(parseAmount(text, words), text).toBeUndefined();
  });

  it("reports a damaged spreadsheet and a binary CSV instead of indexing them", async () => {
    const dir = tempDir("fw-salary-");
    writeFileSync(join(dir, "kapot.xlsx"), Buffer.from("PK\u0003\u0004 not really a zip"));
    writeFileSync(join(dir, "binair.csv"), Buffer.from([0x41, 0x00, 0x42, 0x3b, 0x43]));
    await expect(loadFile(join(dir, "kapot.xlsx"))).rejects.toThrow(UnreadableDocumentError);
    await expect(loadFile(join(dir, "binair.csv"))).rejects.toThrow(/NUL bytes/);
  });

  it("shows each table in the ingest report: system, date, levels, steps and range", async () => {
    const doc = await parse(FIXTURES, "salaristabel-rijk-2025.pdf");
    const report = renderReport({ report: [summarise(doc)], skipped: [], unusedGlossaryTerms: [] });
    const [min, max] = [amount("rijk2025", 8, 0), amount("rijk2025", 12, 6)];
    expect(report).toContain(`salary table · rijk · valid from 2025-01-01 · 5 levels (8 … 12) × 7 steps · EUR ${min.toFixed(2)} – ${max.toFixed(2)} per month`);
  });
});
