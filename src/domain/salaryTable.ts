/** A salary table: the amounts per level (scale) and step (trede) of one classification system, valid from a date. */

export type SalaryPeriod = "month" | "hour" | "year";

/** One level's row: its code as the system writes it ("8", "C1") and the amount at each step, in the table's order. */
export type SalaryRow = {
  /** The level's code ("8"); `label` is how the table writes it ("Schaal 8"). */
  level: string;
  label: string;
  steps: { step: string; amount: number }[];
};

export type SalaryTable = {
  /** Where the table stands in its document: the citation's section path is `[...path, row.label]`. */
  path: string[];
  /** Registry id of the classification system the table belongs to. */
  system: string;
  /** ISO 4217 code. */
  currency: string;
  period: SalaryPeriod;
  /** ISO date (YYYY-MM-DD) the amounts take effect, when the document says. */
  validFrom?: string;
  rows: SalaryRow[];
};

/** A table with its document, as the index serves it. */
export type StoredSalaryTable = SalaryTable & { source: string; title: string };

/** The lowest and the highest amount of a row (its first and last step, as tables run upward). */
export function rowRange(row: SalaryRow): { min: SalaryRow["steps"][number]; max: SalaryRow["steps"][number] } {
  let [min, max] = [row.steps[0]!, row.steps[0]!];
  for (const step of row.steps) {
    if (step.amount < min.amount) min = step;
    if (step.amount > max.amount) max = step;
  }
  return { min, max };
}

/** What the ingest report shows of a table. */
export type SalaryTableSummary = {
  system: string;
  validFrom?: string;
  currency: string;
  period: SalaryPeriod;
  levels: number;
  steps: number;
  min: number;
  max: number;
  /** First and last level code, in table order. */
  first: string;
  last: string;
};

export function summariseSalaryTable(table: SalaryTable): SalaryTableSummary {
  const amounts = table.rows.flatMap((row) => row.steps.map((s) => s.amount));
  return {
    system: table.system,
    ...(table.validFrom ? { validFrom: table.validFrom } : {}),
    currency: table.currency,
    period: table.period,
    levels: table.rows.length,
    steps: Math.max(0, ...table.rows.map((row) => row.steps.length)),
    min: Math.min(...amounts),
    max: Math.max(...amounts),
    first: table.rows[0]!.level,
    last: table.rows.at(-1)!.level,
  };
}
