import type { IngestResult } from "../indexing/ingest.js";
import type { SalaryTableSummary } from "../domain/salaryTable.js";

/** "salary table · rijk · valid from 2025-01-01 · 5 levels (8 … 12) × 7 steps · EUR 2900.00 – 5158.44 per month" */
function salaryTableLine(table: SalaryTableSummary): string {
  const from = table.validFrom ? `valid from ${table.validFrom}` : "no validity date";
  return `salary table · ${table.system} · ${from} · ${table.levels} levels (${table.first} … ${table.last}) × ${table.steps} steps · ${table.currency} ${table.min.toFixed(2)} – ${table.max.toFixed(2)} per ${table.period}`;
}

/**
 * The ingest report as a person reads it: one line per document with what was
 * understood, and a warning for each document that yielded no level, no
 * competency or no title, so an HR admin sees at once what to check.
 */
export function renderReport(result: Pick<IngestResult, "report" | "skipped" | "unusedGlossaryTerms" | "accessError">): string {
  const lines: string[] = [];
  if (result.accessError) lines.push(`  ✗ ${result.accessError}: only the documents directly in the knowledge folder are served until it is fixed`);
  for (const doc of result.report) {
    const levels = doc.levels.length ? doc.levels.slice(0, 6).join(", ") + (doc.levels.length > 6 ? ` (+${doc.levels.length - 6})` : "") : "–";
    lines.push(
      `  ${doc.source}: "${doc.title}" · ${doc.system} · levels ${levels} · ${doc.competencies} competencies · ${doc.facts} facts · ${doc.tables} tables`,
    );
    if (doc.roles.length) {
      lines.push(`    ${doc.roles.length} roles:`);
      for (const role of doc.roles) lines.push(`      - ${role.title}${role.levels.length ? ` (${role.levels.join(", ")})` : ""}`);
    }
    if (doc.competencyNames.length) lines.push(`    competencies: ${doc.competencyNames.join(", ")}`);
    if (doc.careerEdges.length) lines.push(`    career steps: ${doc.careerEdges.join("; ")}`);
    // Documents in a set (a top-level folder) say who may use them; the root set is always public.
    if (doc.set) lines.push(`    set ${doc.set} · ${doc.audience ?? "public"}`);
    for (const table of doc.salaryTables ?? []) lines.push(`    ${salaryTableLine(table)}`);
    for (const warning of doc.warnings) lines.push(`    ⚠ ${warning}`);
  }
  for (const skipped of result.skipped) lines.push(`  ✗ ${skipped.file}: skipped (${skipped.reason})`);
  if (result.unusedGlossaryTerms.length) lines.push(`  ⚠ glossary terms that occur in no document: ${result.unusedGlossaryTerms.join(", ")}`);
  return lines.join("\n");
}
