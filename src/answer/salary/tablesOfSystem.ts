import type { StoredSalaryTable } from "../../domain/salaryTable.js";

/**
 * The salary tables of one classification system, most recent first (a table
 * without a date last). A role's level is only ever priced from its own
 * system's tables: there is no fallback to another system.
 */
export function tablesOfSystem(tables: readonly StoredSalaryTable[], system: string): StoredSalaryTable[] {
  return tables.filter((table) => table.system === system).sort((a, b) => (b.validFrom ?? "").localeCompare(a.validFrom ?? ""));
}
