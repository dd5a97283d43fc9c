import type { DocumentSummary } from "../domain/assistant.js";
import type { ParsedDocument } from "../domain/document.js";
import { setOfSource } from "../domain/audience.js";
import { summariseSalaryTable } from "../domain/salaryTable.js";

/** What the index understood of one document: the HR admin's first check that their files were read right. */
export function summarise(doc: Pick<ParsedDocument, "meta" | "competencies" | "levels">): DocumentSummary {
  const levels = [...new Set([...doc.meta.jobLevels.map((l) => l.label), ...doc.levels.map((l) => l.label)])];
  return {
    source: doc.meta.source,
    set: setOfSource(doc.meta.source),
    title: doc.meta.title,
    system: doc.meta.system,
    levels,
    competencies: doc.competencies.length,
    competencyNames: [...new Set(doc.competencies.map((c) => c.name))],
    roles: (doc.meta.roles ?? []).map((role) => ({ title: role.title, levels: role.levels.map((l) => l.label) })),
    careerEdges: (doc.meta.careerEdges ?? []).map((edge) => `${edge.from} → ${edge.to}${edge.toRole ? ` (${edge.toRole})` : ""}`),
    facts: doc.meta.facts?.length ?? 0,
    tables: doc.meta.tables ?? 0,
    warnings: doc.meta.warnings ?? [],
    ...(doc.meta.salaryTables?.length ? { salaryTables: doc.meta.salaryTables.map(summariseSalaryTable) } : {}),
  };
}
