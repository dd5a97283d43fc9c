import type { Vocabulary } from "../../vocabulary/vocabulary.js";
import type { ParsedDocument, Section } from "../../domain/document.js";
import { formatAmount, formatDate } from "./amounts.js";
import type { SalaryTable } from "../../domain/salaryTable.js";

/**
 * One section per level row, the row's citation: "Functiegebouw Rijk, Schaal 8,
 * per maand, geldig vanaf 1 januari 2025" and each step's amount. Written in
 * the documents' language (Dutch) with the pack's own words, so the LLM mode's
 * number check finds "schaal 8" and "€ 3.012,00" in the cited block.
 */
function rowSections(source: string, tables: SalaryTable[], vocabulary: Vocabulary): Section[] {
  const words = vocabulary.salaryWords;
  const stepWord = words.stepWords[0] ?? "";
  return tables.flatMap((table) =>
    table.rows.map((row) => {
      const header = [
        vocabulary.systems.system(table.system).name,
        row.label,
        words.periods[table.period][0],
        table.validFrom ? `${words.validFrom[0] ?? ""} ${formatDate(table.validFrom, "nl")}`.trim() : undefined,
      ].filter(Boolean);
      const steps = row.steps.map((s) => `- ${stepWord} ${s.step}: ${formatAmount(s.amount, table.currency, "nl")}`);
      return { id: "", source, path: [...table.path, row.label], kind: "salary" as const, text: `${header.join(", ")}:\n${steps.join("\n")}` };
    }),
  );
}

/**
 * A document with salary tables: a salary table document (no competency with
 * indicators or questions) keeps only its tables, one section per row, and names no role or
 * level; a job description that also holds a table of amounts keeps
 * everything and carries the tables besides.
 */
export function withSalaryTables(doc: ParsedDocument, tables: SalaryTable[], vocabulary: Vocabulary): ParsedDocument {
  // A table's rows can read as unnamed "competencies"; a job description's have indicators or questions.
  if (doc.competencies.some((c) => c.indicators.length || c.questions.length)) return { ...doc, meta: { ...doc.meta, salaryTables: tables } };
  const sections = rowSections(doc.meta.source, tables, vocabulary).map((section, i) => ({ ...section, id: `${doc.meta.source}#${i}` }));
  // A table's rows are levels, not the roles of a function list.
  const { roles: _roles, ...meta } = doc.meta;
  return {
    meta: { ...meta, kind: "salary-table", salaryTables: tables, jobLevels: [], facts: [], warnings: [] },
    sections,
    competencies: [],
    levels: [],
  };
}
